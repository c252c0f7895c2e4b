/**
 * `npm run bench:slack`: the Slack ack target of DESIGN.md section 9. Serves the production build with
 * `next start` against a fake Slack Web API and sends it signed `/give` slash commands at a fixed rate
 * whatever the answers (open loop), timing each acknowledgement as Slack would. A give is saved before
 * its acknowledgement, which carries the confirmation, so the latency includes the give itself. Then
 * waits for the work each command continues with after its response (the announcements) and checks that
 * every give took effect exactly once, that every giver was told so, and that the ledger balances.
 *
 * The workspace is connected in multi-workspace mode (no SLACK_BOT_TOKEN; an installation row with a
 * sealed bot token, as "Add to Slack" leaves it), the mode in which Bolt's authorize does the most
 * before the ack: a database lookup of the installation and the opening of its token, on every request.
 *
 * Runs in a database of its own on DATABASE_URL's server (dropped at the end unless BENCH_KEEP_DB=1);
 * BENCH_SECONDS sets the measuring time (30 s by default).
 */
import { randomBytes } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type postgres from "postgres";
import { checkLedger } from "../core/ledger/check-ledger";
import type { Connection } from "../db/client";
import { runMigrations } from "../db/migrate";
import { type FakeSlack, startFakeSlack } from "../testing/fake-slack";
import { HttpClient } from "../testing/http-client";
import { waitUntilQuiet } from "../testing/quiet";
import { type AppServer, serveApp } from "./app-server";
import { runAsScript } from "./harness";
import { type LoadResult, openLoop, percentile } from "./load";
import { type Result, result } from "./report";
import { type AckTally, type AckTexts, emptyTally, giveCommands, non200 } from "./slack/commands";
import { type SlackBenchOrg, seedSlackOrg } from "./slack/seed";

const RATE = 50;
/** Slack shows the user an error and retries when a request is not acknowledged within 3 seconds. */
const ACK_TIMEOUT_MS = 3_000;
const P50_TARGET_MS = 50;
const P99_TARGET_MS = 300;
const PEOPLE = 2_000;
/** The first requests load the route, open the database pool and build the Bolt app: not measured. */
const WARMUP_SECONDS = 3;
const BOT = {
  teamId: "TBENCH0001",
  botToken: "xoxb-bench-token",
  botUserId: "UBENCHBOT",
  botId: "BBENCHBOT",
};
const RESULTS_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), "results", "slack.json");

function measuringSeconds(): number {
  const seconds = Number(process.env.BENCH_SECONDS ?? "30");
  if (!Number.isFinite(seconds) || seconds < 1) throw new Error("BENCH_SECONDS must be at least 1");
  return seconds;
}

function ms(value: number): string {
  return `${value.toFixed(1)} ms`;
}

async function recognitionCount(sql: postgres.Sql, orgId: string): Promise<number> {
  const [row] = await sql<{ count: number }[]>`
    select count(*)::int as count from recognitions where org_id = ${orgId}`;
  return row?.count ?? 0;
}

/** Until the recognitions and the fake's Web API calls stop growing: the after-response work is done. */
function afterWorkDone(sql: postgres.Sql, org: SlackBenchOrg, slack: FakeSlack): Promise<number> {
  return waitUntilQuiet(async () => `${await recognitionCount(sql, org.orgId)}/${slack.calls.length}`);
}

/**
 * What each giver was told: a confirmation for each give, in the acknowledgement once it is saved (or in
 * a private reply after an acknowledgement that it is under way); anything else is a refusal or a failure.
 */
function giverAnswers(slack: FakeSlack, acks: AckTexts): AckTexts {
  const replies = slack.callsTo("chat.postEphemeral").map((call) => String(call.args.text));
  const lateConfirmations = replies.filter((text) => text.startsWith("You gave ")).length;
  const otherReplies = replies.filter((text) => !text.startsWith("You gave "));
  return {
    confirmations: acks.confirmations + lateConfirmations,
    others: [...acks.others, ...otherReplies],
  };
}

function describeTally(tally: AckTally): string {
  const statuses = [...tally.statuses].map(([status, count]) => `${count} x ${status}`);
  return [...statuses, `${tally.timeouts} timeouts`].join(", ");
}

async function bench(
  connection: Connection,
  benchUrl: string,
  slack: FakeSlack,
  secrets: { signing: string; sealing: string },
  seconds: number,
): Promise<Result[]> {
  console.log(`setting up: migrations, ${PEOPLE} people linked to Slack users, the workspace's installation`);
  await runMigrations(connection.db);
  const org = await seedSlackOrg(connection.db, connection.sql, PEOPLE, BOT);
  await connection.sql`vacuum analyze`;

  const server = await serveApp(benchUrl, {
    SLACK_SIGNING_SECRET: secrets.signing,
    SLACK_API_URL: slack.url,
    PLAUDIT_SECRET_KEY: secrets.sealing,
    // Multi-workspace mode: the workspace is known by its installation, not by a token in the environment.
    SLACK_BOT_TOKEN: undefined,
    SLACK_ORG: undefined,
  });
  const client = new HttpClient(server.url);
  const stopOnInterrupt = () => {
    void server.stop().finally(() => process.exit(130));
  };
  process.once("SIGINT", stopOnInterrupt);
  try {
    const measured = await run(server, client, connection.sql, org, slack, secrets.signing, seconds);
    return [...ackResults(measured, seconds), ...(await outcome(connection, org, slack, measured))];
  } finally {
    process.off("SIGINT", stopOnInterrupt);
    client.close();
    await server.stop();
  }
}

interface Run {
  /** Commands measured, warm-up excluded. */
  measured: number;
  /** Commands sent, warm-up included: each must have given exactly once. */
  sent: number;
  load: LoadResult;
  tally: AckTally;
  /** What every acknowledgement said, warm-up included. */
  acks: AckTexts;
  drainSeconds: number;
  serverCpuSeconds: number;
}

async function run(
  server: AppServer,
  client: HttpClient,
  sql: postgres.Sql,
  org: SlackBenchOrg,
  slack: FakeSlack,
  signingSecret: string,
  seconds: number,
): Promise<Run> {
  const commands = giveCommands(client, org, signingSecret, ACK_TIMEOUT_MS);
  const warmup = emptyTally();
  await commands.send(warmup);
  await openLoop(RATE, WARMUP_SECONDS, () => commands.send(warmup));
  await afterWorkDone(sql, org, slack);
  console.log(`warm-up: ${commands.sent()} commands (${describeTally(warmup)})`);

  console.log(
    `measuring: ${RATE} commands/s for ${seconds} s, open loop, ${ACK_TIMEOUT_MS / 1000} s timeout`,
  );
  const tally = emptyTally();
  const sentBefore = commands.sent();
  const cpuBefore = server.cpuSeconds() ?? 0;
  const load = await openLoop(RATE, seconds, () => commands.send(tally));
  const drainSeconds = await afterWorkDone(sql, org, slack);
  const serverCpuSeconds = (server.cpuSeconds() ?? 0) - cpuBefore;
  for (const message of [...load.errorMessages].slice(0, 5)) console.log(`  error: ${message}`);
  const sent = commands.sent();
  return {
    measured: sent - sentBefore,
    sent,
    load,
    tally,
    acks: commands.acks(),
    drainSeconds,
    serverCpuSeconds,
  };
}

/** Whether every command gave exactly once, the ledger balances and every giver was told so. */
async function outcome(
  { db, sql }: Connection,
  org: SlackBenchOrg,
  slack: FakeSlack,
  { sent, acks }: Run,
): Promise<Result[]> {
  const recognitions = await recognitionCount(sql, org.orgId);
  const violations = await checkLedger(db, { kind: "operator" }, { orgId: org.orgId });
  for (const violation of violations.slice(0, 5)) {
    console.log(`  ledger: ${violation.check}: ${violation.detail}`);
  }
  const replies = giverAnswers(slack, acks);
  for (const text of new Set(replies.others.slice(0, 5))) console.log(`  told the giver: ${text}`);
  console.log(`${recognitions} recognitions for ${sent} commands (warm-up included)`);
  return [
    result("slack_gives_missing", Math.max(0, sent - recognitions), `of ${sent} commands`, {
      goal: { atMost: 0 },
    }),
    result("slack_gives_doubled", Math.max(0, recognitions - sent), "recognitions beyond one per command", {
      goal: { atMost: 0 },
    }),
    result("slack_ledger_violations", violations.length, "violations", { goal: { atMost: 0 } }),
    result("slack_give_confirmations", replies.confirmations, `confirmations for ${sent} commands`, {
      goal: { atLeast: sent },
    }),
    result("slack_confirmed_in_ack", acks.confirmations, `acknowledgements with the saved give`),
    result("slack_other_answers", replies.others.length, "refusals, failures or gives still being saved", {
      goal: { atMost: 0 },
    }),
  ];
}

function ackResults(
  { measured, load, tally, drainSeconds, serverCpuSeconds }: Run,
  seconds: number,
): Result[] {
  const { latencies } = load;
  console.log(
    `acks: p50 ${ms(percentile(latencies, 50))}, p99 ${ms(percentile(latencies, 99))} over ${measured} ` +
      `commands (${describeTally(tally)}); after-response work done ${drainSeconds.toFixed(1)} s after the ` +
      "last command",
  );
  return [
    result("slack_commands", measured, `commands in ${seconds} s (${RATE}/s offered)`),
    result("slack_ack_p50", percentile(latencies, 50), "ms", { goal: { atMost: P50_TARGET_MS } }),
    result("slack_ack_p90", percentile(latencies, 90), "ms"),
    result("slack_ack_p99", percentile(latencies, 99), "ms", { goal: { atMost: P99_TARGET_MS } }),
    result("slack_ack_max", percentile(latencies, 100), "ms"),
    result("slack_ack_timeouts", tally.timeouts, `over ${ACK_TIMEOUT_MS / 1000} s`, { goal: { atMost: 0 } }),
    result("slack_ack_non_200", non200(tally), "responses", { goal: { atMost: 0 } }),
    result("slack_ack_errors", load.errors, "requests without an answer", { goal: { atMost: 0 } }),
    result("slack_after_work_drain", drainSeconds, "s after the last command"),
    result("slack_server_cpu", (1000 * serverCpuSeconds) / measured, "ms CPU per command (ack and after)"),
  ];
}

const seconds = measuringSeconds();
// The installation's bot token is sealed here and opened by the server: both need the same key.
const secrets = { signing: randomBytes(16).toString("hex"), sealing: randomBytes(32).toString("base64") };
process.env.PLAUDIT_SECRET_KEY = secrets.sealing;

runAsScript({
  script: "bench:slack",
  databaseSuffix: "bench_slack",
  resultsFile: RESULTS_FILE,
  poolSize: 4,
  settings: ["shared_buffers", "synchronous_commit", "max_connections"],
  run: async ({ connection, benchUrl }) => {
    const slack = await startFakeSlack({ userId: BOT.botUserId, botId: BOT.botId, teamId: BOT.teamId });
    try {
      return await bench(connection, benchUrl, slack, secrets, seconds);
    } finally {
      await slack.close();
    }
  },
});
