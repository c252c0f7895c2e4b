import type { ChildProcess } from "node:child_process";
import { execFile } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { closeSync, mkdirSync, openSync, readFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "../../core/org/create-api-key";
import { API_SCOPES } from "../../core/shared/api-scopes";
import { type Connection, connect } from "../../db/client";
import { runMigrations } from "../../db/migrate";
import { OUTAGE_TEXT } from "../../slack/outage-reply";
import { type FakeSlack, startFakeSlack } from "../../testing/fake-slack";
import { demoSignIn, HttpClient, type HttpResponse } from "../../testing/http-client";
import { buildIfStale, freePort, root, startApp, stopApp } from "../../testing/next-app";
import { SIGNING_SECRET, slashCommand, TEAM_ID } from "../../testing/slack-requests";
import { createTestOrg, type TestPerson } from "../support/factories";
import { linkSlackUser } from "../support/slack-workspace";
import { type OwnPostgres, startOwnPostgres } from "./support/own-postgres";

/**
 * The app under load while its PostgreSQL server goes away for five seconds and comes back: a server of
 * this test's own, stopped as a crash would stop it (`pg_ctl -m immediate`: connections cut, no
 * checkpoint, recovery at the next start) and started again. Every request made while it is away must
 * get a quick 503 in its own terms, none may hang or answer 500, the same app process must serve again
 * once it is back, and nothing may be half-written.
 */

const OUTAGE_MS = 5_000;
/** A request slower than this hung: the app's connect timeout is 3 s, and refused connections fail at once. */
const HANG_MS = 5_000;
const LOG_DIR = path.join(root, "test-results", "resilience");

type Kind = "give" | "page" | "slack" | "ready" | "live";

interface Outcome {
  kind: Kind;
  startedAt: number;
  endedAt: number;
  status: number;
  body: string;
  headers: HttpResponse["headers"];
  /** For a page sent elsewhere: the status of where it was sent. */
  followed?: { location: string; status: number; body: string };
  /** For a give: its idempotency key (its message names it too). */
  key?: string;
  error?: string;
}

let postgres: OwnPostgres;
let connection: Connection;
let app: ChildProcess;
let appUrl: string;
let logFile: string;
let slack: FakeSlack;
let apiKey: string;
let apiGiver: TestPerson;
let recipient: TestPerson;
let slackGiver: string;
let slackRecipient: string;
let session: string;

beforeAll(async () => {
  postgres = await startOwnPostgres();
  const admin = connect(postgres.url("postgres"), { max: 1 });
  await admin.sql.unsafe("create database plaudit");
  await admin.close();
  connection = connect(postgres.url("plaudit"), { max: 2 });
  const { db } = connection;
  await runMigrations(db);
  // An allowance no test run can use up: a refusal must never be mistaken for the outage's answer.
  const org = await createTestOrg(db, { defaultMonthlyAllowance: 1_000_000 });
  apiGiver = await org.addPerson({ name: "API Giver" });
  recipient = await org.addPerson({ name: "Recipient" });
  const slackPerson = await org.addPerson({ name: "Slack Giver" });
  const browsing = await org.addPerson({ name: "Browsing Person" });
  apiKey = (await createApiKey(db, org.admin.actor, { name: "Outage", scopes: [...API_SCOPES] })).key;
  slackGiver = await linkSlackUser(db, TEAM_ID, slackPerson.id);
  slackRecipient = await linkSlackUser(db, TEAM_ID, recipient.id);

  slack = await startFakeSlack();
  const port = await freePort();
  appUrl = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: postgres.url("plaudit"),
    AUTH_SECRET: randomBytes(32).toString("base64"),
    AUTH_TRUST_HOST: "true",
    AUTH_URL: appUrl,
    PLAUDIT_DEMO_LOGIN: "1",
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_BOT_TOKEN: "xoxb-outage-test",
    SLACK_ORG: org.slug,
    SLACK_API_URL: slack.url,
    // Background work rides the outage out too.
    PLAUDIT_BACKGROUND_WORK: "1",
    PLAUDIT_WORKER_IDLE_MS: "250",
    PLAUDIT_LOG_LEVEL: "info",
    // One API giver gives every few milliseconds for the whole run, far past a person's limit, which
    // this test is not about (test/integration/rate-limits.test.ts is).
    PLAUDIT_RATE_LIMIT_GIVES: "100000/1m",
  };
  await buildIfStale(env);
  mkdirSync(LOG_DIR, { recursive: true });
  logFile = path.join(LOG_DIR, "database-outage.log");
  const output = openSync(logFile, "w");
  try {
    app = await startApp(port, env, { outputFd: output });
  } finally {
    closeSync(output);
  }
  const client = new HttpClient(appUrl);
  session = await demoSignIn(client, browsing.id);
  client.close();
});

afterAll(async () => {
  if (app) await stopApp(app);
  await slack?.close();
  await connection?.close();
  await postgres?.destroy();
});

/** One request of each kind, as a client sees it; a network error or a hang is recorded, not thrown. */
function requester(client: HttpClient) {
  const timed = async (kind: Kind, send: () => Promise<Partial<Outcome>>): Promise<Outcome> => {
    const startedAt = Date.now();
    try {
      const outcome = await send();
      return { kind, startedAt, endedAt: Date.now(), status: 0, body: "", headers: {}, ...outcome };
    } catch (error) {
      return { kind, startedAt, endedAt: Date.now(), status: 0, body: "", headers: {}, error: String(error) };
    }
  };
  const timeoutMs = HANG_MS * 3;
  return {
    give: (key: string = randomUUID()) =>
      timed("give", async () => ({
        key,
        ...(await client.request("/api/v1/recognitions", {
          method: "POST",
          timeoutMs,
          headers: {
            authorization: `Bearer ${apiKey}`,
            "content-type": "application/json",
            "idempotency-key": key,
          },
          body: JSON.stringify({
            giver_id: apiGiver.id,
            recipient_ids: [recipient.id],
            amount: 1,
            message: `Give ${key}`,
          }),
        })),
      })),
    page: () =>
      timed("page", async () => {
        const response = await client.request("/", { timeoutMs, headers: { cookie: session } });
        const location = response.headers.location;
        if (!location) return response;
        const followed = await client.request(location, { timeoutMs, headers: { cookie: session } });
        return { ...response, followed: { location, status: followed.status, body: followed.body } };
      }),
    slack: () =>
      timed("slack", async () => {
        const command = slashCommand({ text: `<@${slackRecipient}|recipient> 1 thanks`, userId: slackGiver });
        return client.request("/api/slack/events", {
          method: "POST",
          timeoutMs,
          headers: Object.fromEntries(command.headers),
          body: await command.text(),
        });
      }),
    ready: () => timed("ready", () => client.request("/api/health/ready", { timeoutMs })),
    live: () => timed("live", () => client.request("/api/health", { timeoutMs })),
  };
}

/** Sends requests of every kind, a few at a time, until told to stop. */
function load() {
  const outcomes: Outcome[] = [];
  let stopped = false;
  const clients = [new HttpClient(appUrl), new HttpClient(appUrl), new HttpClient(appUrl)];
  const loops = [
    ["give", "give"],
    ["page", "ready"],
    ["slack", "live", "give"],
  ].map(async (kinds, index) => {
    const send = requester(clients[index] as HttpClient);
    while (!stopped) {
      for (const kind of kinds as Kind[]) outcomes.push(await send[kind]());
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  });
  return {
    outcomes,
    stop: async () => {
      stopped = true;
      await Promise.all(loops);
      for (const client of clients) client.close();
    },
  };
}

const answeredNormally: Record<Kind, (outcome: Outcome) => boolean> = {
  give: (outcome) => outcome.status === 201,
  page: (outcome) => outcome.status === 200,
  slack: (outcome) => outcome.status === 200 && !outcome.body.includes(OUTAGE_TEXT),
  ready: (outcome) => outcome.status === 200,
  live: (outcome) => outcome.status === 200,
};

/** What each kind must answer while the database is away: its own 503, quickly. */
const answeredAsOutage: Record<Kind, (outcome: Outcome) => boolean> = {
  give: (outcome) =>
    outcome.status === 503 &&
    outcome.headers["retry-after"] !== undefined &&
    (JSON.parse(outcome.body) as { error?: { code?: string } }).error?.code === "unavailable",
  // A page can't answer 503 itself: it sends the browser to the page that does, with a way back.
  page: (outcome) =>
    outcome.status === 307 &&
    outcome.followed?.location === "/unavailable?from=%2F" &&
    outcome.followed.status === 503 &&
    outcome.followed.body.includes("Try again"),
  // Slack never sends a command again: the person is told in words, in the acknowledgement.
  slack: (outcome) =>
    outcome.status === 200 && (JSON.parse(outcome.body) as { text?: string }).text === OUTAGE_TEXT,
  ready: (outcome) => outcome.status === 503,
  // Liveness never asks the database: a process waiting for it is not to be restarted.
  live: (outcome) => outcome.status === 200,
};

const KINDS: Kind[] = ["give", "page", "slack", "ready", "live"];

async function until(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("a database outage under load", () => {
  it("answers a quick 503 while the database is away, and serves again without a restart once it is back", async () => {
    const pid = app.pid;
    const traffic = load();
    const served = (kind: Kind, after: number) =>
      traffic.outcomes.some(
        (outcome) => outcome.kind === kind && outcome.startedAt > after && answeredNormally[kind](outcome),
      );
    const started = Date.now();
    await until(
      () => KINDS.every((kind) => served(kind, started)),
      30_000,
      "Every kind of request succeeding",
    );

    await postgres.stop("immediate");
    const cutAt = Date.now();
    await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS));
    const restoreAt = Date.now();
    await postgres.start();
    const restoredAt = Date.now();
    await until(
      () => KINDS.every((kind) => served(kind, restoredAt)),
      30_000,
      "Every kind of request succeeding again",
    );
    await traffic.stop();
    const { outcomes } = traffic;

    // Nothing hung, failed at the network or answered 500, before, during or after.
    expect(outcomes.filter((outcome) => outcome.error)).toEqual([]);
    expect(outcomes.filter((outcome) => outcome.endedAt - outcome.startedAt > HANG_MS)).toEqual([]);
    expect(
      outcomes
        .filter((outcome) => outcome.status >= 500 && outcome.status !== 503)
        .map((o) => [o.kind, o.status, o.body]),
    ).toEqual([]);

    // Everything asked while the database was away got the outage's answer.
    const during = outcomes.filter((outcome) => outcome.startedAt >= cutAt && outcome.endedAt <= restoreAt);
    for (const kind of KINDS) {
      const ofKind = during.filter((outcome) => outcome.kind === kind);
      expect(ofKind.length, `${kind} requests during the outage`).toBeGreaterThanOrEqual(3);
      const otherwise = ofKind.filter((outcome) => !answeredAsOutage[kind](outcome));
      expect(
        otherwise.map((o) => [o.kind, o.status, o.body.slice(0, 200)]),
        kind,
      ).toEqual([]);
    }

    // The same process serves again: nobody restarted it.
    expect(app.exitCode).toBeNull();
    expect(app.pid).toBe(pid);

    // A give whose answer was lost (or was the outage's) is sent again with its key: each takes effect once.
    const gives = outcomes.filter((outcome) => outcome.kind === "give");
    const retry = requester(new HttpClient(appUrl));
    for (const give of gives.filter((outcome) => outcome.status !== 201)) {
      expect((await retry.give(give.key)).status).toBe(201);
    }
    const rows = await connection.db.execute<{ message: string; count: number }>(
      sql`select message, count(*)::int as count from recognitions where giver_id = ${apiGiver.id} group by message`,
    );
    expect(rows.length).toBe(new Set(gives.map((give) => give.key)).size);
    expect(rows.filter((row) => row.count !== 1)).toEqual([]);

    const check = await promisify(execFile)(
      process.execPath,
      [path.join(root, "node_modules/tsx/dist/cli.mjs"), "scripts/cli.ts", "check-ledger"],
      { cwd: root, env: { ...process.env, DATABASE_URL: postgres.url("plaudit") } },
    );
    expect(check.stdout).toMatch(/^ledger ok: /);

    // The outage was logged as what it is, a warning with the request's id, and nothing logged it as a bug.
    const lines = readFileSync(logFile, "utf8")
      .split("\n")
      .filter((line) => line.startsWith("{"))
      .map((line) => JSON.parse(line) as { level: string; msg: string; requestId?: string });
    const warnings = lines.filter(
      (line) => line.level === "warn" && line.msg.includes("database is unavailable"),
    );
    expect(warnings.some((line) => line.requestId)).toBe(true);
    expect(lines.filter((line) => line.level === "error" || line.level === "fatal")).toEqual([]);
  });
});
