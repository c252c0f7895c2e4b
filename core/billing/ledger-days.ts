import { type SQL, sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import type { transactionKind } from "../../db/schema";

type TransactionKind = (typeof transactionKind.enumValues)[number];

/** What moved into (positive) or out of people's earned balances and the redemption hold, per kind. */
export type Movements = Partial<Record<TransactionKind, { earned: number; held: number }>>;

const DAY_MS = 24 * 60 * 60_000;
/**
 * A day is summarised once nothing can still be posted into it: postings carry the time they record,
 * which in the app is the moment they are made; this margin covers transactions still committing.
 * (The trigger on ledger_transactions clears a day that a back-dated posting lands in.)
 */
const SETTLED_AFTER_MS = 15 * 60_000;

const utcDay = (instant: Date) => new Date(Math.floor(instant.getTime() / DAY_MS) * DAY_MS);
const dayText = (day: Date) => day.toISOString().slice(0, 10);

/**
 * The entries of each transaction `t` on people's earned balances and the redemption hold, looked up
 * by index from the transaction: kept apart (`offset 0`) so that the planner starts from the
 * transactions in range rather than reading every entry of the ledger.
 */
const EARNED_AND_HELD_ENTRIES = sql`cross join lateral (
    select a.kind as account_kind, e.amount
    from ledger_entries e join ledger_accounts a on a.id = e.account_id
    where e.transaction_id = t.id and a.kind in ('earned', 'redemption_hold')
    offset 0) e`;

/** Movements of every transaction in [from, to), read entry by entry: for the edges of a range. */
async function rawMovements(db: Executor, orgId: string, from: Date, to: Date): Promise<Movements> {
  if (to <= from) return {};
  const rows = await db.execute<{ kind: TransactionKind; earned: string; held: string }>(sql`
    select t.kind,
      coalesce(sum(e.amount) filter (where e.account_kind = 'earned'), 0) as earned,
      coalesce(sum(e.amount) filter (where e.account_kind = 'redemption_hold'), 0) as held
    from ledger_transactions t ${EARNED_AND_HELD_ENTRIES}
    where t.org_id = ${orgId}::uuid and t.created_at >= ${from.toISOString()}::timestamptz
      and t.created_at < ${to.toISOString()}::timestamptz
    group by t.kind`);
  return Object.fromEntries(
    rows.map((row) => [row.kind, { earned: Number(row.earned), held: Number(row.held) }]),
  );
}

/**
 * What the transactions `t` for which `where` holds moved into and out of people's earned balances and
 * their redemptions' holds, one row per movement: its org, UTC day, the department its person is in
 * now (`''` for none), the points earned and held. A hold counts from the transaction that took it to
 * the one that settled or released it.
 */
export function departmentMovements(where: SQL): SQL {
  const day = sql`(t.created_at at time zone 'UTC')::date`;
  // Each lateral query is kept apart (`offset 0`), so that the planner starts from the transactions in
  // range and looks their entries and redemptions up by index, rather than reading every entry.
  return sql`
    select t.org_id, ${day} as day, coalesce(p.department, '') as department, m.earned, m.held
    from ledger_transactions t
    cross join lateral (
      select a.person_id, e.amount as earned, 0::bigint as held
      from ledger_entries e join ledger_accounts a on a.id = e.account_id and a.kind = 'earned'
      where e.transaction_id = t.id
      union all
      select r.person_id, 0, r.points from redemptions r where r.hold_transaction_id = t.id
      union all
      select r.person_id, 0, -r.points from redemptions r where r.close_transaction_id = t.id
      offset 0) m
    join people p on p.id = m.person_id
    where ${where}`;
}

/** The org's transactions in [from, to). */
const postedBetween = (orgId: string, from: SQL, to: SQL) =>
  sql`t.org_id = ${orgId}::uuid and t.created_at >= ${from} and t.created_at < ${to}`;

/**
 * Where the org's summarised days and a change of someone's department queue up: each takes this lock
 * before it reads, so that a day is never summarised under a department its person just left (the
 * trigger on people, which moves a person's summarised days, takes it too).
 */
const lockSummaries = (orgId: string) =>
  sql`select pg_advisory_xact_lock(hashtextextended('plaudit_ledger_days ' || ${orgId}, 0))`;

/** At most this many days are summarised in one transaction: a long history goes in short statements. */
const DAYS_PER_PASS = 31;

/**
 * Summarises up to DAYS_PER_PASS settled days of the org that are not summarised yet, oldest first, in
 * one transaction: the org's totals by kind and by department. Returns how many it summarised.
 */
async function summariseSomeDays(db: Executor, orgId: string, lastSettled: Date): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.execute(lockSummaries(orgId));
    const missing = await tx.execute<{ day: string }>(sql`
      select d::date::text as day from generate_series(
        (select (min(created_at) at time zone 'UTC')::date from ledger_transactions where org_id = ${orgId}::uuid),
        ${dayText(lastSettled)}::date - 1, interval '1 day') d
      where not exists (select 1 from ledger_days_summarised s where s.org_id = ${orgId}::uuid and s.day = d::date)
      order by d limit ${DAYS_PER_PASS}`);
    if (missing.length === 0) return 0;
    const days = missing.map((row) => row.day);
    const first = sql`${days[0]}::date::timestamp at time zone 'UTC'`;
    const end = sql`(${days.at(-1)}::date + 1)::timestamp at time zone 'UTC'`;
    const dayArray = sql`${`{${days.join(",")}}`}::date[]`;
    const dayList = sql`(select unnest(${dayArray}))`;
    await tx.execute(sql`
      with totals as (
        insert into ledger_day_totals (org_id, day, kind, earned, held)
        select ${orgId}::uuid, (t.created_at at time zone 'UTC')::date, t.kind,
          coalesce(sum(e.amount) filter (where e.account_kind = 'earned'), 0),
          coalesce(sum(e.amount) filter (where e.account_kind = 'redemption_hold'), 0)
        from ledger_transactions t ${EARNED_AND_HELD_ENTRIES}
        where t.org_id = ${orgId}::uuid and t.created_at >= ${first} and t.created_at < ${end}
          and (t.created_at at time zone 'UTC')::date in ${dayList}
        group by 2, 3
        on conflict (org_id, day, kind) do update set earned = excluded.earned, held = excluded.held
      ),
      departments as (
        insert into ledger_department_day_totals (org_id, day, department, earned, held)
        select ${orgId}::uuid, m.day, m.department, sum(m.earned), sum(m.held)
        from (${departmentMovements(postedBetween(orgId, first, end))}) m
        where m.day in ${dayList}
        group by m.day, m.department
        on conflict (org_id, day, department) do update set earned = excluded.earned, held = excluded.held
      )
      insert into ledger_days_summarised (org_id, day) select ${orgId}::uuid, d from unnest(${dayArray}) d
      on conflict do nothing`);
    return days.length;
  });
}

/** Summarises every settled day of the org that is not summarised yet, from its first transaction on. */
export async function summariseSettledDays(db: Executor, orgId: string, now: Date): Promise<number> {
  const lastSettled = settledUntilAt(now);
  let summarised = 0;
  for (;;) {
    const done = await summariseSomeDays(db, orgId, lastSettled);
    summarised += done;
    if (done < DAYS_PER_PASS) return summarised;
  }
}

/** Adds `more` into `into`. */
function add(into: Movements, more: Movements): Movements {
  for (const [kind, figures] of Object.entries(more) as [
    TransactionKind,
    { earned: number; held: number },
  ][]) {
    const current = into[kind] ?? { earned: 0, held: 0 };
    into[kind] = { earned: current.earned + figures.earned, held: current.held + figures.held };
  }
  return into;
}

/** The last day whose totals may be read at `now`: days before it are settled and summarised. */
export const settledUntilAt = (now: Date) => utcDay(new Date(now.getTime() - SETTLED_AFTER_MS));

/** Where a range ending at `to` stops being whole summarised days and is read entry by entry. */
const endOfWholeDays = (to: Date, now: Date) =>
  new Date(Math.min(utcDay(to).getTime(), settledUntilAt(now).getTime()));

/**
 * Earned and held points at `to` (every transaction before it) by the department each person is in
 * now: the summarised days, plus the movements since the last of them. The org's days must have been
 * summarised at `now` (movementsBetween does it).
 */
export async function departmentTotalsBefore(
  db: Executor,
  orgId: string,
  to: Date,
  now: Date,
): Promise<{ department: string; earned: number; held: number }[]> {
  const endWhole = endOfWholeDays(to, now);
  const rows = await db.execute<{ department: string; earned: string; held: string }>(sql`
    select department, sum(earned) as earned, sum(held) as held from (
      select department, earned, held from ledger_department_day_totals
      where org_id = ${orgId}::uuid and day < ${dayText(endWhole)}::date
      union all
      select department, earned, held from (${departmentMovements(
        postedBetween(
          orgId,
          sql`${endWhole.toISOString()}::timestamptz`,
          sql`${to.toISOString()}::timestamptz`,
        ),
      )}) m
    ) x
    group by department`);
  return rows.map((row) => ({
    department: row.department,
    earned: Number(row.earned),
    held: Number(row.held),
  }));
}

/**
 * What moved in [from, to): the summarised days wholly inside the range, added up, plus the entries of
 * its partial days and of days not yet settled. `from` null means since the beginning.
 */
export async function movementsBetween(
  db: Executor,
  orgId: string,
  from: Date | null,
  to: Date,
  now: Date,
): Promise<Movements> {
  await summariseSettledDays(db, orgId, now);
  // Whole days from the first day starting at or after `from` to the last ending by `to`, if settled.
  const firstWhole = from ? utcDay(new Date(from.getTime() + DAY_MS - 1)) : null;
  const endWhole = endOfWholeDays(to, now);
  const movements: Movements = {};
  if (firstWhole === null || firstWhole < endWhole) {
    const rows = await db.execute<{ kind: TransactionKind; earned: string; held: string }>(sql`
      select kind, sum(earned) as earned, sum(held) as held from ledger_day_totals
      where org_id = ${orgId}::uuid and day < ${dayText(endWhole)}::date
        ${firstWhole ? sql`and day >= ${dayText(firstWhole)}::date` : sql``}
      group by kind`);
    add(
      movements,
      Object.fromEntries(
        rows.map((row) => [row.kind, { earned: Number(row.earned), held: Number(row.held) }]),
      ),
    );
    if (firstWhole) add(movements, await rawMovements(db, orgId, from ?? firstWhole, firstWhole));
    add(movements, await rawMovements(db, orgId, endWhole, to));
  } else {
    add(movements, await rawMovements(db, orgId, from ?? new Date(0), to));
  }
  return movements;
}

export function earnedOf(movements: Movements): number {
  return Object.values(movements).reduce((sum, figures) => sum + (figures?.earned ?? 0), 0);
}

export function heldOf(movements: Movements): number {
  return Object.values(movements).reduce((sum, figures) => sum + (figures?.held ?? 0), 0);
}
