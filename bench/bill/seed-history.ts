import type postgres from "postgres";
import { personIdSql } from "../setup";
import { reserveIds } from "./ids";
import type { HistoryMonths } from "./months";
import { type BillBenchSizes, type LedgerPlan, MAX_GIVE } from "./sizes";

/** The org's system accounts, the other side of every movement the seed posts. */
export interface SystemAccounts {
  allowanceIssuance: number;
  companyGrants: number;
  redemptionHold: number;
  redeemed: number;
}

export async function systemAccounts(sql: postgres.TransactionSql, orgId: string): Promise<SystemAccounts> {
  const rows = await sql<{ kind: string; id: string }[]>`
    select kind::text, id from ledger_accounts where org_id = ${orgId} and person_id is null`;
  const id = (kind: string) => {
    const row = rows.find((r) => r.kind === kind);
    if (!row) throw new Error(`org has no ${kind} account`);
    return Number(row.id);
  };
  return {
    allowanceIssuance: id("allowance_issuance"),
    companyGrants: id("company_grants"),
    redemptionHold: id("redemption_hold"),
    redeemed: id("redeemed"),
  };
}

/** Where the history's rows start in each id sequence; the rest follow in a fixed numbering. */
export interface HistoryIds {
  /** Person n's earned account (slot 0): earnedBase + n - 1. */
  earnedBase: number;
  /** Person n's allowance account for month m (0-based): allowanceBase + m * people + n - 1. */
  allowanceBase: number;
}

/** The months as a temporary table, for set-based statements to date rows within. */
async function monthsTable(sql: postgres.TransactionSql, history: HistoryMonths): Promise<void> {
  await sql`create temporary table bench_months (m int primary key, period text, starts timestamptz, ends timestamptz)
    on commit drop`;
  await sql`
    insert into bench_months
    select m - 1, period, starts, ends
    from unnest(${sql.array(history.months.map((month) => month.period))}::text[],
      ${sql.array(history.months.map((month) => month.start.toISOString()))}::timestamptz[],
      ${sql.array(history.months.map((month) => month.end.toISOString()))}::timestamptz[])
      with ordinality as x(period, starts, ends, m)`;
}

/**
 * Every give of the history, drawn once: each person gives the same number of times a month (give or
 * take one), 5 to 25 points to someone else, at a random moment of the month. Transaction ids follow
 * time, as they do when gives arrive.
 */
async function givesTable(
  sql: postgres.TransactionSql,
  sizes: BillBenchSizes,
  plan: LedgerPlan,
): Promise<void> {
  const giveBase = await reserveIds(sql, "ledger_transactions", plan.gives);
  const people = sizes.people;
  await sql.unsafe(
    `create temporary table bench_gives on commit drop as
     select $1::bigint + row_number() over (order by at) - 1 as txn_id, giver, recipient, m, amount, at
     from (
       select 1 + d.c % ${people} as giver,
         -- Someone 1..people-1 places further round: never the giver.
         1 + (d.c % ${people} + 1 + floor(d.r_to * ${people - 1})::int) % ${people} as recipient,
         mo.m, 5 * (1 + floor(d.r_amount * ${MAX_GIVE / 5})::int) as amount,
         date_trunc('milliseconds', mo.starts + d.r_at * (mo.ends - mo.starts)) as at
       from (
         select (n - 1) % ${people * sizes.months} as c, random() as r_to, random() as r_amount, random() as r_at
         from generate_series(1, $2::int) n
         -- Keeps each random() evaluated once per row however the planner rearranges the outer query.
         offset 0
       ) d
       join bench_months mo on mo.m = d.c / ${people}
     ) g`,
    [giveBase, plan.gives],
  );
  await sql`analyze bench_gives`;
}

/**
 * Person accounts with their balances already what their entries will add up to: an earned account
 * holds what its person was given (the grant below pays for exactly what they redeem), an allowance
 * account its month's allowance less what its person gave that month. One earned account per person
 * (slot 0) where gives would spread over up to eight: every reader here adds a person's slots up.
 */
async function personAccounts(
  sql: postgres.TransactionSql,
  orgId: string,
  sizes: BillBenchSizes,
  plan: LedgerPlan,
): Promise<HistoryIds> {
  const people = sizes.people;
  const earnedBase = await reserveIds(sql, "ledger_accounts", people);
  const allowanceBase = await reserveIds(sql, "ledger_accounts", people * sizes.months);
  await sql.unsafe(
    `insert into ledger_accounts (id, org_id, person_id, kind, slot, balance)
     select $2::bigint + n - 1, $1, ${personIdSql("n")}, 'earned', 0, coalesce(r.total, 0)
     from generate_series(1, ${people}) n
     left join (select recipient, sum(amount) as total from bench_gives group by recipient) r on r.recipient = n
     order by n`,
    [orgId, earnedBase],
  );
  await sql.unsafe(
    `insert into ledger_accounts (id, org_id, person_id, kind, period, balance)
     select $2::bigint + mo.m * ${people} + n - 1, $1, ${personIdSql("n")}, 'allowance', mo.period,
       $3::bigint - coalesce(g.total, 0)
     from bench_months mo cross join generate_series(1, ${people}) n
     left join (select m, giver, sum(amount) as total from bench_gives group by m, giver) g
       on g.m = mo.m and g.giver = n
     order by mo.m, n`,
    [orgId, allowanceBase, plan.monthlyAllowance],
  );
  return { earnedBase, allowanceBase };
}

/** Each person's allowance for each month, issued at the month's start, as `plaudit_allowance_account` does. */
async function allowanceIssues(
  sql: postgres.TransactionSql,
  orgId: string,
  sizes: BillBenchSizes,
  plan: LedgerPlan,
  ids: HistoryIds,
  system: SystemAccounts,
): Promise<void> {
  const people = sizes.people;
  const issueBase = await reserveIds(sql, "ledger_transactions", plan.allowanceIssues);
  const issues = `select $2::bigint + mo.m * ${people} + n - 1 as txn_id, mo.m, mo.period, mo.starts, n
    from bench_months mo cross join generate_series(1, ${people}) n`;
  await sql.unsafe(
    `insert into ledger_transactions (id, org_id, kind, idempotency_key, request_hash, created_at)
     select txn_id, $1, 'allowance_issue', 'allowance:' || ${personIdSql("n")} || ':' || period, '', starts
     from (${issues}) i order by txn_id`,
    [orgId, issueBase],
  );
  await sql.unsafe(
    `insert into ledger_entries (org_id, transaction_id, account_id, amount, created_at)
     select $1, i.txn_id, e.account_id, e.amount, i.starts
     from (${issues}) i
     cross join lateral (values ($3::bigint, -$4::bigint),
       ($5::bigint + i.m * ${people} + i.n - 1, $4::bigint)) e(account_id, amount)
     order by i.txn_id`,
    [orgId, issueBase, system.allowanceIssuance, plan.monthlyAllowance, ids.allowanceBase],
  );
}

/**
 * Gives as `plaudit_give` posts them for one recipient: the giver's allowance debited, the recipient's
 * earned balance credited, both dated when the give happened. They carry no recognition rows: nothing
 * here reads the feed.
 */
async function gives(
  sql: postgres.TransactionSql,
  orgId: string,
  sizes: BillBenchSizes,
  ids: HistoryIds,
): Promise<void> {
  const people = sizes.people;
  await sql.unsafe(
    `insert into ledger_transactions (id, org_id, kind, idempotency_key, request_hash, actor_person_id, created_at)
     select txn_id, $1, 'give', 'bench-give:' || txn_id, '', ${personIdSql("giver")}, at
     from bench_gives order by txn_id`,
    [orgId],
  );
  await sql.unsafe(
    `insert into ledger_entries (org_id, transaction_id, account_id, amount, created_at)
     select $1, g.txn_id, e.account_id, e.amount, g.at
     from bench_gives g
     cross join lateral (values ($2::bigint + g.m * ${people} + g.giver - 1, -g.amount::bigint),
       ($3::bigint + g.recipient - 1, g.amount::bigint)) e(account_id, amount)
     order by g.txn_id`,
    [orgId, ids.allowanceBase, ids.earnedBase],
  );
}

/**
 * Two years of allowances and gives: what fills the ledger beside the billed month's redemptions.
 * Written in the caller's transaction, whose temporary tables go with it.
 */
export async function seedHistory(
  sql: postgres.TransactionSql,
  orgId: string,
  sizes: BillBenchSizes,
  plan: LedgerPlan,
  history: HistoryMonths,
  system: SystemAccounts,
): Promise<HistoryIds> {
  await monthsTable(sql, history);
  await givesTable(sql, sizes, plan);
  const ids = await personAccounts(sql, orgId, sizes, plan);
  await allowanceIssues(sql, orgId, sizes, plan, ids, system);
  await gives(sql, orgId, sizes, ids);
  return ids;
}
