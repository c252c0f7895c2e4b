import { Panel } from "@/app/_components/panel";
import { Points } from "@/app/_components/points";
import type { LevelStanding } from "@/core/levels/level-standing";
import type { PointValue } from "@/core/shared/money";

const WINDOW_WORDS: Record<LevelStanding["window"], string> = {
  rolling_12_months: "in the last 12 months",
  all_time: "in all",
};

/** Where someone stands on the org's ladder: their level, the points that count, and the next level. */
export function LevelPanel({ standing, pointValue }: { standing: LevelStanding; pointValue: PointValue }) {
  const { current, next, points } = standing;
  const percent = next ? Math.min(100, Math.floor((points * 100) / next.threshold)) : 100;
  return (
    <Panel title="Level">
      <p className="text-sm text-stone-700">
        {current ? <strong className="font-semibold text-stone-900">{current.name}</strong> : "No level yet"}
        {" · "}
        <Points points={points} value={pointValue} /> received {WINDOW_WORDS[standing.window]}
      </p>
      {next ? (
        <>
          <progress
            className="mt-3 h-2 w-full overflow-hidden rounded-full accent-amber-600"
            max={100}
            value={percent}
            aria-label={`Progress to ${next.name}`}
          >
            {percent}%
          </progress>
          <p className="mt-1 text-xs text-stone-600">
            <Points points={next.threshold - points} value={pointValue} /> more to {next.name}
          </p>
        </>
      ) : (
        <p className="mt-1 text-xs text-stone-600">The top of the ladder.</p>
      )}
    </Panel>
  );
}
