/**
 * `npm run bench:bill`: the finance issue's figures at a large customer's size. A million-line closed
 * bill downloaded as CSV through the app's streaming route, against psql's `\copy` of the same rows in
 * the same run, with the server's memory growth meanwhile; closing that bill; the points liability as of
 * random instants over ten million ledger entries.
 *
 * Runs in a database of its own on DATABASE_URL's server (dropped at the end unless BENCH_KEEP_DB=1).
 * BENCH_BILL_LINES, BENCH_LEDGER_ENTRIES and BENCH_PEOPLE make a smaller org for a quick run.
 */
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { runMigrations } from "../db/migrate";
import { serveApp } from "./app-server";
import { measureClose } from "./bill/close";
import { measureExport } from "./bill/export";
import { measureLiability } from "./bill/liability";
import { seedBillBenchOrg } from "./bill/seed";
import { type BillBenchSizes, ledgerPlan, sizesFromEnv } from "./bill/sizes";
import { type BenchRun, runAsScript } from "./harness";
import { type Result, result } from "./report";

const CLOSE_TARGET_S = 30;
const EXPORT_RATIO_TARGET = 0.6;
const EXPORT_MEMORY_TARGET_MB = 64;
/** Downloads of each kind, interleaved; each side's median counts. */
const EXPORT_ROUNDS = 3;
const RSS_SAMPLE_MS = 50;
const LIABILITY_CALLS = 50;
const LIABILITY_P99_TARGET_MS = 200;
const RESULTS_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), "results", "bill.json");

async function bench({ connection, benchUrl }: BenchRun, sizes: BillBenchSizes): Promise<Result[]> {
  console.log(
    `setting up: migrations, ${sizes.people} people, ${sizes.months} months, ` +
      `${sizes.ledgerEntries} ledger entries, a ${sizes.billLines}-line bill`,
  );
  await runMigrations(connection.db);
  const org = await seedBillBenchOrg(connection, sizes);

  console.log(`\nclosing the ${org.billed.period} bill:`);
  const close = await measureClose(connection, org, CLOSE_TARGET_S);

  console.log(`\nliability, ${LIABILITY_CALLS} random instants over ${sizes.months} months:`);
  const liability = await measureLiability(connection, org, {
    calls: LIABILITY_CALLS,
    p99TargetMs: LIABILITY_P99_TARGET_MS,
  });

  console.log(`\nCSV download: next start against psql \\copy, ${EXPORT_ROUNDS} rounds interleaved`);
  const server = await serveApp(benchUrl);
  const stopOnInterrupt = () => {
    void server.stop().finally(() => process.exit(130));
  };
  process.once("SIGINT", stopOnInterrupt);
  try {
    const exported = await measureExport(server, benchUrl, org, close.bill, {
      rounds: EXPORT_ROUNDS,
      ratioTarget: EXPORT_RATIO_TARGET,
      memoryGrowthTargetMB: EXPORT_MEMORY_TARGET_MB,
      sampleEveryMs: RSS_SAMPLE_MS,
    });
    return [result("seed", org.seedSeconds, "s"), ...exported, ...close.results, ...liability];
  } finally {
    process.off("SIGINT", stopOnInterrupt);
    await server.stop();
  }
}

const sizes = sizesFromEnv();
runAsScript({
  script: "bench:bill",
  databaseSuffix: "bench_bill",
  resultsFile: RESULTS_FILE,
  poolSize: 8,
  settings: [
    "shared_buffers",
    "work_mem",
    "maintenance_work_mem",
    "effective_cache_size",
    "jit",
    "autovacuum",
  ],
  facts: async () => [
    `load: ${sizes.people} people, ${sizes.months} months, ${ledgerPlan(sizes).entries} ledger entries, ` +
      `${sizes.billLines} bill lines`,
    // Other work on the machine slows every figure here; the ratio least, its two sides taking turns under it.
    `machine load average at the start (1, 5, 15 min): ${os
      .loadavg()
      .map((load) => load.toFixed(1))
      .join(", ")}`,
  ],
  run: (run) => bench(run, sizes),
});
