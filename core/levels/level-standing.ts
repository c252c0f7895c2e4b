import { type SQL, sql } from "drizzle-orm";
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

/** The columns `levelStandingOf` reads, as `levelStandingColumns` names them. */
export type LevelStandingColumns = {
  level_window: LevelWindow;
  level_points: string;
  level_ladder: { name: string; threshold: number }[] | null;
  level_counts: boolean;
};

/**
 * A lateral join, for a query over one person aliased `p`, that adds what their standing is read from,
 * so that a profile stays one statement. It sums only when the org has levels.
 */
export function levelStandingColumns(now: Date): SQL {
  return sql`cross join lateral (
      select o.level_window, p.active and not p.is_bot as level_counts, ladder.list as level_ladder,
             case when ladder.list is null then 0
                  else ${pointsReceived(sql`p.org_id`, sql`p.id`, windowStart(now))} end as level_points
      from organizations o
      cross join lateral (
        select json_agg(json_build_object('name', l.name, 'threshold', l.threshold) order by l.threshold) as list
        from levels l where l.org_id = o.id) ladder
      where o.id = p.org_id) level_standing`;
}

/** A person's standing from those columns; null when the org has no levels. Leavers and bots have none. */
export function levelStandingOf(row: LevelStandingColumns): LevelStanding | null {
  const ladder = row.level_ladder;
  if (!ladder) return null;
  const points = Number(row.level_points);
  const reached = row.level_counts ? ladder.filter((level) => level.threshold <= points).length : 0;
  const current = ladder[reached - 1];
  return {
    window: row.level_window,
    points,
    current: current ? { name: current.name, number: reached } : null,
    next: row.level_counts ? (ladder[reached] ?? null) : null,
  };
}
