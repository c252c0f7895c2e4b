import { sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { arrayLiteral } from "../shared/sql-array";
import { pointsReceived, windowStart } from "./level-window";

/** A person's current level as a badge shows it: its name and its place on the org's ladder (1 = lowest). */
export interface LevelBadge {
  name: string;
  number: number;
}

/**
 * The current level of each of these people, in one query for a whole page: the highest level whose
 * threshold their points received in the org's window reach (so a rolling window can take it away).
 * People below the first level, leavers and bots have none and are left out of the map. With no levels
 * set up, the query stops at its one-time check and sums nothing.
 */
export async function currentLevels(
  db: Executor,
  orgId: string,
  personIds: readonly string[],
  now: Date,
): Promise<Map<string, LevelBadge>> {
  const ids = [...new Set(personIds)];
  if (ids.length === 0) return new Map();
  const rows = await db.execute<{ person_id: string; name: string; number: string }>(sql`
    with ladder as (
      select l.name, l.threshold, row_number() over (order by l.threshold) as number
      from levels l where l.org_id = ${orgId}::uuid)
    select p.id as person_id, reached.name, reached.number
    from organizations o
    join people p on p.org_id = o.id and p.id = any(${arrayLiteral(ids)}::uuid[]) and p.active and not p.is_bot
    -- offset 0 keeps the sum a subquery of its own, worked out once per person rather than per level.
    cross join lateral (
      select ${pointsReceived(sql`p.org_id`, sql`p.id`, windowStart(now))} as points offset 0) received
    cross join lateral (
      select ladder.name, ladder.number from ladder where ladder.threshold <= received.points
      order by ladder.threshold desc limit 1) reached
    where o.id = ${orgId}::uuid and exists (select 1 from levels l where l.org_id = ${orgId}::uuid)`);
  return new Map(rows.map((row) => [row.person_id, { name: row.name, number: Number(row.number) }]));
}
