/**
 * `npm run bench:web`: the dashboard and feed targets of DESIGN.md section 9 at scale (10,000 people,
 * 1,000,000 recognitions). Times the feed's keyset-paged query at the first page and a deep page, then
 * serves the production build with `next start` and measures the manager dashboard and the feed page
 * against a page that never touches the database, measured in the same run. Runs in a database of its
 * own on DATABASE_URL's server (dropped at the end unless BENCH_KEEP_DB=1); BENCH_SECONDS sets the
 * measuring time per page.
 */
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type postgres from "postgres";
import { sqlState } from "../core/errors";
import { type Connection, connect } from "../db/client";
import { runMigrations } from "../db/migrate";
import { serveApp } from "./app-server";
import { printTable, type Result, writeResults } from "./report";
import { databaseName, dropDatabase, recreateDatabase, withDatabase } from "./setup";
import { feedQueries } from "./web/feed-queries";
import { HttpClient } from "./web/http";
import { pageLoad } from "./web/page-load";
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
const RESULTS_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), "results", "web.json");

function measuringSeconds(): number {
  const seconds = Number(process.env.BENCH_SECONDS ?? "10");
  if (!Number.isFinite(seconds) || seconds < 1) throw new Error("BENCH_SECONDS must be at least 1");
  return seconds;
}

async function serverFacts(sql: postgres.Sql): Promise<string[]> {
  const [facts] = await sql<{ version: string; settings: string }[]>`
    select version() as version,
      (select string_agg(name || '=' || setting || coalesce(unit, ''), ', ' order by name) from pg_settings
       where name in ('shared_buffers', 'work_mem', 'effective_cache_size', 'random_page_cost', 'jit',
         'autovacuum', 'max_connections')) as settings`;
  return [
    `cores: ${os.availableParallelism()} (${os.cpus()[0]?.model ?? "unknown CPU"}), node ${process.version}`,
    `server: ${facts?.version ?? "unknown"}`,
    `settings: ${facts?.settings ?? "unknown"}`,
  ];
}

/** Writes out the bulk load so that its checkpoint does not land in the middle of a measurement. */
async function checkpoint(sql: postgres.Sql): Promise<void> {
  try {
    await sql`checkpoint`;
  } catch (error) {
    if (sqlState(error) !== "42501") throw error;
    console.log("(no CHECKPOINT privilege: a checkpoint of the setup may fall inside a measurement)");
  }
}

async function bench(
  connection: Connection,
  admin: postgres.Sql,
  benchUrl: string,
  benchDatabase: string,
  seconds: number,
): Promise<Result[]> {
  console.log(`setting up: migrations, ${PEOPLE} people, ${RECOGNITIONS} recognitions, ${TEAM_GIVES} gives`);
  await runMigrations(connection.db);
  const org = await seedScaleOrg(connection.db, connection.sql, {
    people: PEOPLE,
    recognitions: RECOGNITIONS,
    teamGives: TEAM_GIVES,
  });
  await checkpoint(connection.sql);

  console.log("\nfeed query, one call at a time, exactly as listFeed sends it:");
  const queries = await feedQueries(connection.sql, org, { deepPage: DEEP_PAGE, targetMs: QUERY_TARGET_MS });
  console.log("\nstatements behind one request of each page:");
  const statements = await pageStatementTimes(connection.sql, org);

  console.log(`\npages: next start, ${CONCURRENCY} requests in flight, ${seconds} s per page`);
  const server = await serveApp(benchUrl);
  const client = new HttpClient(server.url);
  const stopOnInterrupt = () => {
    void server.stop().finally(() => process.exit(130));
  };
  process.once("SIGINT", stopOnInterrupt);
  try {
    const pages = await pageLoad(server, client, { admin, name: benchDatabase }, org, {
      concurrency: CONCURRENCY,
      seconds,
      ratioTarget: 0.3,
      halfRateP99TargetMs: 100,
    });
    return [...queries, ...statements, ...pages];
  } finally {
    process.off("SIGINT", stopOnInterrupt);
    client.close();
    await server.stop();
  }
}

async function main(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    console.error(
      "DATABASE_URL is not set. Point it at a PostgreSQL server, e.g.\n" +
        "  DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:web\n" +
        "The bench works in a database of its own on that server (<database>_bench_web).",
    );
    process.exit(1);
  }
  const serverUrl = new URL(databaseUrl);
  const benchDatabase = `${databaseName(serverUrl)}_bench_web`;
  const benchUrl = withDatabase(serverUrl, benchDatabase);
  const keep = process.env.BENCH_KEEP_DB === "1";
  const seconds = measuringSeconds();

  const admin = connect(databaseUrl, { max: 1 });
  try {
    for (const fact of await serverFacts(admin.sql)) console.log(fact);
    await recreateDatabase(admin.sql, benchDatabase);
    const connection = connect(benchUrl, { max: 8 });
    let results: Result[];
    try {
      results = await bench(connection, admin.sql, benchUrl, benchDatabase, seconds);
    } finally {
      await connection.close();
      if (keep) console.log(`kept database ${benchDatabase} (BENCH_KEEP_DB=1)`);
      else await dropDatabase(admin.sql, benchDatabase);
    }
    console.log("");
    printTable(results);
    const judged = results.filter((r) => r.row.pass !== null);
    console.log(`\n${judged.filter((r) => r.row.pass).length} of ${judged.length} targets met`);
    await writeResults(RESULTS_FILE, results);
    console.log(`wrote ${path.relative(process.cwd(), RESULTS_FILE)}`);
  } finally {
    await admin.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
