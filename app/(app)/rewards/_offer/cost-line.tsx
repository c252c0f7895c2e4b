import { Points } from "@/app/_components/points";
import { formatPoints, formatPointsWithValue, type PointValue } from "@/core/shared/money";

/** "250 pts · $25.00 — you'll have 38 pts left", in red with the shortfall when it is more than there is. */
export function CostLine({
  points,
  earned,
  pointValue,
  adjustable,
}: {
  /** Whether the person chooses the amount, so a smaller one might do. */
  adjustable: boolean;
  /** Null until an amount is chosen. */
  points: number | null;
  earned: number;
  pointValue: PointValue;
}) {
  if (points === null) {
    return (
      <p aria-live="polite" className="text-sm text-stone-600" data-testid="redeem-cost">
        Choose an amount to see what it costs. You have <Points points={earned} value={pointValue} />.
      </p>
    );
  }
  const left = earned - points;
  const cost = formatPointsWithValue(points, pointValue);
  if (left >= 0) {
    return (
      <p aria-live="polite" className="text-sm text-stone-700" data-testid="redeem-cost">
        <strong className="font-semibold text-stone-900">{cost}</strong> — you'll have {formatPoints(left)}{" "}
        left
      </p>
    );
  }
  return (
    <p aria-live="polite" className="text-sm text-red-700" data-testid="redeem-cost">
      <strong className="font-semibold">{cost}</strong> — that's {formatPoints(-left)} more than the{" "}
      {formatPointsWithValue(earned, pointValue)} you have.{" "}
      {adjustable ? "Choose a smaller amount, or come back" : "Come back"} when colleagues have thanked you a
      little more.
    </p>
  );
}
