import { parseMoneyInput } from "@/app/_lib/money-input";
import { type Denominations, denominationsAllow, pointsForFaceValue } from "@/core/rewards/face-value";
import { currencyFractionDigits, formatMoney, type PointValue } from "@/core/shared/money";

/** A typed amount as the form reads it: nothing yet, a face value and its points, or why not. */
export type AmountCheck =
  | { state: "empty" }
  | { state: "ok"; faceValueMinor: number; points: number }
  | { state: "invalid"; message: string };

/** "any amount from $5.00 to $2,000.00, in steps of $0.10": what a product's ranges accept. */
export function rangeDescription(ranges: Denominations["ranges"], currency: string): string {
  const money = (minor: number) => formatMoney(minor, currency);
  const spans = ranges.map((range) => `from ${money(range.minMinor)} to ${money(range.maxMinor)}`);
  const step = ranges[0]?.stepMinor ?? 1;
  // A step of one minor unit is no step at all: any amount the currency can write is fine.
  const steps = step > 1 ? `, in steps of ${money(step)}` : "";
  return `any amount ${spans.join(" or ")}${steps}`;
}

const choices = new Intl.ListFormat("en", { style: "long", type: "disjunction" });

/** "$25.00, $50.00 or $100.00", or "any amount from $5.00 to $2,000.00": what is on offer, as words. */
export function offeredValues(denominations: Denominations, currency: string): string {
  const parts = [
    ...denominations.fixed.map((value) => formatMoney(value.faceValueMinor, currency)),
    ...(denominations.ranges.length > 0 ? [rangeDescription(denominations.ranges, currency)] : []),
  ];
  return choices.format(parts);
}

/** The face value a person typed, checked against what the product sells, without float arithmetic. */
export function checkAmount(text: string, denominations: Denominations, pointValue: PointValue): AmountCheck {
  if (text.trim() === "") return { state: "empty" };
  const parsed = parseMoneyInput(text, pointValue.currency);
  if (!parsed.ok) return { state: "invalid", message: parsed.message };
  const points = pointsForFaceValue(parsed.minor, pointValue);
  if (points === null || !denominationsAllow(denominations, parsed.minor)) {
    return {
      state: "invalid",
      message: `Choose ${offeredValues(denominations, pointValue.currency)}.`,
    };
  }
  return { state: "ok", faceValueMinor: parsed.minor, points };
}

const QUICK_AMOUNTS = [10, 25, 50, 100, 250, 500];
const QUICK_COUNT = 4;

/** A few round amounts to pick with one click: the product's fixed values, then round ones it accepts. */
export function quickAmounts(denominations: Denominations, currency: string): number[] {
  const unit = 10 ** currencyFractionDigits(currency);
  const round = QUICK_AMOUNTS.map((amount) => amount * unit).filter((minor) =>
    denominationsAllow(denominations, minor),
  );
  const fixed = denominations.fixed.map((value) => value.faceValueMinor);
  return [...new Set([...fixed, ...round])].sort((a, b) => a - b).slice(0, QUICK_COUNT);
}
