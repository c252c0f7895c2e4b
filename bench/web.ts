import path from "node:path";
import { fileURLToPath } from "node:url";
import { runMigrations } from "../db/migrate";
import { HttpClient } from "../testing/http-client";
import { serveApp } from "./app-server";
import { type BenchRun, checkpoint, runAsScript } from "./harness";
import type { Result } from "./report";
import { analyticsPages, analyticsUseCaseTimes, summariseAnalyticsHistory } from "./web/analytics";
import { feedQueries } from "./web/feed-queries";
import { type Probe, pageLoad, teamAndFeedPages } from "./web/page-load";
import { pageStatementTimes } from "./web/page-statements";
import { seedScaleOrg } from "./web/seed";

const PEOPLE = 10_000;
const RECOGNITIONS = 1_000_000;
const TEAM_GIVES = 300;
/** Page 1000 of 20 rows: twenty thousand recognitions, a few weeks, back. */
const DEEP_PAGE = 1000;
const QUERY_TARGET_MS = 2;
/** Requests in flight in the closed-loop runs: a busy office's worth of simultaneous page loads. */
const CONCURRENCY = 8;
const RESULTS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "results");

/**
 * What a run measures: `feed` (the feed query, each page's statements, the dashboard and feed pages)
 * and `analytics` (summing the rollups, the use case, the analytics page). BENCH_SCENARIOS picks some,
 * comma-separated; all by default.
 */
const SCENARIOS = ["feed", "analytics"] as const;
type Scenario = (typeof SCENARIOS)[number];

function chosenScenarios(): Set<Scenario> {
  const asked = (process.env.BENCH_SCENARIOS ?? SCENARIOS.join(",")).split(",").map((name) => name.trim());
  const unknown = asked.filter((name) => !SCENARIOS.some((scenario) => scenario === name));
  if (unknown.length > 0)
    throw new Error(`BENCH_SCENARIOS: no ${unknown.join(", ")}; choose from ${SCENARIOS.join(", ")}`);
  return new Set(asked as Scenario[]);
}

function measuringSeconds(): number {
  const seconds = Number(process.env.BENCH_SECONDS ?? "10");
  if (!Number.isFinite(seconds) || seconds < 1) throw new Error("BENCH_SECONDS must be at least 1");
  return seconds;
}

async function bench(
  { connection, admin, benchUrl, benchDatabase }: BenchRun,
  seconds: number,
  scenarios: Set<Scenario>,
): Promise<Result[]> {
  console.log(`setting up: migrations, ${PEOPLE} people, ${RECOGNITIONS} recognitions, ${TEAM_GIVES} gives`);
  await runMigrations(connection.db);
  const org = await seedScaleOrg(connection.db, connection.sql, {
    people: PEOPLE,
    recognitions: RECOGNITIONS,
    teamGives: TEAM_GIVES,
  });
  await checkpoint(connection.sql);

  const measured: Result[] = [];
  if (scenarios.has("feed")) {
    console.log("\nfeed query, one call at a time, exactly as listFeed sends it:");
    measured.push(
      ...(await feedQueries(connection.sql, org, { deepPage: DEEP_PAGE, targetMs: QUERY_TARGET_MS })),
    );
    console.log("\nstatements behind one request of each page:");
    measured.push(...(await pageStatementTimes(connection.sql, org)));
  }
  if (scenarios.has("analytics")) {
    console.log("\nanalytics: the rollups summed by background work, then the use case one call at a time:");
    measured.push(...(await summariseAnalyticsHistory(connection.db)));
    await checkpoint(connection.sql);
    measured.push(...(await analyticsUseCaseTimes(connection.db, org)));
  }

  console.log(`\npages: next start, ${CONCURRENCY} requests in flight, ${seconds} s per page`);
  const server = await serveApp(benchUrl);
  const client = new HttpClient(server.url);
  const stopOnInterrupt = () => {
    void server.stop().finally(() => process.exit(130));
  };
  process.once("SIGINT", stopOnInterrupt);
  try {
    const probes: Probe[] = [
      ...(scenarios.has("feed")
        ? await teamAndFeedPages(client, org, { ratioTarget: 0.3, halfRateP99TargetMs: 100 })
        : []),
      ...(scenarios.has("analytics") ? await analyticsPages(client, org) : []),
    ];
    const pages = await pageLoad(server, client, { admin, name: benchDatabase }, probes, {
      concurrency: CONCURRENCY,
      seconds,
    });
    return [...measured, ...pages];
  } finally {
    process.off("SIGINT", stopOnInterrupt);
    client.close();
    await server.stop();
  }
}

const seconds = measuringSeconds();
const scenarios = chosenScenarios();
// A run of some scenarios keeps its own file, so that it never stands in for a whole run's figures.
const partial = scenarios.size < SCENARIOS.length;
const resultsFile = path.join(RESULTS_DIR, partial ? `web-${[...scenarios].join("-")}.json` : "web.json");
runAsScript({
  script: "bench:web",
  databaseSuffix: "bench_web",
  resultsFile,
  poolSize: 8,
  settings: [
    "shared_buffers",
    "work_mem",
    "effective_cache_size",
    "random_page_cost",
    "jit",
    "autovacuum",
    "max_connections",
  ],
  run: (run) => bench(run, seconds, scenarios),
});
