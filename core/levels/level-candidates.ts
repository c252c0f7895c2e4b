import { type SQL, sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import type { Actor } from "../shared/actor";
import { LEVEL_AUDIT_ACTIONS } from "./level-fields";
import { pointsReceived, windowStart } from "./level-window";

/** Someone with points enough for levels they have never reached, lowest threshold first. */
export interface LevelCandidate {
  orgId: string;
  personId: string;
  levelIds: string[];
}

const textArray = (values: readonly string[]) => `{${values.join(",")}}`;

/**
 * Active people, bots excepted, whose points received reach levels they have no achievement for.
 *
 * Only people who received points since `since` can have crossed a threshold: a rolling window only
 * ever loses points as time passes. So a pass with a watermark sums the history of those few people,
 * found through the org's time index of points received, and no one else's, besides anyone reactivated
 * since. Everyone is looked at when there is no watermark (a worker's first pass) and in an org whose
 * audit log shows a change to its ladder or window since then. Orgs without levels are passed over.
 */
export async function findLevelCandidates(
  db: Executor,
  actor: Actor,
  now: Date,
  since: Date | null,
): Promise<LevelCandidate[]> {
  const sinceParam = since?.toISOString() ?? null;
  const ofActor: SQL = actor.kind === "operator" ? sql`true` : sql`o.id = ${actor.orgId}::uuid`;
  const rows = await db.execute<{ org_id: string; person_id: string; level_ids: string[] }>(sql`
    with o as materialized (
      select o.id, ${windowStart(now)} as window_start,
             ${sinceParam}::timestamptz is null or exists (
               select 1 from audit_log a
               where a.org_id = o.id and a.created_at >= ${sinceParam}::timestamptz
                 and a.action = any(${textArray(LEVEL_AUDIT_ACTIONS)}::text[])) as everyone
      from organizations o
      where ${ofActor} and exists (select 1 from levels l where l.org_id = o.id)
    ),
    candidates as (
      select distinct rr.org_id, rr.person_id, o.window_start
      from o join recognition_recipients rr on rr.org_id = o.id and rr.created_at >= ${sinceParam}::timestamptz
      where not o.everyone
      union
      select a.org_id, a.target_id::uuid, o.window_start
      from o join audit_log a on a.org_id = o.id and a.created_at >= ${sinceParam}::timestamptz
      where not o.everyone and a.action = 'person.reactivate'
      union
      select p.org_id, p.id, o.window_start from o join people p on p.org_id = o.id where o.everyone
    )
    select c.org_id, c.person_id, array_agg(l.id::text order by l.threshold) as level_ids
    from candidates c
    join people p on p.org_id = c.org_id and p.id = c.person_id and p.active and not p.is_bot
      -- Someone who has reached every level has nothing left to reach: their history isn't summed.
      and exists (select 1 from levels l where l.org_id = c.org_id and not exists (
        select 1 from level_achievements la
        where la.org_id = c.org_id and la.person_id = c.person_id and la.level_id = l.id))
    cross join lateral (
      select ${pointsReceived(sql`c.org_id`, sql`c.person_id`, sql`c.window_start`)} as points offset 0) received
    join levels l on l.org_id = c.org_id and l.threshold <= received.points
    where not exists (select 1 from level_achievements la
                      where la.org_id = c.org_id and la.person_id = c.person_id and la.level_id = l.id)
    group by c.org_id, c.person_id`);
  return rows.map((row) => ({ orgId: row.org_id, personId: row.person_id, levelIds: row.level_ids }));
}
