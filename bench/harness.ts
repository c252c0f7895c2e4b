import os from "node:os";
import path from "node:path";
import type postgres from "postgres";
import { sqlState } from "../core/shared/errors";
import { type Connection, connect } from "../db/client";
import { printTable, type Result, writeResults } from "./report";
import { databaseName, dropDatabase, recreateDatabase, withDatabase } from "./setup";

/** The machine and server a run measured, printed first so that figures can be compared across runs. */
export async function serverFacts(sql: postgres.Sql, settings: readonly string[]): Promise<string[]> {
  const [facts] = await sql<{ version: string; settings: string | null }[]>`
    select version() as version,
      (select string_agg(name || '=' || setting || coalesce(unit, ''), ', ' order by name) from pg_settings
       where name = any(${settings as string[]})) as settings`;
  return [
    `cores: ${os.availableParallelism()} (${os.cpus()[0]?.model ?? "unknown CPU"}), node ${process.version}`,
    `server: ${facts?.version ?? "unknown"}`,
    `settings: ${facts?.settings ?? "unknown"}`,
  ];
}

/** Writes out the bulk load so that its checkpoint does not land in the middle of a measurement. */
export async function checkpoint(sql: postgres.Sql): Promise<void> {
  try {
    await sql`checkpoint`;
  } catch (error) {
    if (sqlState(error) !== "42501") throw error;
    console.log("(no CHECKPOINT privilege: a checkpoint of the setup may fall inside a measurement)");
  }
}

export interface BenchRun {
  connection: Connection;
  admin: postgres.Sql;
  benchUrl: string;
  benchDatabase: string;
}

export interface Benchmark {
  /** The npm script, for the usage message. */
  script: string;
  /** The bench works in `<database>_<suffix>` on DATABASE_URL's server. */
  databaseSuffix: string;
  resultsFile: string;
  poolSize: number;
  /** Server settings worth printing beside the figures. */
  settings: readonly string[];
  /** Facts of the run itself (load shape, baselines), printed after the server's. */
  facts?: () => Promise<string[]>;
  run: (bench: BenchRun) => Promise<Result[]>;
}

/**
 * What every benchmark does around its measurements: a database of its own, the facts of the machine,
 * the table of figures against their targets and the results file. The database is dropped afterwards
 * unless BENCH_KEEP_DB=1.
 */
export async function runBenchmark(benchmark: Benchmark): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    console.error(
      "DATABASE_URL is not set. Point it at a PostgreSQL server, e.g.\n" +
        `  DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run ${benchmark.script}\n` +
        `The bench works in a database of its own on that server (<database>_${benchmark.databaseSuffix}).`,
    );
    process.exit(1);
  }
  const serverUrl = new URL(databaseUrl);
  const benchDatabase = `${databaseName(serverUrl)}_${benchmark.databaseSuffix}`;
  const benchUrl = withDatabase(serverUrl, benchDatabase);
  const admin = connect(databaseUrl, { max: 1 });
  try {
    const facts = [
      ...(await serverFacts(admin.sql, benchmark.settings)),
      ...((await benchmark.facts?.()) ?? []),
    ];
    for (const fact of facts) console.log(fact);
    await recreateDatabase(admin.sql, benchDatabase);
    const connection = connect(benchUrl, { max: benchmark.poolSize });
    let results: Result[];
    try {
      results = await benchmark.run({ connection, admin: admin.sql, benchUrl, benchDatabase });
    } finally {
      await connection.close();
      if (process.env.BENCH_KEEP_DB === "1") console.log(`kept database ${benchDatabase} (BENCH_KEEP_DB=1)`);
      else await dropDatabase(admin.sql, benchDatabase);
    }
    console.log("");
    printTable(results);
    const judged = results.filter((r) => r.row.pass !== null);
    console.log(`\n${judged.filter((r) => r.row.pass).length} of ${judged.length} targets met`);
    await writeResults(benchmark.resultsFile, results);
    console.log(`wrote ${path.relative(process.cwd(), benchmark.resultsFile)}`);
  } finally {
    await admin.close();
  }
}

/** Runs a benchmark as a script: a failure prints its stack and exits 1. */
export function runAsScript(benchmark: Benchmark): void {
  runBenchmark(benchmark).catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  });
}
