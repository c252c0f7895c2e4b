import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import type { Actor } from "../shared/actor";
import { type Clock, systemClock } from "../shared/clock";
import { authorize } from "../shared/permissions";
import { DIGEST_HOUR, NOT_THANKED_DAYS, orgsAt, POINT_VALUE } from "./nudge-schedule";

/**
 * Background work: on Monday from 09:00 in the org's time zone, each active person with active direct
 * reports gets a Slack digest of them, unless they turned it off: the recognitions and points their
 * reports received in the past seven days, and who of them has received nothing in 30 days. Queued under
 * one key per manager and ISO week, so it goes once a week however many passes and workers run; a pass
 * that missed Monday catches up later that week.
 */
export async function queueTeamDigests(
  db: Database,
  actor: Actor,
  clock: Clock = systemClock,
): Promise<{ queued: number }> {
  authorize(actor, "run_background_work");
  const now = clock().toISOString();
  const orgs = orgsAt(actor, clock());
  const received = (days: number) =>
    sql`rr.created_at >= ${now}::timestamptz - make_interval(days => ${days}::int)`;
  const rows = await db.execute(sql`
    with o as (
      select o.*, to_char(o.local_now, 'IYYY-"W"IW') as week
      from (${orgs}) o
      where o.local_now >= date_trunc('week', o.local_now) + make_interval(hours => ${DIGEST_HOUR}::int)
    ),
    -- Every pass of the week asks again: only managers of active people not told yet this week are
    -- looked at further.
    undigested as materialized (
      select m.org_id, m.id, o.week, ${POINT_VALUE} as point_value,
             'digest:team:' || o.week || ':' || m.id as dedupe_key
      from o
      join people m on m.org_id = o.id and m.active and not m.is_bot and m.team_digest
      where exists (select 1 from people r
                    where r.org_id = m.org_id and r.manager_id = m.id and r.active and not r.is_bot)
        and not exists (select 1 from notifications n
                        where n.org_id = m.org_id and n.dedupe_key = 'digest:team:' || o.week || ':' || m.id)
    )
    insert into notifications (org_id, person_id, dedupe_key, kind, payload)
    select m.org_id, m.id, m.dedupe_key, 'digest.team_weekly',
           jsonb_build_object('week', m.week, 'pointValue', m.point_value, 'reports', t.reports,
             'recognitions', t.recognitions, 'points', t.points, 'notThanked', t.not_thanked)
    from undigested m
    cross join lateral (
      select count(distinct r.id)::int as reports,
             count(distinct w.recognition_id)::int as recognitions,
             coalesce(sum(w.amount), 0)::int as points,
             coalesce(jsonb_agg(distinct r.name order by r.name) filter (where not r.thanked), '[]'::jsonb)
               as not_thanked
      from (
        select r.id, r.name, exists (
          select 1 from recognition_recipients rr
          where rr.org_id = r.org_id and rr.person_id = r.id and ${received(NOT_THANKED_DAYS)}) as thanked
        from people r
        where r.org_id = m.org_id and r.manager_id = m.id and r.active and not r.is_bot
      ) r
      left join lateral (
        select rr.recognition_id, rr.amount from recognition_recipients rr
        where rr.org_id = m.org_id and rr.person_id = r.id and ${received(7)}
      ) w on true
    ) t
    where t.reports > 0
    on conflict (org_id, dedupe_key) do nothing
    returning 1`);
  return { queued: rows.length };
}
