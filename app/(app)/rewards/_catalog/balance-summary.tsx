import { formatMoney, formatPoints, type PointValue, pointsToMinor } from "@/core/shared/money";

/** The viewer's earned points, what there is to spend, shown large at the top of the rewards pages. */
export function BalanceSummary({ earned, pointValue }: { earned: number; pointValue: PointValue }) {
  return (
    <section
      aria-label="Your points"
      className="flex flex-wrap items-baseline gap-x-3 gap-y-1 rounded-xl border border-amber-200 bg-amber-50 px-5 py-4"
    >
      <h2 className="text-sm font-medium text-amber-900">You have</h2>
      <p className="text-2xl font-bold tracking-tight text-stone-900">
        <span className="tabular-nums">{formatPoints(earned)}</span>
        <span className="font-semibold text-stone-600">
          {" "}
          · {formatMoney(pointsToMinor(earned, pointValue), pointValue.currency)}
        </span>
      </p>
      <p className="text-sm text-amber-900">to spend on rewards</p>
    </section>
  );
}
