import { performance } from "node:perf_hooks";
import type postgres from "postgres";
import type { PeriodBounds } from "../../core/billing/bill-period";
import type { Actor } from "../../core/shared/actor";
import type { Connection } from "../../db/client";
import { checkpoint } from "../harness";
import { withoutIndexes } from "./bulk-indexes";
import { type HistoryMonths, historyMonths } from "./months";
import { seedBilledMonth } from "./seed-bill";
import { seedHistory, systemAccounts } from "./seed-history";
import { createBillOrg, insertPeople, TIME_ZONE } from "./seed-people";
import { BILL_MONTHS_AGO, type BillBenchSizes, ledgerPlan } from "./sizes";

export interface BillBenchOrg {
  orgId: string;
  finance: Actor & { kind: "person" };
  history: HistoryMonths;
  billed: PeriodBounds;
  billId: string;
  lines: number;
  ledgerEntries: number;
  seedSeconds: number;
}

const BULK_TABLES = ["ledger_entries", "ledger_transactions", "redemptions", "bill_lines"];

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const value = await work();
  console.log(`  ${label}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return value;
}

/**
 * The rows of the whole org in one transaction, set-based, into tables stripped of their indexes and
 * keys (see `withoutIndexes`; adding the foreign keys back checks every reference the seed wrote). With
 * session_replication_role = replica the database fires no triggers while loading: not
 * bill_lines_closed_frozen, which looks the bill up for each of a million lines, and not
 * ledger_transactions_unsummarise, which clears the liability's summary of a day that a back-dated
 * posting lands in: nothing is summarised yet, so it would only delete nothing millions of times over.
 */
async function seedRows(
  sql: postgres.Sql,
  org: { orgId: string; adminId: string },
  sizes: BillBenchSizes,
  history: HistoryMonths,
): Promise<string> {
  const plan = ledgerPlan(sizes);
  return sql.begin(async (tx) => {
    await tx`set local session_replication_role = replica`;
    // Room for the sorts and hash joins over millions of drawn rows to stay in memory.
    await tx`set local work_mem = '256MB'`;
    const system = await systemAccounts(tx, org.orgId);
    await timed(`${sizes.people} people`, () => insertPeople(tx, org.orgId, sizes.people));
    const load = async () => {
      const ids = await timed(
        `${plan.allowanceIssues} allowance issues and ${plan.gives} gives over ${sizes.months} months`,
        () => seedHistory(tx, org.orgId, sizes, plan, history, system),
      );
      return timed(`${sizes.billLines} fulfilled gift cards in ${history.billed.period} and their bill`, () =>
        seedBilledMonth(tx, org.orgId, org.adminId, sizes, history.billed, ids, system),
      );
    };
    let loaded = 0;
    const billId = await withoutIndexes(tx, BULK_TABLES, async () => {
      const id = await load();
      loaded = performance.now();
      return id;
    });
    console.log(
      `  indexes, keys and foreign keys built: ${((performance.now() - loaded) / 1000).toFixed(1)} s`,
    );
    return billId;
  });
}

export async function seedBillBenchOrg(connection: Connection, sizes: BillBenchSizes): Promise<BillBenchOrg> {
  const started = performance.now();
  const plan = ledgerPlan(sizes);
  const history = historyMonths(sizes.months, BILL_MONTHS_AGO, TIME_ZONE, new Date());
  const org = await createBillOrg(connection.db, plan.monthlyAllowance);
  const billId = await seedRows(connection.sql, org, sizes, history);
  // Autovacuum would long since have visited tables this size (and may be off on this server): vacuum
  // sets the visibility map that index-only scans rely on, analyze gives the planner real statistics.
  await timed("vacuum analyze", () => connection.sql`vacuum analyze`);
  await timed("checkpoint", () => checkpoint(connection.sql));
  const [counts] = await connection.sql<{ entries: number; lines: number }[]>`
    select (select count(*)::int from ledger_entries where org_id = ${org.orgId}) as entries,
      (select count(*)::int from bill_lines where bill_id = ${billId}) as lines`;
  const seedSeconds = (performance.now() - started) / 1000;
  console.log(
    `seeded ${counts?.entries} ledger entries and a ${counts?.lines}-line bill in ${seedSeconds.toFixed(0)} s`,
  );
  return {
    orgId: org.orgId,
    finance: org.finance,
    history,
    billed: history.billed,
    billId,
    lines: counts?.lines ?? 0,
    ledgerEntries: counts?.entries ?? 0,
    seedSeconds,
  };
}
