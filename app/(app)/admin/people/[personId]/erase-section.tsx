"use client";

import { useState } from "react";
import { describedBy, Field } from "@/app/_components/form";
import { Panel } from "@/app/_components/panel";
import { inputClass } from "@/app/_components/styles";
import { ConfirmForm } from "../../_components/confirm-form";
import { erase } from "./actions";

/** Controlled, so what was typed outlives the form's reset when the erasure is refused. */
function ConfirmationInput({ id, label, error }: { id: string; label: string; error?: string }) {
  const [value, setValue] = useState("");
  return (
    <div className="pt-2 text-stone-900">
      <Field id={id} label={label} hint="Not case-sensitive." error={error}>
        <input
          id={id}
          name="confirmation"
          type="text"
          required
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          value={value}
          onChange={(event) => setValue(event.target.value)}
          className={inputClass}
          data-autofocus
          {...describedBy(id, error)}
        />
      </Field>
    </div>
  );
}

/**
 * Erasing a person's personal data on request: a dialog that says exactly what becomes of what, and
 * asks for their name or email before anything happens. Not offered on one's own page.
 */
export function EraseSection({
  personId,
  name,
  email,
  placeholderName,
  active,
  isSelf,
  leaverConsequence,
}: {
  personId: string;
  name: string;
  email: string;
  /** What they will be called. */
  placeholderName: string;
  active: boolean;
  isSelf: boolean;
  leaverConsequence: string;
}) {
  return (
    <Panel
      title="Erase personal data"
      description="When someone asks for their personal data to be erased (their right to erasure)."
    >
      {isSelf ? (
        <p className="text-sm text-stone-700">
          You can&apos;t erase your own personal data; ask another admin.
        </p>
      ) : (
        <ConfirmForm
          action={erase}
          fields={{ personId }}
          triggerLabel="Erase personal data"
          triggerAccessibleLabel={`Erase personal data of ${name}`}
          title={`Erase the personal data of ${name}?`}
          confirmLabel="Erase for good"
          pendingLabel="Erasing…"
        >
          {(state) => (
            <>
              <p className="font-medium text-red-800">This can&apos;t be undone.</p>
              <ul className="list-disc space-y-1 pl-5">
                <li>
                  Their name becomes “{placeholderName}” and their email an address that receives no mail.
                  Their employee ID, Slack link, birthday and hire date are removed.
                </li>
                <li>
                  The messages of recognitions they gave or received, the reasons for their boosts and
                  mentions of them in colleagues&apos; messages are replaced.
                </li>
                <li>
                  Their redemptions keep the reward and the amounts but no longer name them; gift links are
                  removed. Audit entries and notices that name them are rewritten.
                </li>
                <li>They can no longer sign in: their sign-in identities are removed.</li>
                {active ? <li>They are deactivated first. {leaverConsequence}</li> : null}
                <li>
                  Kept: points, the ledger and every amount, and their lines on the bills, which are
                  accounting records.
                </li>
              </ul>
              <ConfirmationInput
                id={`confirmation-${personId}`}
                label={`To confirm, type ${name} or ${email}`}
                error={state.status === "error" ? state.fieldErrors.confirmation : undefined}
              />
            </>
          )}
        </ConfirmForm>
      )}
    </Panel>
  );
}
