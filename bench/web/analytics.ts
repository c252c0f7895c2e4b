import { sql } from "drizzle-orm";
import { getAnalytics } from "../../core/analytics/get-analytics";
import { summariseAnalytics } from "../../core/analytics/summarise-analytics";
import type { Actor } from "../../core/shared/actor";
import type { Database } from "../../db/client";
import { demoSignIn, type HttpClient } from "../../testing/http-client";
import { percentile } from "../load";
import { type Result, result } from "../report";
import type { Probe } from "./page-load";
import type { ScaleOrg } from "./seed";
import { formatMs } from "./statements";

/** The page's target (DESIGN.md, performance): p99 at half the page's rate. */
const PAGE_P99_TARGET_MS = 300;
/** Calls of the use case per actor, one at a time, after a warm-up. */
const CALLS = 30;
const WARMUP_CALLS = 3;

/**
 * Background work's first summing of the whole history into the analytics rollups, pass after pass as
 * the worker runs them, until a pass finds nothing to do.
 */
export async function summariseAnalyticsHistory(db: Database): Promise<Result[]> {
  const started = performance.now();
  let stretches = 0;
  for (;;) {
    const pass = await summariseAnalytics(db, { kind: "operator" });
    if (pass.errors.length > 0) throw new Error(`summarising failed: ${pass.errors[0]?.message}`);
    if (pass.stretches === 0) break;
    stretches += pass.stretches;
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(`analytics rollups: ${stretches} stretches summed in ${seconds.toFixed(1)} s`);
  // As after the seed: autovacuum would have analysed tables this size (and may be off on this server).
  await db.execute(sql`analyze analytics_person_months, analytics_value_months, analytics_flow_months`);
  return [result("analytics_first_summing", seconds, "s (whole history, once, by background work)")];
}

/** getAnalytics itself, as the page calls it, for the whole org and for a manager's line. */
export async function analyticsUseCaseTimes(db: Database, org: ScaleOrg): Promise<Result[]> {
  const results: Result[] = [];
  const actors: [string, Actor][] = [
    ["admin", org.admin],
    ["manager", org.manager],
  ];
  for (const [name, actor] of actors) {
    for (let i = 0; i < WARMUP_CALLS; i++) await getAnalytics(db, actor);
    const times: number[] = [];
    for (let i = 0; i < CALLS; i++) {
      const started = performance.now();
      await getAnalytics(db, actor);
      times.push(performance.now() - started);
    }
    console.log(
      `getAnalytics as ${name}: p50 ${formatMs(percentile(times, 50))}, p99 ${formatMs(percentile(times, 99))}`,
    );
    results.push(
      result(`analytics_use_case_${name}_p50`, percentile(times, 50), "ms"),
      result(`analytics_use_case_${name}_p99`, percentile(times, 99), "ms"),
    );
  }
  return results;
}

/** The analytics page, twelve months by default, as the CEO (the whole org) and as manager 1. */
export async function analyticsPages(client: HttpClient, org: ScaleOrg): Promise<Probe[]> {
  const admin = await demoSignIn(client, org.admin.personId);
  const manager = await demoSignIn(client, org.manager.personId);
  return [
    {
      name: "analytics_page_admin",
      path: "/analytics",
      cookie: admin,
      expect: "Recognition in Bench Web",
      halfRateP99TargetMs: PAGE_P99_TARGET_MS,
    },
    {
      name: "analytics_page_manager",
      path: "/analytics",
      cookie: manager,
      expect: "Recognition in your reporting line",
      halfRateP99TargetMs: PAGE_P99_TARGET_MS,
    },
  ];
}
