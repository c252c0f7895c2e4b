/**
 * `npm run bench:give`: the give-points targets of DESIGN.md section 9, each as a ratio against a
 * baseline measured in the same run. Runs in a database of its own on DATABASE_URL's server (dropped at
 * the end unless BENCH_KEEP_DB=1); BENCH_SECONDS sets the measuring time per figure.
 */
import { randomUUID } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type postgres from "postgres";
import { givePoints } from "../core/giving/give-points";
import { requestHash } from "../core/ledger/request-hash";
import type { Connection } from "../db/client";
import { runMigrations } from "../db/migrate";
import { type BenchRun, checkpoint, runAsScript } from "./harness";
import { closedLoop, combine, type LoadResult, percentile, throughput } from "./load";
import { combinePgbench, type PgbenchResult, pgbench, pgbenchInit, pgbenchVersion } from "./pgbench";
import { type Result, result } from "./report";
import { type BenchOrg, createHotRow, personId, personIdSql, seedOrg } from "./setup";

const CONCURRENCY = 16;
const PGBENCH_THREADS = 2;
const PEOPLE = 2000;
const TPCB_SCALE = 16;
/**
 * Each figure is measured in this many slices, interleaved with its baselines' slices, so that a burst
 * of other work on the shared machine lands on both sides of a ratio instead of on one.
 */
const ROUNDS = 3;
const DUPLICATE_ROUNDS = 20;
const DUPLICATE_FANOUT = 10;
const AMOUNT = 5;
const MESSAGE = "Thanks for untangling the release checklist";
const RESULTS_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), "results", "give.json");

function randomPerson(people: number): number {
  return 1 + Math.floor(Math.random() * people);
}

/** A uniformly random person other than `not`. */
function otherPerson(people: number, not: number): number {
  const n = 1 + Math.floor(Math.random() * (people - 1));
  return n >= not ? n + 1 : n;
}

function give(connection: Connection, org: BenchOrg, giver: number, receiver: number, key: string) {
  return givePoints(
    connection.db,
    { kind: "person", orgId: org.orgId, personId: personId(giver), roles: ["employee"] },
    {
      recipientIds: [personId(receiver)],
      amount: AMOUNT,
      message: MESSAGE,
      source: "web",
      idempotencyKey: key,
    },
    undefined,
    // The ledger's give path against the same SQL sent raw: thousands of gives a minute per person, which
    // the per-person rate limit would refuse.
    null,
  );
}

/** The statement givePoints sends, with the giver, receiver and key chosen on the server. */
function sameSqlScript(): string {
  return [
    "\\set g random(1, :n)",
    "\\set r random(1, :n - 1)",
    "\\set r case when :r >= :g then :r + 1 else :r end",
    `select plaudit_give(:org::uuid, ${personIdSql(":g")}, array[${personIdSql(":r")}], :amount::int, :message,
  '{}'::text[], 'web'::recognition_source, gen_random_uuid()::text, :hash, now()) as result;`,
    "",
  ].join("\n");
}

/**
 * The hot-row baseline runs in pgbench, like the other baselines: one row's rate is bound by its lock
 * and the commit, not by the client (a postgres.js loop measured within noise of pgbench here).
 */
const HOT_ROW_SCRIPT =
  "\\set id 1\nupdate bench_hot_row set balance = balance + 1 where id = :id and balance >= 0;\n";

interface DuplicateOutcome {
  oneEffect: number;
  errors: number;
}

/**
 * Delivers the same give DUPLICATE_FANOUT times at once, DUPLICATE_ROUNDS times. One effect means one
 * transaction with two entries, one recognition, the receiver credited once, one caller told it gave
 * and the others told they replayed that very transaction.
 */
async function duplicateDeliveries(connection: Connection, org: BenchOrg): Promise<DuplicateOutcome> {
  const { sql } = connection;
  const earned = async (person: number) => {
    const [account] = await sql<{ balance: string }[]>`
      select sum(balance) as balance from ledger_accounts
      where org_id = ${org.orgId} and person_id = ${personId(person)} and kind = 'earned'`;
    return Number(account?.balance);
  };
  let oneEffect = 0;
  let errors = 0;
  for (let round = 0; round < DUPLICATE_ROUNDS; round++) {
    const giver = randomPerson(org.people);
    const receiver = otherPerson(org.people, giver);
    const key = randomUUID();
    const before = await earned(receiver);
    const calls = await Promise.allSettled(
      Array.from({ length: DUPLICATE_FANOUT }, () => give(connection, org, giver, receiver, key)),
    );
    const after = await earned(receiver);
    const answers = calls.flatMap((call) => (call.status === "fulfilled" ? [call.value] : []));
    errors += calls.length - answers.length;
    const [counts] = await sql<{ transactions: number; entries: number; recognitions: number }[]>`
      select count(distinct t.id)::int as transactions, count(distinct e.id)::int as entries,
        count(distinct r.id)::int as recognitions
      from ledger_transactions t
      left join ledger_entries e on e.transaction_id = t.id
      left join recognitions r on r.transaction_id = t.id
      where t.org_id = ${org.orgId} and t.idempotency_key = ${key}`;
    const ok =
      answers.length === DUPLICATE_FANOUT &&
      answers.filter((answer) => !answer.replayed).length === 1 &&
      new Set(answers.map((answer) => answer.transactionId)).size === 1 &&
      counts?.transactions === 1 &&
      counts.entries === 2 &&
      counts.recognitions === 1 &&
      after - before === AMOUNT;
    if (ok) oneEffect += 1;
  }
  return { oneEffect, errors };
}

function describeErrors(name: string, load: LoadResult): void {
  for (const message of [...load.errorMessages].slice(0, 5)) console.log(`  ${name} error: ${message}`);
}

/**
 * Refreshes the statistics of the tables that gives grow. The pool's sessions outlive many slices and
 * keep the plans they made (the foreign-key checks' among them), made when these tables were nearly
 * empty: a check planned as a sequential scan of an empty `recognitions` stays one as the table grows,
 * until new statistics invalidate it. Autovacuum's analyze does that in production; this server may run
 * without autovacuum, and pgbench's fresh sessions would not suffer from it.
 */
async function analyzeGrowingTables(sql: postgres.Sql): Promise<void> {
  await sql`analyze ledger_transactions, ledger_entries, ledger_accounts, recognitions, recognition_recipients`;
}

/**
 * Runs every step once, starting one step later each round, so that no figure always follows the same
 * one: a TPC-B run, for one, leaves shared buffers full of its own dirty pages for whoever comes next.
 */
async function runRotated(
  sql: postgres.Sql,
  steps: readonly (() => Promise<void>)[],
  round: number,
): Promise<void> {
  for (let i = 0; i < steps.length; i++) {
    await analyzeGrowingTables(sql);
    await steps[(round + i) % steps.length]?.();
  }
}

function last<T>(items: readonly T[]): T {
  const item = items.at(-1);
  if (item === undefined) throw new Error("nothing measured yet");
  return item;
}

function perSecond(value: number): string {
  return `${value.toFixed(0)}/s`;
}

/** Seconds per slice: pgbench -T takes whole seconds. */
function sliceSeconds(): number {
  const seconds = Number(process.env.BENCH_SECONDS ?? "15");
  if (!Number.isFinite(seconds) || seconds < ROUNDS) {
    throw new Error(`BENCH_SECONDS must be a number of seconds, at least ${ROUNDS}`);
  }
  return Math.round(seconds / ROUNDS);
}

async function bench({ connection, benchUrl: url }: BenchRun, slice: number): Promise<Result[]> {
  console.log("setting up: migrations, org, people, pgbench tables");
  await runMigrations(connection.db);
  const org = await seedOrg(connection.db, connection.sql, PEOPLE);
  await createHotRow(connection.sql);
  await pgbenchInit(url, TPCB_SCALE);
  await connection.sql`vacuum analyze`;
  await checkpoint(connection.sql);

  const scripts = await mkdtemp(path.join(os.tmpdir(), "plaudit-bench-"));
  try {
    const sameSqlFile = path.join(scripts, "give.sql");
    const hotRowFile = path.join(scripts, "hot-row.sql");
    await writeFile(sameSqlFile, sameSqlScript());
    await writeFile(hotRowFile, HOT_ROW_SCRIPT);
    const clients = ["-c", String(CONCURRENCY), "-j", String(PGBENCH_THREADS), "-T", String(slice)];
    const sameSqlArgs = [
      ...clients,
      ...["-n", "-M", "prepared", "-f", sameSqlFile],
      ...["-D", `n=${org.people}`, "-D", `org=${org.orgId}`, "-D", `amount=${AMOUNT}`],
      // Any hash of the shape givePoints stores: the row written is the same size.
      ...["-D", `message=${MESSAGE}`, "-D", `hash=${requestHash({ message: MESSAGE })}`],
    ];
    const hotRowArgs = [...clients, "-n", "-M", "prepared", "-f", hotRowFile];

    const spreadGive = () => {
      const giver = randomPerson(org.people);
      return give(connection, org, giver, otherPerson(org.people, giver), randomUUID());
    };
    const hotGive = () => give(connection, org, otherPerson(org.people, 1), 1, randomUUID());

    // Opens the pool's connections and fills each session's plan cache for plaudit_give, as pgbench
    // connects before its clock starts.
    await closedLoop(CONCURRENCY, 1, spreadGive);

    const spread: LoadResult[] = [];
    const sameSql: PgbenchResult[] = [];
    const tpcb: PgbenchResult[] = [];
    let spreadCpuSeconds = 0;
    const spreadSteps = [
      async () => {
        const cpuBefore = process.cpuUsage();
        spread.push(await closedLoop(CONCURRENCY, slice, spreadGive));
        const cpu = process.cpuUsage(cpuBefore);
        spreadCpuSeconds += (cpu.user + cpu.system) / 1e6;
      },
      async () => {
        sameSql.push(await pgbench(url, sameSqlArgs));
      },
      async () => {
        tpcb.push(await pgbench(url, clients));
      },
    ];
    for (let round = 0; round < ROUNDS; round++) {
      await runRotated(connection.sql, spreadSteps, round);
      console.log(
        `round ${round + 1}/${ROUNDS}: give_spread ${perSecond(throughput(last(spread)))}, ` +
          `pgbench_same_sql ${perSecond(last(sameSql).tps)}, pgbench_tpcb ${perSecond(last(tpcb).tps)}`,
      );
    }

    const hot: LoadResult[] = [];
    const hotRow: PgbenchResult[] = [];
    const hotSteps = [
      async () => {
        hot.push(await closedLoop(CONCURRENCY, slice, hotGive));
      },
      async () => {
        hotRow.push(await pgbench(url, hotRowArgs));
      },
    ];
    for (let round = 0; round < ROUNDS; round++) {
      await runRotated(connection.sql, hotSteps, round);
      console.log(
        `round ${round + 1}/${ROUNDS}: give_hot_receiver ${perSecond(throughput(last(hot)))}, ` +
          `hot_row_guarded_update ${perSecond(last(hotRow).tps)}`,
      );
    }

    const duplicates = await duplicateDeliveries(connection, org);

    const spreadTotal = combine(spread);
    const hotTotal = combine(hot);
    const sameSqlTotal = combinePgbench(sameSql);
    const tpcbTotal = combinePgbench(tpcb);
    const hotRowTotal = combinePgbench(hotRow);
    describeErrors("give_spread", spreadTotal);
    describeErrors("give_hot_receiver", hotTotal);
    const spreadRate = throughput(spreadTotal);
    const hotRate = throughput(hotTotal);
    return [
      result("give_spread", spreadRate, "gives/s", { baseline: sameSqlTotal.tps, goal: { atLeast: 0.8 } }),
      result("give_spread_vs_tpcb", spreadRate, "gives/s", {
        baseline: tpcbTotal.tps,
        goal: { atLeast: 1.5 },
      }),
      result("give_spread_p50", percentile(spreadTotal.latencies, 50), "ms"),
      result("give_spread_p99", percentile(spreadTotal.latencies, 99), "ms", { goal: { atMost: 15 } }),
      result("give_spread_errors", spreadTotal.errors, "errors", { goal: { atMost: 0 } }),
      result("give_spread_client_cpu", (100 * spreadCpuSeconds) / spreadTotal.seconds, "% of a core"),
      result("pgbench_same_sql", sameSqlTotal.tps, "tx/s"),
      result("pgbench_same_sql_failed", sameSqlTotal.failed, "tx"),
      result("pgbench_tpcb", tpcbTotal.tps, "tx/s"),
      result("give_hot_receiver", hotRate, "gives/s", { baseline: hotRowTotal.tps, goal: { atLeast: 0.7 } }),
      result("give_hot_receiver_p50", percentile(hotTotal.latencies, 50), "ms"),
      result("give_hot_receiver_p99", percentile(hotTotal.latencies, 99), "ms"),
      result("give_hot_receiver_errors", hotTotal.errors, "errors", { goal: { atMost: 0 } }),
      result("hot_row_guarded_update", hotRowTotal.tps, "tx/s"),
      result("duplicate_deliveries", duplicates.oneEffect, `rounds of ${DUPLICATE_ROUNDS} with one effect`, {
        goal: { atLeast: DUPLICATE_ROUNDS },
      }),
      result("duplicate_deliveries_errors", duplicates.errors, "errors", { goal: { atMost: 0 } }),
    ];
  } finally {
    await rm(scripts, { recursive: true, force: true });
  }
}

const slice = sliceSeconds();
runAsScript({
  script: "bench:give",
  databaseSuffix: "bench",
  resultsFile: RESULTS_FILE,
  poolSize: CONCURRENCY,
  settings: ["fsync", "synchronous_commit", "shared_buffers", "wal_sync_method", "max_connections"],
  facts: async () => [
    `client: ${await pgbenchVersion()}`,
    `database: ${PEOPLE} people, ${CONCURRENCY} in flight, ${ROUNDS * slice} s per figure in ${ROUNDS} interleaved slices`,
    `baselines: pgbench -c ${CONCURRENCY} -j ${PGBENCH_THREADS} -M prepared (same SQL; one-row guarded ` +
      `update), pgbench -i -s ${TPCB_SCALE} then -c ${CONCURRENCY} -j ${PGBENCH_THREADS} (TPC-B)`,
  ],
  run: (run) => bench(run, slice),
});
