import { Panel } from "@/app/_components/panel";
import { buttonClass } from "@/app/_components/styles";
import { ActionButton } from "../../_components/action-button";
import { ConfirmForm } from "../../_components/confirm-form";
import { deactivate, reactivate } from "./actions";

/** Deactivate a leaver, with the org's leaver policy spelled out before and in the confirmation; or reactivate. */
export function StatusSection({
  personId,
  name,
  active,
  isSelf,
  leaverConsequence,
  deactivatedOn,
}: {
  personId: string;
  name: string;
  active: boolean;
  isSelf: boolean;
  /** What the org's leaver policy does to their earned balance, with its money value. */
  leaverConsequence: string;
  deactivatedOn: string | null;
}) {
  if (!active) {
    return (
      <Panel
        title="Reactivate"
        description={`${name} was deactivated${deactivatedOn ? ` on ${deactivatedOn}` : ""}.`}
      >
        <div className="space-y-4">
          <p className="text-sm text-stone-700">
            Reactivating lets them sign in, give and receive points again, with this month&apos;s allowance.
            Points forfeited when they left are not given back.
          </p>
          <ActionButton
            action={reactivate}
            fields={{ personId }}
            label={`Reactivate ${name}`}
            pendingLabel="Reactivating…"
            className={buttonClass}
          />
        </div>
      </Panel>
    );
  }

  return (
    <Panel
      title="Deactivate"
      description="For leavers. Their history stays; they can no longer sign in, give or receive points."
    >
      {isSelf ? (
        <p className="text-sm text-stone-700">You can&apos;t deactivate yourself; ask another admin.</p>
      ) : (
        <div className="space-y-4">
          <p className="rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900">{leaverConsequence}</p>
          <ConfirmForm
            action={deactivate}
            fields={{ personId }}
            triggerLabel={`Deactivate ${name}`}
            title={`Deactivate ${name}?`}
            confirmLabel="Deactivate"
            pendingLabel="Deactivating…"
          >
            <p>They will no longer be able to sign in, give or receive points. Their history stays.</p>
            <p className="font-medium text-stone-800">{leaverConsequence}</p>
          </ConfirmForm>
        </div>
      )}
    </Panel>
  );
}
