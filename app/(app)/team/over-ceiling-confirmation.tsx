import { checkboxClass } from "@/app/_components/styles";
import type { FormState } from "@/app/_lib/form-state";
import { CONFIRM_OVER_CEILING } from "@/core/allowances/over-ceiling-field";

/**
 * After an admin's amount was refused as over the org's ceiling for managers: what it is worth, and a box
 * to tick to set it anyway on the next submit.
 */
export function OverCeilingConfirmation({ state }: { state: FormState }) {
  const message = state.status === "error" ? state.fieldErrors[CONFIRM_OVER_CEILING] : undefined;
  if (!message) return null;
  return (
    <div role="alert" className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
      <p>{message}</p>
      <label className="mt-2 flex items-center gap-2 font-medium">
        <input type="checkbox" name={CONFIRM_OVER_CEILING} className={checkboxClass} />
        Yes, go past the ceiling
      </label>
    </div>
  );
}
