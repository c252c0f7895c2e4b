import type postgres from "postgres";
import { demoSignIn, type HttpClient } from "../../testing/http-client";
import type { AppServer } from "../app-server";
import { closedLoop, combine, type LoadResult, openLoop, percentile, throughput } from "../load";
import { type Result, result } from "../report";
import type { ScaleOrg } from "./seed";
import { formatMs } from "./statements";

const BASELINE_PATH = "/signin/refused";
const TEAM_PATH = "/team?scope=direct";
const FEED_PATH = "/";
/** Each page's time is split into this many slices, interleaved with the other pages' and the baseline's. */
const ROUNDS = 3;
const WARMUP_SECONDS = 3;
/** Requests to the baseline page while watching the database for any statement from the app. */
const BASELINE_PROBES = 100;

export interface PageLoadOptions {
  /** Requests in flight in the closed-loop runs. */
  concurrency: number;
  /** Measuring time per page, split into ROUNDS slices. */
  seconds: number;
}

export interface Probe {
  name: string;
  path: string;
  cookie?: string;
  /** Text the page must contain, so that a sign-in page or an error page is not mistaken for the page. */
  expect: string;
  /** Least req/s of the page as a fraction of the baseline's, if it has a target. */
  ratioTarget?: number;
  /** Most p99 latency at half the page's closed-loop rate. */
  halfRateP99TargetMs?: number;
}

/** How many of the bench database's sessions ran a statement while `work` ran. */
async function sessionsUsedDuring(
  admin: postgres.Sql,
  database: string,
  work: () => Promise<void>,
): Promise<number> {
  const [start] = await admin<{ at: string }[]>`select clock_timestamp()::text as at`;
  await work();
  const [used] = await admin<{ sessions: number }[]>`
    select count(*)::int as sessions from pg_stat_activity
    where datname = ${database} and query_start >= ${start?.at ?? "infinity"}::timestamptz`;
  return used?.sessions ?? 0;
}

interface PageRun {
  load: LoadResult[];
  serverCpuSeconds: number;
}

/** The manager dashboard and the feed page, signed in as the bench manager through the demo login. */
export async function teamAndFeedPages(
  client: HttpClient,
  org: ScaleOrg,
  targets: { ratioTarget: number; halfRateP99TargetMs: number },
): Promise<Probe[]> {
  const cookie = await demoSignIn(client, org.manager.personId);
  return [
    { name: "team_page", path: TEAM_PATH, cookie, expect: `${org.managerReports} people`, ...targets },
    { name: "feed_page", path: FEED_PATH, cookie, expect: "Recent recognition", ...targets },
  ];
}

/**
 * Pages against a page that never touches the database: closed-loop req/s interleaved with the
 * baseline, then p99 at half the measured rate (open loop). The first page also shows that the check
 * of the baseline's database sessions sees the app's queries.
 */
export async function pageLoad(
  server: AppServer,
  client: HttpClient,
  database: { admin: postgres.Sql; name: string },
  pages: Probe[],
  { concurrency, seconds }: PageLoadOptions,
): Promise<Result[]> {
  const baseline: Probe = { name: "baseline_page", path: BASELINE_PATH, expect: "sign you in" };
  for (const probe of [baseline, ...pages]) {
    const { body } = await client.page(probe.path, probe.cookie);
    if (!body.includes(probe.expect)) throw new Error(`${probe.path} does not show "${probe.expect}"`);
  }
  const call = (probe: Probe) => () => client.page(probe.path, probe.cookie);

  // The baseline must not touch the database; the dashboard shows that the check sees the app's queries.
  const repeat = (probe: Probe) => async () => {
    for (let i = 0; i < BASELINE_PROBES; i++) await call(probe)();
  };
  const baselineSessions = await sessionsUsedDuring(database.admin, database.name, repeat(baseline));
  const first = pages[0] ?? baseline;
  const firstSessions = await sessionsUsedDuring(database.admin, database.name, repeat(first));
  console.log(
    `database sessions used during ${BASELINE_PROBES} requests: ${BASELINE_PATH} ${baselineSessions}, ` +
      `${first.path} ${firstSessions}`,
  );

  for (const probe of [baseline, ...pages]) await closedLoop(concurrency, WARMUP_SECONDS, call(probe));

  const probes = [baseline, ...pages];
  const runs = new Map<string, PageRun>(
    probes.map((probe) => [probe.name, { load: [], serverCpuSeconds: 0 }]),
  );
  const slice = seconds / ROUNDS;
  for (let round = 0; round < ROUNDS; round++) {
    // Each round starts one page later, so that no page always follows the same one.
    for (let i = 0; i < probes.length; i++) {
      const probe = probes[(round + i) % probes.length];
      const run = probe && runs.get(probe.name);
      if (!probe || !run) continue;
      const cpuBefore = server.cpuSeconds() ?? 0;
      run.load.push(await closedLoop(concurrency, slice, call(probe)));
      run.serverCpuSeconds += (server.cpuSeconds() ?? 0) - cpuBefore;
    }
    const rates = probes.map((probe) => {
      const last = runs.get(probe.name)?.load.at(-1);
      return `${probe.name} ${last ? throughput(last).toFixed(0) : "?"}/s`;
    });
    console.log(`round ${round + 1}/${ROUNDS}: ${rates.join(", ")}`);
  }

  const totals = new Map([...runs].map(([name, run]) => [name, combine(run.load)]));
  const baselineTotal = totals.get(baseline.name);
  if (!baselineTotal) throw new Error("no baseline run");
  const baselineRate = throughput(baselineTotal);
  const serverCpu = (name: string) => {
    const run = runs.get(name);
    const total = totals.get(name);
    return run && total && total.completed > 0 ? (1000 * run.serverCpuSeconds) / total.completed : 0;
  };
  const results: Result[] = [
    result("baseline_page", baselineRate, "req/s"),
    result("baseline_page_p50", percentile(baselineTotal.latencies, 50), "ms"),
    result("baseline_page_p99", percentile(baselineTotal.latencies, 99), "ms"),
    result("baseline_page_server_cpu", serverCpu(baseline.name), "ms CPU per request (next start)"),
    result("baseline_page_errors", baselineTotal.errors, "errors", { goal: { atMost: 0 } }),
    result("baseline_page_db_sessions_used", baselineSessions, `sessions in ${BASELINE_PROBES} requests`, {
      goal: { atMost: 0 },
    }),
  ];
  for (const probe of pages) {
    const total = totals.get(probe.name);
    if (!total) continue;
    for (const message of [...total.errorMessages].slice(0, 5))
      console.log(`  ${probe.name} error: ${message}`);
    const rate = throughput(total);
    const halfRate = rate / 2;
    const open = await openLoop(halfRate, seconds, call(probe));
    for (const message of [...open.errorMessages].slice(0, 5))
      console.log(`  ${probe.name} error: ${message}`);
    console.log(
      `${probe.name} at half rate (${halfRate.toFixed(0)}/s): p50 ${formatMs(percentile(open.latencies, 50))}, ` +
        `p99 ${formatMs(percentile(open.latencies, 99))}`,
    );
    results.push(
      result(probe.name, rate, "req/s", {
        baseline: baselineRate,
        goal: probe.ratioTarget === undefined ? undefined : { atLeast: probe.ratioTarget },
      }),
      result(`${probe.name}_p50`, percentile(total.latencies, 50), "ms"),
      result(`${probe.name}_p99`, percentile(total.latencies, 99), "ms"),
      result(`${probe.name}_server_cpu`, serverCpu(probe.name), "ms CPU per request (next start)"),
      result(`${probe.name}_errors`, total.errors + open.errors, "errors", { goal: { atMost: 0 } }),
      result(`${probe.name}_half_rate`, halfRate, "req/s offered (open loop)"),
      result(`${probe.name}_half_rate_p50`, percentile(open.latencies, 50), "ms"),
      result(`${probe.name}_half_rate_p99`, percentile(open.latencies, 99), "ms", {
        goal: probe.halfRateP99TargetMs === undefined ? undefined : { atMost: probe.halfRateP99TargetMs },
      }),
    );
  }
  return results;
}
