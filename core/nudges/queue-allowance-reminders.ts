import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import type { Actor } from "../shared/actor";
import { type Clock, systemClock } from "../shared/clock";
import { authorize } from "../shared/permissions";
import { orgsAt, POINT_VALUE, REMINDER_DAYS_BEFORE_MONTH_END, REMINDER_HOUR } from "./nudge-schedule";

/**
 * Background work: from a few days before month end (at 10:00 in the org's time zone), a Slack reminder
 * to each active person with allowance left to give, unless they turned it off. Queued in the outbox
 * under one key per person and month, so however many passes and workers run, each person gets one
 * a month; a pass that missed the first day catches up until the month ends. Bots and leavers get none.
 */
export async function queueAllowanceReminders(
  db: Database,
  actor: Actor,
  clock: Clock = systemClock,
): Promise<{ queued: number }> {
  authorize(actor, "run_background_work");
  const orgs = orgsAt(actor, clock());
  const rows = await db.execute(sql`
    with o as (
      select o.*, to_char(o.local_now, 'YYYY-MM') as period, m.last_day
      from (${orgs}) o
      cross join lateral (
        select (date_trunc('month', o.local_now) + interval '1 month' - interval '1 day')::date as last_day) m
      where o.local_now >= m.last_day - ${REMINDER_DAYS_BEFORE_MONTH_END}::int
                           + make_interval(hours => ${REMINDER_HOUR}::int)
    ),
    -- Every pass of the last days asks again: those already reminded are passed over by the key's index,
    -- before anyone's allowance is worked out.
    unreminded as materialized (
      select p.org_id, p.id, o.period, o.last_day, ${POINT_VALUE} as point_value,
             'nudge:allowance:' || o.period || ':' || p.id as dedupe_key
      from o
      join people p on p.org_id = o.id and p.active and not p.is_bot and p.allowance_reminders
      where not exists (select 1 from notifications n
                        where n.org_id = p.org_id and n.dedupe_key = 'nudge:allowance:' || o.period || ':' || p.id)
    )
    insert into notifications (org_id, person_id, dedupe_key, kind, payload)
    select u.org_id, u.id, u.dedupe_key, 'nudge.allowance_left',
           jsonb_build_object('left', l.amount, 'until', u.last_day, 'pointValue', u.point_value)
    from unreminded u
    cross join lateral (
      select coalesce(
        (select a.balance from ledger_accounts a
         where a.org_id = u.org_id and a.person_id = u.id and a.kind = 'allowance' and a.period = u.period),
        plaudit_allowance_entitlement(u.org_id, u.id, u.period)) as amount) l
    where l.amount > 0
    on conflict (org_id, dedupe_key) do nothing
    returning 1`);
  return { queued: rows.length };
}
