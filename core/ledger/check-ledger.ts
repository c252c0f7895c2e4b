import { sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { ANALYTICS_CHECKS } from "../analytics/analytics-checks";
import { BILLING_CHECKS } from "../billing/billing-checks";
import type { Actor } from "../shared/actor";
import { authorize } from "../shared/permissions";
import type { LedgerCheck } from "./ledger-check";

export interface LedgerViolation {
  check: string;
  orgId: string;
  detail: string;
}

/**
 * The reconciliation: each query returns the rows that break one invariant of the ledger. An empty
 * result from all of them proves the ledger consistent.
 */
const CHECKS: LedgerCheck[] = [
  {
    name: "transaction_unbalanced",
    orgColumn: "t.org_id",
    query: (org) => sql`
      select t.org_id, 'transaction ' || t.id || ' (' || t.kind || ') sums to ' || coalesce(sum(e.amount), 0)
        || ' over ' || count(e.id) || ' entries' as detail
      from ledger_transactions t left join ledger_entries e on e.transaction_id = t.id
      where ${org}
      group by t.id
      having coalesce(sum(e.amount), 0) <> 0 or count(e.id) < 2
      order by t.id limit 100`,
  },
  {
    name: "cross_org_entry",
    orgColumn: "t.org_id",
    query: (org) => sql`
      select t.org_id, 'entry ' || e.id || ' of transaction ' || t.id || ' posts to account ' || a.id
        || ' of org ' || a.org_id as detail
      from ledger_entries e
      join ledger_transactions t on t.id = e.transaction_id
      join ledger_accounts a on a.id = e.account_id
      where ${org} and (e.org_id <> t.org_id or a.org_id <> t.org_id)
      order by e.id limit 100`,
  },
  {
    name: "cached_balance_mismatch",
    orgColumn: "a.org_id",
    query: (org) => sql`
      select a.org_id, 'account ' || a.id || ' (' || a.kind || coalesce(' ' || a.period, '') || ' of person '
        || a.person_id || ') caches ' || a.balance || ' but its entries sum to ' || coalesce(s.total, 0) as detail
      from ledger_accounts a
      left join (select account_id, sum(amount) as total from ledger_entries group by account_id) s
        on s.account_id = a.id
      where ${org} and a.balance is not null and a.balance <> coalesce(s.total, 0)
      order by a.id limit 100`,
  },
  {
    name: "negative_person_balance",
    orgColumn: "a.org_id",
    query: (org) => sql`
      select a.org_id, 'account ' || a.id || ' (' || a.kind || ' of person ' || a.person_id || ') went to '
        || min(running) as detail
      from (
        select e.account_id, sum(e.amount) over (partition by e.account_id order by e.id) as running
        from ledger_entries e
      ) r
      join ledger_accounts a on a.id = r.account_id
      where ${org} and a.person_id is not null
      group by a.id
      having min(running) < 0
      order by a.id limit 100`,
  },
  {
    name: "hold_closed_with_wrong_amount",
    orgColumn: "c.org_id",
    query: (org) => sql`
      select c.org_id, c.kind || ' ' || c.id || ' closes hold ' || h.id || ' but moves ' || coalesce(ca.amount, 0)
        || ' of its ' || coalesce(ha.amount, 0) as detail
      from ledger_transactions c
      join ledger_transactions h on h.id = c.closes_transaction_id
      left join lateral (select sum(amount) as amount from ledger_entries where transaction_id = c.id and amount > 0) ca on true
      left join lateral (select sum(amount) as amount from ledger_entries where transaction_id = h.id and amount > 0) ha on true
      where ${org} and (h.kind <> 'hold' or ca.amount is distinct from ha.amount)
      order by c.id limit 100`,
  },
  {
    name: "recognition_references_unknown_row",
    orgColumn: "r.org_id",
    query: (org) => sql`
      select r.org_id, 'recognition ' || r.id || ' names ' || x.what || ' ' || x.ref || ', not of its org' as detail
      from recognitions r
      cross join lateral (
        select 'recipient' as what, rr.person_id::text as ref from recognition_recipients rr
        where rr.recognition_id = r.id
          and not exists (select 1 from people p where p.org_id = r.org_id and p.id = rr.person_id)
        union all
        select 'value', rv.value_id::text from recognition_values rv
        where rv.recognition_id = r.id
          and not exists (select 1 from company_values v where v.org_id = r.org_id and v.id = rv.value_id)
      ) x
      where ${org}
      order by r.id limit 100`,
  },
  {
    // A campaign's bonus was paid once, from the company's campaign_bonus account, and within its budget.
    name: "campaign_bonus_mismatch",
    orgColumn: "c.org_id",
    query: (org) => sql`
      select c.org_id, 'campaign ' || c.id || ' paid ' || coalesce(p.paid, 0) || ' bonus points to recipients, '
        || coalesce(l.posted, 0) || ' from campaign_bonus'
        || coalesce(', spent ' || c.bonus_spent || ' of its budget ' || c.budget, '') as detail
      from campaigns c
      left join lateral (
        select sum(rr.amount - r.amount_per_recipient) as paid
        from recognitions r join recognition_recipients rr on rr.org_id = r.org_id and rr.recognition_id = r.id
        where r.org_id = c.org_id and r.campaign_id = c.id
      ) p on true
      left join lateral (
        select -sum(e.amount) as posted
        from recognitions r
        join ledger_entries e on e.transaction_id = r.transaction_id
        join ledger_accounts a on a.id = e.account_id and a.kind = 'campaign_bonus'
        where r.org_id = c.org_id and r.campaign_id = c.id
      ) l on true
      where ${org} and (coalesce(p.paid, 0) <> coalesce(l.posted, 0)
        or (c.budget is not null and (c.bonus_spent <> coalesce(p.paid, 0) or c.bonus_spent > c.budget)))
      order by c.id limit 100`,
  },
  {
    name: "hold_without_open_redemption",
    orgColumn: "h.org_id",
    query: (org) => sql`
      select h.org_id, 'hold ' || h.id || ' is neither closed nor held for an open redemption' as detail
      from ledger_transactions h
      where ${org} and h.kind = 'hold'
        and not exists (select 1 from ledger_transactions c where c.closes_transaction_id = h.id)
        and not exists (select 1 from redemptions r where r.hold_transaction_id = h.id
          and r.status in ('awaiting_approval', 'submitted', 'awaiting_fulfillment', 'needs_attention'))
      order by h.id limit 100`,
  },
  {
    name: "redemption_ledger_mismatch",
    orgColumn: "r.org_id",
    query: (org) => sql`
      select r.org_id, 'redemption ' || r.id || ' is ' || r.status || ' for ' || r.points || ' pts but its hold moved '
        || coalesce(h.amount, 0) || ', closed by ' || coalesce(c.kind::text, 'nothing')
        || coalesce(', reversed by ' || v.kind::text, '') as detail
      from redemptions r
      left join lateral (select sum(amount) as amount from ledger_entries
        where transaction_id = r.hold_transaction_id and amount > 0) h on true
      -- Whatever closed the hold, recorded on the redemption or not: a hold closed behind an open
      -- redemption's back must show as much as a redemption naming the wrong close.
      left join ledger_transactions c on c.closes_transaction_id = r.hold_transaction_id
      left join ledger_transactions v on v.id = r.reversal_transaction_id
      where ${org} and (
        h.amount is distinct from r.points
        or c.id is distinct from r.close_transaction_id
        or case r.status
          when 'fulfilled' then c.kind is distinct from 'settle' or v.id is not null
          when 'canceled' then c.kind is distinct from 'settle' or v.kind is distinct from 'reversal'
          when 'failed' then c.kind is distinct from 'release' or v.id is not null
          when 'declined' then c.kind is distinct from 'release' or v.id is not null
          else c.id is not null or v.id is not null
        end)
      order by r.requested_at limit 100`,
  },
  {
    name: "settled_total_differs_from_redemptions",
    orgColumn: "o.id",
    query: (org) => sql`
      select o.id as org_id, 'settles of redemption holds total ' || coalesce(s.total, 0)
        || ' pts but fulfilled and canceled redemptions ' || coalesce(f.total, 0) as detail
      from organizations o
      left join lateral (
        select sum(e.amount) as total from ledger_transactions t
        join ledger_entries e on e.transaction_id = t.id and e.amount > 0
        join redemptions r on r.hold_transaction_id = t.closes_transaction_id
        where t.org_id = o.id and t.kind = 'settle') s on true
      left join lateral (
        select sum(points) as total from redemptions
        where org_id = o.id and status in ('fulfilled', 'canceled')) f on true
      where ${org} and coalesce(s.total, 0) <> coalesce(f.total, 0)
      limit 100`,
  },
  {
    name: "transaction_of_unknown_org",
    orgColumn: "t.org_id",
    query: (org) => sql`
      select t.org_id, 'transaction ' || t.id || ' belongs to no organization' as detail
      from ledger_transactions t
      where ${org} and not exists (select 1 from organizations o where o.id = t.org_id)
      order by t.id limit 100`,
  },

  ...BILLING_CHECKS,
  ...ANALYTICS_CHECKS,
];

export async function checkLedger(
  db: Executor,
  actor: Actor,
  input: { orgId?: string } = {},
): Promise<LedgerViolation[]> {
  authorize(actor, "check_ledger");
  // The operator may check one org or all of them; anyone else only their own.
  const orgId = actor.kind === "operator" ? input.orgId : actor.orgId;
  const violations: LedgerViolation[] = [];
  for (const check of CHECKS) {
    const orgFilter = orgId === undefined ? sql`true` : sql`${sql.raw(check.orgColumn)} = ${orgId}::uuid`;
    const rows = await db.execute<{ org_id: string; detail: string }>(check.query(orgFilter));
    for (const row of rows) violations.push({ check: check.name, orgId: row.org_id, detail: row.detail });
  }
  return violations;
}
