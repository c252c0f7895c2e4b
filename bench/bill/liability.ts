import { performance } from "node:perf_hooks";
import { getLiability, type Liability } from "../../core/billing/get-liability";
import type { Connection } from "../../db/client";
import { percentile } from "../load";
import { type Result, result } from "../report";
import type { BillBenchOrg } from "./seed";

export interface LiabilityOptions {
  calls: number;
  p99TargetMs: number;
}

/** A uniformly random instant of the org's history. */
function randomInstant(org: BillBenchOrg): Date {
  const first = org.history.months[0]?.start.getTime() ?? 0;
  const last = org.history.months.at(-1)?.end.getTime() ?? Date.now();
  return new Date(first + Math.random() * (last - first));
}

/** The departments must add up to the org's figures, or the two halves of the use case disagree. */
function checkAddsUp(liability: Liability): void {
  const earned = liability.byDepartment.reduce((sum, row) => sum + row.earned, 0);
  const held = liability.byDepartment.reduce((sum, row) => sum + row.held, 0);
  if (earned !== liability.earned || held !== liability.held) {
    throw new Error(
      `liability as of ${liability.asOf.toISOString()}: ${liability.earned}/${liability.held} in total but ` +
        `${earned}/${held} by department`,
    );
  }
}

async function timedCall(connection: Connection, org: BillBenchOrg, asOf: Date) {
  const started = performance.now();
  const liability = await getLiability(connection.db, org.finance, { asOf: asOf.toISOString() });
  const ms = performance.now() - started;
  checkAddsUp(liability);
  return { liability, ms };
}

/**
 * The points liability as of random instants of the two years, as finance asks for it. The first call
 * of all summarises every settled hour of the ledger (`ledger_hour_totals` and their split by
 * department), once, as background work would have before anyone asked: reported on its own,
 * for context. Then `calls` calls, one at a time, each at a new random instant.
 */
export async function measureLiability(
  connection: Connection,
  org: BillBenchOrg,
  { calls, p99TargetMs }: LiabilityOptions,
): Promise<Result[]> {
  const first = await timedCall(connection, org, randomInstant(org));
  console.log(`first liability call, summarising the ledger's hours: ${first.ms.toFixed(0)} ms`);

  // As of now, what people have earned is exactly their cached balances, and nothing is held.
  const now = await getLiability(connection.db, org.finance);
  const [cached] = await connection.sql<{ earned: string }[]>`
    select coalesce(sum(balance), 0) as earned from ledger_accounts where org_id = ${org.orgId} and kind = 'earned'`;
  if (now.earned !== Number(cached?.earned) || now.held !== 0) {
    throw new Error(`liability now is ${now.earned}/${now.held}, cached earned balances ${cached?.earned}/0`);
  }

  const times: number[] = [];
  for (let i = 0; i < calls; i++) {
    const asOf = randomInstant(org);
    const { liability, ms } = await timedCall(connection, org, asOf);
    times.push(ms);
    if (process.env.BENCH_VERBOSE === "1") {
      console.log(`  ${asOf.toISOString()}: ${ms.toFixed(1)} ms, ${liability.outstanding} pts outstanding`);
    }
  }
  const p50 = percentile(times, 50);
  const p99 = percentile(times, 99);
  console.log(`liability over ${calls} random instants: p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms`);
  return [
    result("liability_first_call", first.ms, "ms"),
    result("liability_p50", p50, "ms"),
    result("liability_p99", p99, "ms", { goal: { atMost: p99TargetMs } }),
  ];
}
