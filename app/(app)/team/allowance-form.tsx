"use client";

import { useActionState, useState } from "react";
import { describedBy, Field, FormMessage, SubmitButton } from "@/app/_components/form";
import { inputClass, secondaryButtonClass } from "@/app/_components/styles";
import { type FormState, IDLE } from "@/app/_lib/form-state";
import { CONFIRM_OVER_CEILING } from "@/core/allowances/over-ceiling-field";
import { setTeamAllowance } from "./actions";
import { OverCeilingConfirmation } from "./over-ceiling-confirmation";

const AMOUNT_ID = "monthly-allowance";

/**
 * Sets the monthly allowance of the reports ticked in the table. The ticks live outside this form (a
 * form reset after an action would untick controlled checkboxes), so they travel as hidden inputs.
 */
export function AllowanceForm({
  selectedIds,
  onSaved,
}: {
  selectedIds: readonly string[];
  /** Called once the allowance is saved, to untick the people it was set for. */
  onSaved: () => void;
}) {
  // Controlled, so what was typed survives a refused submit; a saved one clears it.
  const [amount, setAmount] = useState("");
  const [state, action, pending] = useActionState(async (previous: FormState, form: FormData) => {
    const next = await setTeamAllowance(previous, form);
    if (next.status === "ok") {
      setAmount("");
      onSaved();
    }
    return next;
  }, IDLE);
  const amountError = state.status === "error" ? state.fieldErrors.monthlyAmount : undefined;
  const selectionError = state.status === "error" ? state.fieldErrors.personIds : undefined;

  return (
    // Validation is the use case's, so its messages appear beside the field instead of the browser's.
    <form action={action} noValidate className="space-y-3" aria-label="Set monthly allowance">
      {selectedIds.map((id) => (
        <input key={id} type="hidden" name="personId" value={id} />
      ))}
      <div aria-live="polite">
        <p className="text-sm text-stone-600">
          {selectedIds.length === 0
            ? "Tick the people to change in the table below."
            : `${selectedIds.length} selected.`}
        </p>
        {selectionError ? <p className="text-sm text-red-700">{selectionError}</p> : null}
      </div>
      <div className="flex flex-wrap items-start gap-3">
        <div className="w-full sm:w-72">
          <Field
            id={AMOUNT_ID}
            label="Monthly allowance (points)"
            hint="Replaces the org default. Per-report amounts and boosts add on top."
            error={amountError}
          >
            <input
              id={AMOUNT_ID}
              name="monthlyAmount"
              type="number"
              inputMode="numeric"
              min={0}
              step={1}
              autoComplete="off"
              value={amount}
              onChange={(event) => setAmount(event.target.value)}
              className={inputClass}
              {...describedBy(AMOUNT_ID, amountError)}
            />
          </Field>
        </div>
        <div className="flex flex-wrap gap-2 sm:pt-6">
          <SubmitButton pending="Saving…">Set allowance</SubmitButton>
          <button
            type="submit"
            name="intent"
            value="default"
            disabled={pending}
            className={secondaryButtonClass}
          >
            Return to the default
          </button>
        </div>
      </div>
      <OverCeilingConfirmation state={state} />
      <FormMessage state={state} placed={["monthlyAmount", "personIds", CONFIRM_OVER_CEILING]} />
    </form>
  );
}
