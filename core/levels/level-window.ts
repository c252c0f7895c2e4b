import { type SQL, sql } from "drizzle-orm";

export const LEVEL_WINDOWS = ["rolling_12_months", "all_time"] as const;
export type LevelWindow = (typeof LEVEL_WINDOWS)[number];

/**
 * The earliest instant whose points count towards a level at `now`, for an org row aliased `o`:
 * twelve months back for a rolling window, -infinity for all time, so that one index range reads both.
 */
export function windowStart(now: Date): SQL {
  return sql`case when o.level_window = 'all_time' then '-infinity'::timestamptz
    else ${now.toISOString()}::timestamptz - interval '12 months' end`;
}

/**
 * Points a person received from `start` on, level grants left out: gives (a campaign's bonus included)
 * and company grants count, while a level's own grant must never lift anyone into the next level.
 * A level grant is the recognition its achievement row names (level_achievements.recognition_id), so it
 * is subtracted through the person's few achievements rather than checked on every row received. Both
 * parts read one person's range of an index.
 */
export function pointsReceived(orgId: SQL, personId: SQL, start: SQL): SQL {
  return sql`(
    (select coalesce(sum(rr.amount), 0) from recognition_recipients rr
     where rr.org_id = ${orgId} and rr.person_id = ${personId} and rr.created_at >= ${start})
    - (select coalesce(sum(g.amount), 0) from level_achievements la
       join recognition_recipients g on g.recognition_id = la.recognition_id and g.person_id = la.person_id
       where la.org_id = ${orgId} and la.person_id = ${personId} and g.created_at >= ${start}))`;
}
