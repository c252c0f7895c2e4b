"use client";

import type { ReactNode } from "react";
import { FormMessage, SubmitButton } from "@/app/_components/form";
import type { PointValue } from "@/core/shared/money";
import { ConfirmForm } from "../../_components/confirm-form";
import { EditableItem } from "../../_components/editable-item";
import { HiddenFields } from "../../_components/hidden-fields";
import { useKeptForm } from "../../_components/use-kept-form";
import { addCustomReward, editCustomReward, retireCustomReward } from "./actions";
import { type CustomRewardDefaults, CustomRewardFields, NO_DEFAULTS } from "./custom-reward-fields";

type KeptForm = ReturnType<typeof useKeptForm>;

/** The fields with what was typed kept after a refusal, remounted when the saved reward changes. */
function KeptFields({
  form,
  idPrefix,
  defaults,
  pointValue,
}: {
  form: KeptForm;
  idPrefix: string;
  defaults: CustomRewardDefaults;
  pointValue: PointValue;
}) {
  const refused = form.state.status === "error";
  return (
    <CustomRewardFields
      key={`${form.fieldsKey}:${JSON.stringify(defaults)}`}
      idPrefix={idPrefix}
      pointValue={pointValue}
      defaults={{
        name: form.kept("name", defaults.name),
        description: form.kept("description", defaults.description),
        pointsPrice: form.kept("pointsPrice", defaults.pointsPrice),
        stock: form.kept("stock", defaults.stock),
        internalCost: form.kept("internalCost", defaults.internalCost),
        // An unticked box sends nothing: after a refused submit, absent means unticked.
        requiresApproval: refused ? form.kept("requiresApproval") === "on" : defaults.requiresApproval,
      }}
      errors={{
        name: form.error("name"),
        description: form.error("description"),
        pointsPrice: form.error("pointsPrice"),
        stock: form.error("stock"),
        internalCostMinor: form.error("internalCostMinor"),
      }}
    />
  );
}

export function AddCustomRewardForm({ pointValue }: { pointValue: PointValue }) {
  const form = useKeptForm(addCustomReward);
  return (
    <form action={form.action} className="space-y-4">
      <KeptFields form={form} idPrefix="new-reward" defaults={NO_DEFAULTS} pointValue={pointValue} />
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pending="Adding…">Add reward</SubmitButton>
        <FormMessage {...form.message} />
      </div>
    </form>
  );
}

function Editor({
  rewardId,
  defaults,
  pointValue,
  id,
}: {
  rewardId: string;
  defaults: CustomRewardDefaults;
  pointValue: PointValue;
  id: string;
}) {
  const form = useKeptForm(editCustomReward);
  return (
    <form id={id} action={form.action} className="mt-4 space-y-4 border-t border-stone-200 pt-4">
      <HiddenFields fields={{ customRewardId: rewardId }} />
      <KeptFields form={form} idPrefix={`reward-${rewardId}`} defaults={defaults} pointValue={pointValue} />
      <p className="text-sm text-stone-500">Redemptions already made keep the price they were made at.</p>
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pending="Saving…">Save</SubmitButton>
        <FormMessage {...form.message} />
      </div>
    </form>
  );
}

/** Edit (in place) and Retire (behind a confirmation) for an active custom reward. */
export function ActiveRewardActions({
  rewardId,
  name,
  defaults,
  pointValue,
  children,
}: {
  rewardId: string;
  name: string;
  defaults: CustomRewardDefaults;
  pointValue: PointValue;
  /** The reward as the list shows it. */
  children: ReactNode;
}) {
  return (
    <EditableItem
      name={name}
      summary={children}
      retire={
        <ConfirmForm
          action={retireCustomReward}
          fields={{ customRewardId: rewardId }}
          triggerLabel="Retire"
          triggerAccessibleLabel={`Retire ${name}`}
          title={`Retire “${name}”?`}
          confirmLabel="Retire reward"
          pendingLabel="Retiring…"
        >
          <p>
            It leaves the catalog, so nobody can redeem it any more. Redemptions already made stay as they
            are, and you can restore it later.
          </p>
        </ConfirmForm>
      }
      editor={(id) => <Editor rewardId={rewardId} defaults={defaults} pointValue={pointValue} id={id} />}
    />
  );
}
