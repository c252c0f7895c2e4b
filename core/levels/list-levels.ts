import { sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { loadOrgContext } from "../org/org-context";
import type { Actor } from "../shared/actor";
import type { PointValue } from "../shared/money";
import { actorOrgId, authorize } from "../shared/permissions";
import type { Level } from "./level-fields";
import type { LevelWindow } from "./level-window";

export interface LevelSummary extends Level {
  /** Its place on the ladder, 1 for the lowest threshold: what badges show beside the name. */
  number: number;
  /** How many people have ever reached it (an achievement is once per person). */
  reachedBy: number;
}

export interface LevelLadder {
  levels: LevelSummary[];
  window: LevelWindow;
  pointValue: PointValue;
}

/** The org's levels, lowest threshold first, with how many people reached each, for the admin who sets them. */
export async function listLevels(db: Executor, actor: Actor): Promise<LevelLadder> {
  authorize(actor, "update_org_settings");
  const orgId = actorOrgId(actor);
  const org = await loadOrgContext(db, orgId);
  const rows = await db.execute<{
    id: string;
    name: string;
    threshold: number;
    grant_points: number | null;
    reached_by: number;
    level_window: LevelWindow;
  }>(sql`
    select l.id, l.name, l.threshold, l.grant_points, o.level_window,
           (select count(*) from level_achievements a where a.org_id = l.org_id and a.level_id = l.id)::int
             as reached_by
    from organizations o left join levels l on l.org_id = o.id
    where o.id = ${orgId}::uuid
    order by l.threshold`);
  const levels = rows.flatMap((row, index) =>
    row.id === null
      ? []
      : [
          {
            id: row.id,
            name: row.name,
            threshold: row.threshold,
            grantPoints: row.grant_points,
            number: index + 1,
            reachedBy: row.reached_by,
          },
        ],
  );
  return { levels, window: rows[0]?.level_window ?? "rolling_12_months", pointValue: org.pointValue };
}
