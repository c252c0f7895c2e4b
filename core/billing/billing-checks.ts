import { sql } from "drizzle-orm";
import type { LedgerCheck } from "../ledger/ledger-check";
import { departmentMovements } from "./ledger-hours";

/** An hour of the summaries as a check names it: `2025-06-01 10:00 UTC`. */
const HOUR_TEXT = (column: string) =>
  sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD HH24:MI "UTC"')`);

/** The bills' invariants, proved by `npm run db:check` beside the ledger's own. */
export const BILLING_CHECKS: LedgerCheck[] = [
  {
    name: "bill_does_not_tie_out",
    orgColumn: "b.org_id",
    query: (org) => sql`
      select b.org_id, 'bill ' || coalesce(b.number, b.period || ' (draft)') || ' charges ' || x.charged
        || ' pts against settles of ' || x.settled || ', credits ' || x.credited || ' against reversals of '
        || x.reversed as detail
      from bills b
      cross join lateral (
        select coalesce(sum(l.points) filter (where l.line_type = 'charge'), 0) as charged,
          coalesce(sum(m.moved) filter (where l.line_type = 'charge'), 0) as settled,
          coalesce(-sum(l.points) filter (where l.line_type = 'credit'), 0) as credited,
          coalesce(sum(m.moved) filter (where l.line_type = 'credit'), 0) as reversed
        from bill_lines l
        cross join lateral (select coalesce(sum(e.amount), 0) as moved from ledger_entries e
          where e.transaction_id = l.ledger_transaction_id and e.amount > 0) m
        where l.bill_id = b.id and l.line_type in ('charge', 'credit')) x
      where ${org} and (x.charged <> x.settled or x.credited <> x.reversed)
      order by b.period limit 100`,
  },
  {
    name: "redemption_not_billed_once",
    orgColumn: "r.org_id",
    query: (org) => sql`
      select r.org_id, 'redemption ' || r.id || ' (' || r.status || ') has ' || x.charges || ' charge and '
        || x.credits || ' credit lines' as detail
      from redemptions r
      cross join lateral (
        select count(*) filter (where line_type = 'charge' and ledger_transaction_id = r.close_transaction_id) as charges,
          count(*) filter (where line_type = 'credit' and ledger_transaction_id = r.reversal_transaction_id) as credits
        from bill_lines where redemption_id = r.id) x
      where ${org} and (
        x.charges <> (case when r.status in ('fulfilled', 'canceled') then 1 else 0 end)
        or x.credits <> (case when r.status = 'canceled' then 1 else 0 end))
      order by r.requested_at limit 100`,
  },
  {
    name: "closed_bill_changed",
    orgColumn: "b.org_id",
    query: (org) => sql`
      select b.org_id, 'bill ' || b.number || ' closed with ' || (b.totals ->> 'lines') || ' lines billing '
        || (b.totals ->> 'billedMinor') || ' but has ' || x.lines || ' billing ' || x.billed as detail
      from bills b
      cross join lateral (select count(*) as lines, coalesce(sum(billed_minor), 0) as billed
        from bill_lines where bill_id = b.id) x
      where ${org} and b.status = 'closed' and ((b.totals ->> 'lines')::bigint <> x.lines
        or (b.totals ->> 'billedMinor')::bigint <> x.billed)
      order by b.period limit 100`,
  },
  {
    name: "hour_totals_stale",
    orgColumn: "d.org_id",
    query: (org) => sql`
      select d.org_id, 'hour ' || ${HOUR_TEXT("d.hour")} || ' (' || d.kind || ') is summarised as ' || d.earned
        || '/' || d.held || ' but its entries sum to ' || coalesce(x.earned, 0) || '/' || coalesce(x.held, 0) as detail
      from ledger_hour_totals d
      left join lateral (
        select sum(e.amount) filter (where a.kind = 'earned') as earned,
          sum(e.amount) filter (where a.kind = 'redemption_hold') as held
        from ledger_transactions t join ledger_entries e on e.transaction_id = t.id
        join ledger_accounts a on a.id = e.account_id
        where t.org_id = d.org_id and t.kind = d.kind
          and t.created_at >= d.hour and t.created_at < d.hour + interval '1 hour') x on true
      where ${org} and (d.earned <> coalesce(x.earned, 0) or d.held <> coalesce(x.held, 0))
      order by d.hour limit 100`,
  },
  {
    name: "department_hours_stale",
    orgColumn: "s.org_id",
    query: (org) => sql`
      with expected as (
        select m.org_id, m.hour, m.department, sum(m.earned) as earned, sum(m.held) as held
        from (${departmentMovements(sql`t.org_id in (select s.org_id from ledger_hours_summarised s where ${org})`)}) m
        join ledger_hours_summarised s on s.org_id = m.org_id and s.hour = m.hour
        group by 1, 2, 3
      ),
      stored as (
        select s.org_id, s.hour, s.department, s.earned, s.held from ledger_department_hour_totals s where ${org}
      )
      select org_id, 'hour ' || ${HOUR_TEXT("hour")} || ' of ' || coalesce(nullif(department, ''), 'no department')
        || ' is summarised as ' || coalesce(s.earned, 0) || '/' || coalesce(s.held, 0)
        || ' but its people moved ' || coalesce(e.earned, 0) || '/' || coalesce(e.held, 0) as detail
      from expected e full join stored s using (org_id, hour, department)
      where coalesce(e.earned, 0) <> coalesce(s.earned, 0) or coalesce(e.held, 0) <> coalesce(s.held, 0)
      order by hour, department limit 100`,
  },
];
