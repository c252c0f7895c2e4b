import { sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import type { LevelBadge } from "./current-levels";
import { type LevelWindow, pointsReceived, windowStart } from "./level-window";

/** Where a person stands on the org's ladder, as their profile shows it. */
export interface LevelStanding {
  window: LevelWindow;
  /** Points received in the window that count towards levels (level grants don't). */
  points: number;
  current: LevelBadge | null;
  /** The next level up and how many points it takes; null at the top. */
  next: { name: string; threshold: number } | null;
}

/**
 * One person's standing, or null when the org has no levels. Leavers and bots stand nowhere, as
 * they reach no levels.
 */
export async function levelStanding(
  db: Executor,
  orgId: string,
  personId: string,
  now: Date,
): Promise<LevelStanding | null> {
  const [row] = await db.execute<{
    level_window: LevelWindow;
    points: string;
    ladder: { name: string; threshold: number }[];
    counts: boolean;
  }>(sql`
    select o.level_window, p.active and not p.is_bot as counts,
           ${pointsReceived(sql`p.org_id`, sql`p.id`, windowStart(now))} as points,
           (select json_agg(json_build_object('name', l.name, 'threshold', l.threshold) order by l.threshold)
              from levels l where l.org_id = o.id) as ladder
    from organizations o join people p on p.org_id = o.id and p.id = ${personId}::uuid
    where o.id = ${orgId}::uuid`);
  if (!row?.ladder) return null;
  const points = Number(row.points);
  const reached = row.counts ? row.ladder.filter((level) => level.threshold <= points).length : 0;
  const current = row.ladder[reached - 1];
  return {
    window: row.level_window,
    points,
    current: current ? { name: current.name, number: reached } : null,
    next: row.counts ? (row.ladder[reached] ?? null) : null,
  };
}
