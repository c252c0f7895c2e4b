import { numberField, textField } from "@/app/_lib/form-state";
import { parseMoneyInput } from "@/app/_lib/money-input";
import type { CreateCustomRewardInput } from "@/core/rewards/create-custom-reward";
import { DomainError } from "@/core/shared/errors";

/**
 * A custom reward's fields as the add and edit forms send them. Empty stock means no limit and an empty
 * cost means none given; the cost is decimal text in the org's currency, read without floats.
 */
export function customRewardFromForm(form: FormData, currency: string): Required<CreateCustomRewardInput> {
  const costText = textField(form, "internalCost");
  const cost = costText === undefined ? null : parseMoneyInput(costText, currency);
  if (cost && !cost.ok) throw new DomainError("invalid", cost.message, { field: "internalCostMinor" });
  return {
    name: textField(form, "name") ?? "",
    description: textField(form, "description") ?? "",
    // Text that is not a whole number reaches the use case as NaN, which it refuses by name.
    pointsPrice: numberField(form, "pointsPrice") ?? Number.NaN,
    stock: numberField(form, "stock") ?? null,
    requiresApproval: form.get("requiresApproval") === "on",
    internalCostMinor: cost ? cost.minor : null,
  };
}
