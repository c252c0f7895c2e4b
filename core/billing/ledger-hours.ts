import { type SQL, sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import type { transactionKind } from "../../db/schema";

type TransactionKind = (typeof transactionKind.enumValues)[number];

/** What moved into (positive) or out of people's earned balances and the redemption hold, per kind. */
export type Movements = Partial<Record<TransactionKind, { earned: number; held: number }>>;

/**
 * The ledger is summarised by the UTC hour: an instant's liability adds up whole hours and reads at most
 * an hour of entries one by one, however busy the day (a month of a million redemptions has some 3,000
 * transactions an hour, 65,000 a day).
 */
const HOUR_MS = 60 * 60_000;
/**
 * An hour is summarised once nothing can still be posted into it: postings carry the time they record,
 * which in the app is the moment they are made; this margin covers transactions still committing.
 * (The trigger on ledger_transactions clears an hour that a back-dated posting lands in.)
 */
const SETTLED_AFTER_MS = 15 * 60_000;

const utcHour = (instant: Date) => new Date(Math.floor(instant.getTime() / HOUR_MS) * HOUR_MS);
const hourText = (hour: Date) => hour.toISOString();

/** The UTC hour of a time column, as the summaries key it. */
export const hourOf = (column: SQL) =>
  sql`date_trunc('hour', ${column} at time zone 'UTC') at time zone 'UTC'`;

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
 * their redemptions' holds, one row per movement: its org, UTC hour, the department its person is in
 * now (`''` for none), the points earned and held. A hold counts from the transaction that took it to
 * the one that settled or released it.
 */
export function departmentMovements(where: SQL): SQL {
  const hour = hourOf(sql`t.created_at`);
  // Each lateral query is kept apart (`offset 0`), so that the planner starts from the transactions in
  // range and looks their entries and redemptions up by index, rather than reading every entry.
  return sql`
    select t.org_id, ${hour} as hour, coalesce(p.department, '') as department, m.earned, m.held
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
 * Where the org's summarised hours and a change of someone's department queue up: each takes this lock
 * before it reads, so that an hour is never summarised under a department its person just left (the
 * trigger on people, which moves a person's summarised hours, takes it too).
 */
const lockSummaries = (orgId: string) =>
  sql`select pg_advisory_xact_lock(hashtextextended('plaudit_ledger_hours ' || ${orgId}, 0))`;

/** At most this many hours (a month) are summarised in one transaction: a long history goes in short statements. */
const HOURS_PER_PASS = 31 * 24;

/**
 * Summarises up to HOURS_PER_PASS settled hours of the org that are not summarised yet, oldest first, in
 * one transaction: the org's totals by kind and by department. Returns how many it summarised.
 */
async function summariseSomeHours(db: Executor, orgId: string, lastSettled: Date): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.execute(lockSummaries(orgId));
    const missing = await tx.execute<{ hour: string }>(sql`
      select to_json(h) #>> '{}' as hour from generate_series(
        (select ${hourOf(sql`min(created_at)`)} from ledger_transactions where org_id = ${orgId}::uuid),
        ${hourText(lastSettled)}::timestamptz - interval '1 hour', interval '1 hour') h
      where not exists (select 1 from ledger_hours_summarised s where s.org_id = ${orgId}::uuid and s.hour = h)
      order by h limit ${HOURS_PER_PASS}`);
    if (missing.length === 0) return 0;
    const hours = missing.map((row) => row.hour);
    const first = sql`${hours[0]}::timestamptz`;
    const end = sql`${hours.at(-1)}::timestamptz + interval '1 hour'`;
    const hourArray = sql`${`{${hours.map((hour) => `"${hour}"`).join(",")}}`}::timestamptz[]`;
    const hourList = sql`(select unnest(${hourArray}))`;
    await tx.execute(sql`
      with totals as (
        insert into ledger_hour_totals (org_id, hour, kind, earned, held)
        select ${orgId}::uuid, ${hourOf(sql`t.created_at`)}, t.kind,
          coalesce(sum(e.amount) filter (where e.account_kind = 'earned'), 0),
          coalesce(sum(e.amount) filter (where e.account_kind = 'redemption_hold'), 0)
        from ledger_transactions t ${EARNED_AND_HELD_ENTRIES}
        where t.org_id = ${orgId}::uuid and t.created_at >= ${first} and t.created_at < ${end}
          and ${hourOf(sql`t.created_at`)} in ${hourList}
        group by 2, 3
        on conflict (org_id, hour, kind) do update set earned = excluded.earned, held = excluded.held
      ),
      departments as (
        insert into ledger_department_hour_totals (org_id, hour, department, earned, held)
        select ${orgId}::uuid, m.hour, m.department, sum(m.earned), sum(m.held)
        from (${departmentMovements(postedBetween(orgId, first, end))}) m
        where m.hour in ${hourList}
        group by m.hour, m.department
        on conflict (org_id, hour, department) do update set earned = excluded.earned, held = excluded.held
      )
      insert into ledger_hours_summarised (org_id, hour) select ${orgId}::uuid, h from unnest(${hourArray}) h
      on conflict do nothing`);
    return hours.length;
  });
}

/** Summarises every settled hour of the org that is not summarised yet, from its first transaction on. */
export async function summariseSettledHours(db: Executor, orgId: string, now: Date): Promise<number> {
  const lastSettled = settledUntilAt(now);
  let summarised = 0;
  for (;;) {
    const done = await summariseSomeHours(db, orgId, lastSettled);
    summarised += done;
    if (done < HOURS_PER_PASS) return summarised;
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

/** The first hour whose totals may not be read at `now`: hours before it are settled and summarised. */
export const settledUntilAt = (now: Date) => utcHour(new Date(now.getTime() - SETTLED_AFTER_MS));

/** Where a range ending at `to` stops being whole summarised hours and is read entry by entry. */
const endOfWholeHours = (to: Date, now: Date) =>
  new Date(Math.min(utcHour(to).getTime(), settledUntilAt(now).getTime()));

/**
 * Earned and held points at `to` (every transaction before it) by the department each person is in
 * now: the summarised hours, plus the movements since the last of them. The org's hours must have been
 * summarised at `now` (movementsBetween does it).
 */
export async function departmentTotalsBefore(
  db: Executor,
  orgId: string,
  to: Date,
  now: Date,
): Promise<{ department: string; earned: number; held: number }[]> {
  const endWhole = endOfWholeHours(to, now);
  const rows = await db.execute<{ department: string; earned: string; held: string }>(sql`
    select department, sum(earned) as earned, sum(held) as held from (
      select department, earned, held from ledger_department_hour_totals
      where org_id = ${orgId}::uuid and hour < ${hourText(endWhole)}::timestamptz
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
 * What moved in [from, to): the summarised hours wholly inside the range, added up, plus the entries of
 * its partial hours and of hours not yet settled. `from` null means since the beginning.
 */
export async function movementsBetween(
  db: Executor,
  orgId: string,
  from: Date | null,
  to: Date,
  now: Date,
): Promise<Movements> {
  await summariseSettledHours(db, orgId, now);
  // Whole hours from the first starting at or after `from` to the last ending by `to`, if settled.
  const firstWhole = from ? utcHour(new Date(from.getTime() + HOUR_MS - 1)) : null;
  const endWhole = endOfWholeHours(to, now);
  const movements: Movements = {};
  if (firstWhole === null || firstWhole < endWhole) {
    const rows = await db.execute<{ kind: TransactionKind; earned: string; held: string }>(sql`
      select kind, sum(earned) as earned, sum(held) as held from ledger_hour_totals
      where org_id = ${orgId}::uuid and hour < ${hourText(endWhole)}::timestamptz
        ${firstWhole ? sql`and hour >= ${hourText(firstWhole)}::timestamptz` : sql``}
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
