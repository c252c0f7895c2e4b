import { sql } from "drizzle-orm";
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

/** Movements of every transaction in [from, to), read entry by entry: for the edges of a range. */
async function rawMovements(db: Executor, orgId: string, from: Date, to: Date): Promise<Movements> {
  if (to <= from) return {};
  const rows = await db.execute<{ kind: TransactionKind; earned: string; held: string }>(sql`
    select t.kind,
      coalesce(sum(e.amount) filter (where a.kind = 'earned'), 0) as earned,
      coalesce(sum(e.amount) filter (where a.kind = 'redemption_hold'), 0) as held
    from ledger_transactions t
    join ledger_entries e on e.transaction_id = t.id
    join ledger_accounts a on a.id = e.account_id
    where t.org_id = ${orgId}::uuid and t.created_at >= ${from.toISOString()}::timestamptz
      and t.created_at < ${to.toISOString()}::timestamptz and a.kind in ('earned', 'redemption_hold')
    group by t.kind`);
  return Object.fromEntries(
    rows.map((row) => [row.kind, { earned: Number(row.earned), held: Number(row.held) }]),
  );
}

/** Summarises every settled day of the org that is not summarised yet, from its first transaction on. */
export async function summariseSettledDays(db: Executor, orgId: string, now: Date): Promise<void> {
  const lastSettled = utcDay(new Date(now.getTime() - SETTLED_AFTER_MS));
  await db.execute(sql`
    with missing as (
      select d::date as day from generate_series(
        (select (min(created_at) at time zone 'UTC')::date from ledger_transactions where org_id = ${orgId}::uuid),
        ${dayText(lastSettled)}::date - 1, interval '1 day') d
      where not exists (select 1 from ledger_days_summarised s where s.org_id = ${orgId}::uuid and s.day = d::date)
    ),
    totals as (
      insert into ledger_day_totals (org_id, day, kind, earned, held)
      select ${orgId}::uuid, (t.created_at at time zone 'UTC')::date, t.kind,
        coalesce(sum(e.amount) filter (where a.kind = 'earned'), 0),
        coalesce(sum(e.amount) filter (where a.kind = 'redemption_hold'), 0)
      from ledger_transactions t
      join ledger_entries e on e.transaction_id = t.id
      join ledger_accounts a on a.id = e.account_id
      where t.org_id = ${orgId}::uuid and a.kind in ('earned', 'redemption_hold')
        and (t.created_at at time zone 'UTC')::date in (select day from missing)
      group by 2, 3
      on conflict (org_id, day, kind) do update set earned = excluded.earned, held = excluded.held
    )
    insert into ledger_days_summarised (org_id, day) select ${orgId}::uuid, day from missing
    on conflict do nothing`);
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
  const settledUntil = utcDay(new Date(now.getTime() - SETTLED_AFTER_MS));
  // Whole days from the first day starting at or after `from` to the last ending by `to`, if settled.
  const firstWhole = from ? utcDay(new Date(from.getTime() + DAY_MS - 1)) : null;
  const endWhole = new Date(Math.min(utcDay(to).getTime(), settledUntil.getTime()));
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
