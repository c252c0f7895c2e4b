import { formatMoney, formatPoints, type PointValue, pointsToMinor } from "@/core/shared/money";

/** A points figure with its money value beside it, as every figure in Plaudit is shown. */
export function Points({
  points,
  value,
  className = "",
}: {
  points: number;
  value: PointValue;
  className?: string;
}) {
  return (
    <span className={`whitespace-nowrap ${className}`}>
      <span className="font-semibold tabular-nums">{formatPoints(points)}</span>
      <span className="text-stone-500"> · {formatMoney(pointsToMinor(points, value), value.currency)}</span>
    </span>
  );
}
