import type { Metadata } from "next";
import { PageHeader } from "@/app/_components/page-header";
import { EmptyState, Panel } from "@/app/_components/panel";
import { guarded } from "@/app/_lib/page-guard";
import { signedIn } from "@/app/_lib/viewer";
import { listLevels } from "@/core/levels/list-levels";
import { formatPointsWithValue } from "@/core/shared/money";
import { AddLevelForm } from "./add-level-form";
import { LevelItem } from "./level-item";
import { WindowForm } from "./window-form";

export const metadata: Metadata = { title: "Levels · Admin · Plaudit" };

/** The ladder most teams start from. */
const TYPICAL = [
  { name: "Bronze", threshold: 500 },
  { name: "Silver", threshold: 1500 },
  { name: "Gold", threshold: 4000 },
];

export default async function LevelsPage() {
  const { db, actor } = await signedIn();
  const ladder = await guarded(listLevels(db, actor));
  return (
    <>
      <PageHeader
        title="Levels"
        description="People reach levels by the points they receive. Their level shows beside their name, and reaching one is announced in Slack, once."
      />
      <div className="space-y-6">
        {ladder.levels.length === 0 ? (
          <EmptyState title="No levels yet.">
            Most teams start with three:{" "}
            {TYPICAL.map(
              (level) => `${level.name} at ${formatPointsWithValue(level.threshold, ladder.pointValue)}`,
            ).join(", ")}
            , perhaps with a grant for reaching Gold. Add them below; whoever already has the points reaches
            them within a minute.
          </EmptyState>
        ) : (
          <Panel title={`The ladder (${ladder.levels.length})`} description="Lowest first.">
            <ul className="divide-y divide-stone-200">
              {ladder.levels.map((level) => (
                <LevelItem key={level.id} level={level} pointValue={ladder.pointValue} />
              ))}
            </ul>
          </Panel>
        )}
        <Panel title="Add a level">
          <AddLevelForm />
        </Panel>
        <Panel
          title="Which points count"
          description="Gives received, campaign bonuses and company awards count; level grants never do."
        >
          <WindowForm window={ladder.window} />
        </Panel>
      </div>
    </>
  );
}
