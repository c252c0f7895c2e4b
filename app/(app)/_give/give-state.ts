import type { FormState } from "@/app/_lib/form-state";
import { formatPointsWithValue, type PointValue } from "@/core/shared/money";

/** A give form's state; once its key is spent it also carries the next one, so a new give is never a replay. */
export type GiveFormState = FormState & { nextIdempotencyKey?: string };

const names = new Intl.ListFormat("en", { style: "long", type: "conjunction" });

/** "You gave 10 pts · $1.00 to Ana and Ben (20 pts · $2.00 in all)." */
export function describeGift(amount: number, recipientNames: string[], pointValue: PointValue): string {
  const each = formatPointsWithValue(amount, pointValue);
  const total =
    recipientNames.length > 1
      ? ` (${formatPointsWithValue(amount * recipientNames.length, pointValue)} in all)`
      : "";
  return `You gave ${each} to ${names.format(recipientNames)}${total}.`;
}
