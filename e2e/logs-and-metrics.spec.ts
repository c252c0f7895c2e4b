import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { closeSync, openSync, readFileSync } from "node:fs";
import type { Browser, Page } from "@playwright/test";
import { grantPoints } from "../core/giving/grant-points";
import { createApiKey } from "../core/org/create-api-key";
import { syncRewardCatalog } from "../core/rewards/sync-reward-catalog";
import { updateRewardSettings } from "../core/rewards/update-reward-settings";
import { API_SCOPES } from "../core/shared/api-scopes";
import { connect } from "../db/client";
import { runMigrations } from "../db/migrate";
import { rewardProviders } from "../providers/reward-providers";
import { type SandboxProvider, startSandboxProvider } from "../providers/sandbox/start-sandbox-provider";
import { adminDatabaseUrl, databaseUrl } from "../test/support/database-urls";
import { createTestOrg, key, type TestPerson } from "../test/support/factories";
import { linkSlackUser } from "../test/support/slack-workspace";
import { type FakeSlack, startFakeSlack } from "../testing/fake-slack";
import { freePort, startApp, stopApp } from "../testing/next-app";
import { slashCommand, TEAM_ID } from "../testing/slack-requests";
import { saveScreenshot, signInAs } from "./support/journey";
import { expect, test } from "./support/test";

/**
 * A production server of its own, with secrets planted in its environment and its database, driven
 * through every way in (the API, Slack, the web, the metrics endpoint, requests that fail), then its
 * whole output read back: JSON lines, each with its request's id, and none of the secrets anywhere.
 */
test.describe.configure({ mode: "serial", timeout: 120_000 });

const STARBUCKS_5 = { product_id: "SBUXUS000001", face_value_minor: 500 };

const planted = {
  AUTH_SECRET: randomBytes(32).toString("base64"),
  SLACK_SIGNING_SECRET: randomBytes(16).toString("hex"),
  SLACK_BOT_TOKEN: `xoxb-${Date.now()}-${randomBytes(12).toString("hex")}`,
  PLAUDIT_METRICS_TOKEN: randomBytes(24).toString("base64url"),
  PLAUDIT_SANDBOX_API_KEY: `sandbox_${randomBytes(16).toString("hex")}`,
  PLAUDIT_SANDBOX_WEBHOOK_KEY: randomBytes(24).toString("hex"),
};
/** Secrets that come into being during the run: the API key, a key that was never issued, the session. */
const made: Record<string, string> = {};

interface Served {
  url: string;
  logFile: string;
  app: ChildProcess;
  slack: FakeSlack;
  sandbox: SandboxProvider;
  apiKey: string;
  giver: TestPerson;
  recipient: TestPerson;
  slackIds: { giver: string; recipient: string };
  dropDatabase: () => Promise<void>;
}

let served: Served;

async function adminQuery(statement: string): Promise<void> {
  const admin = connect(adminDatabaseUrl, { max: 1 });
  try {
    await admin.sql.unsafe(statement);
  } finally {
    await admin.close();
  }
}

// biome-ignore lint/correctness/noEmptyPattern: Playwright reads which fixtures a hook needs from this pattern.
test.beforeAll(async ({}, testInfo) => {
  const database = `plaudit_e2e_logs_${randomBytes(4).toString("hex")}`;
  await adminQuery(`create database "${database}"`);
  const url = databaseUrl(database);
  const port = await freePort();
  const appUrl = `http://127.0.0.1:${port}`;
  const slack = await startFakeSlack();
  const sandbox = await startSandboxProvider({
    apiKey: planted.PLAUDIT_SANDBOX_API_KEY,
    webhookKey: planted.PLAUDIT_SANDBOX_WEBHOOK_KEY,
    webhookUrl: `${appUrl}/api/webhooks/tremendous`,
  });
  const providerEnv = { PLAUDIT_SANDBOX_URL: sandbox.apiUrl, PLAUDIT_SANDBOX_API_KEY: sandbox.apiKey };

  const { db, close } = connect(url, { max: 2 });
  let org: Awaited<ReturnType<typeof createTestOrg>>;
  let giver: TestPerson;
  let recipient: TestPerson;
  let apiKey: string;
  let slackIds: Served["slackIds"];
  try {
    await runMigrations(db);
    org = await createTestOrg(db);
    giver = await org.addPerson({ name: `Giver ${org.slug}` });
    recipient = await org.addPerson({ name: `Recipient ${org.slug}` });
    apiKey = (await createApiKey(db, org.admin.actor, { name: "HR sync", scopes: [...API_SCOPES] })).key;
    await grantPoints(db, org.admin.actor, {
      recipientIds: [recipient.id],
      amount: 100,
      message: "Points to redeem",
      idempotencyKey: key(),
    });
    await updateRewardSettings(db, org.admin.actor, { redemptionsEnabled: true, provider: "sandbox" });
    await syncRewardCatalog(db, org.admin.actor, { providers: rewardProviders(providerEnv) });
    slackIds = {
      giver: await linkSlackUser(db, TEAM_ID, giver.id),
      recipient: await linkSlackUser(db, TEAM_ID, recipient.id),
    };
  } finally {
    await close();
  }

  const logFile = testInfo.outputPath("app.log");
  const output = openSync(logFile, "w");
  let app: ChildProcess;
  try {
    app = await startApp(
      port,
      {
        ...process.env,
        ...planted,
        ...providerEnv,
        DATABASE_URL: url,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        AUTH_TRUST_HOST: "true",
        AUTH_URL: appUrl,
        PLAUDIT_DEMO_LOGIN: "1",
        SLACK_ORG: org.slug,
        SLACK_API_URL: slack.url,
        // Every line then comes from a request, and must carry its id.
        PLAUDIT_BACKGROUND_WORK: "0",
        PLAUDIT_LOG_LEVEL: "info",
      },
      { outputFd: output },
    );
  } finally {
    closeSync(output);
  }
  made.apiKey = apiKey;
  served = {
    url: appUrl,
    logFile,
    app,
    slack,
    sandbox,
    apiKey,
    giver,
    recipient,
    slackIds,
    dropDatabase: () => adminQuery(`drop database if exists "${database}" with (force)`),
  };
});

test.afterAll(async () => {
  if (!served) return;
  await stopApp(served.app);
  await served.slack.close();
  await served.sandbox.stop();
  await served.dropDatabase();
});

function api(path: string, init: RequestInit & { key?: string } = {}): Promise<Response> {
  const { key: apiKey = served.apiKey, headers, ...rest } = init;
  return fetch(`${served.url}${path}`, {
    ...rest,
    headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json", ...headers },
  });
}

/** A request built for the route (testing/slack-requests), sent to the served app instead. */
async function toSlack(request: Request): Promise<Response> {
  return fetch(`${served.url}/api/slack/events`, {
    method: "POST",
    headers: request.headers,
    body: await request.text(),
  });
}

async function scrape(): Promise<string> {
  const response = await fetch(`${served.url}/api/metrics`, {
    headers: { authorization: `Bearer ${planted.PLAUDIT_METRICS_TOKEN}` },
  });
  expect(response.status).toBe(200);
  return response.text();
}

function sample(text: string, series: string): number {
  const line = text.split("\n").find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? 0 : Number(line.slice(series.length + 1));
}

interface LogLine {
  level: string;
  time: string;
  msg: string;
  requestId?: string;
  component?: string;
  path?: string;
  status?: number;
}

/** The server's output so far: the lines Next.js prints before Plaudit's logging starts, then JSON lines. */
function output(): { banner: string[]; lines: LogLine[]; text: string } {
  const text = readFileSync(served.logFile, "utf8");
  const raw = text.split("\n").filter((line) => line.trim() !== "");
  const first = raw.findIndex((line) => line.startsWith("{"));
  const banner = first === -1 ? raw : raw.slice(0, first);
  const lines = (first === -1 ? [] : raw.slice(first)).map((line) => {
    try {
      return JSON.parse(line) as LogLine;
    } catch {
      throw new Error(`A line of the server's output is not JSON: ${line}`);
    }
  });
  return { banner, lines, text };
}

test("the API: ids kept or given, refusals answered, every request logged with its id", async () => {
  const traced = await api("/api/v1/recognitions", { headers: { "x-request-id": "trace-e2e-0001" } });
  expect(traced.status).toBe(200);
  expect(traced.headers.get("x-request-id")).toBe("trace-e2e-0001");

  const malformed = await api("/api/v1/recognitions", { headers: { "x-request-id": "not a good id" } });
  expect(malformed.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);

  const give = {
    giver_id: served.giver.id,
    recipient_ids: [served.recipient.id],
    amount: 5,
    message: "Thanks",
  };
  const given = await api("/api/v1/recognitions", {
    method: "POST",
    headers: { "idempotency-key": key() },
    body: JSON.stringify(give),
  });
  expect(given.status).toBe(201);
  const refused = await api("/api/v1/recognitions", {
    method: "POST",
    headers: { "idempotency-key": key() },
    body: JSON.stringify({ ...give, recipient_ids: [served.giver.id] }),
  });
  expect(refused.status).toBe(422);

  made.neverIssued = `plaudit_${randomBytes(32).toString("base64url")}`;
  expect((await api("/api/v1/recognitions", { key: made.neverIssued })).status).toBe(401);

  // The provider is called with its key; the gift card comes back at once from the sandbox.
  const redeemed = await api("/api/v1/redemptions", {
    method: "POST",
    headers: { "idempotency-key": key() },
    body: JSON.stringify({ person_id: served.recipient.id, ...STARBUCKS_5 }),
  });
  expect(redeemed.status).toBe(201);
  expect(await redeemed.json()).toMatchObject({ data: { status: "fulfilled" } });

  const { lines } = output();
  expect(lines).toContainEqual(
    expect.objectContaining({ requestId: "trace-e2e-0001", path: "/api/v1/recognitions", status: 200 }),
  );
});

test("Slack: a give, a bad signature, and notices Slack fails to take, logged with their request's id", async () => {
  const give = (text: string) =>
    slashCommand({ text, userId: served.slackIds.giver }, { secret: planted.SLACK_SIGNING_SECRET });
  const mention = `<@${served.slackIds.recipient}|recipient>`;
  expect((await toSlack(give(`${mention} 3 for the review`))).status).toBe(200);
  const forged = slashCommand(
    { text: `${mention} 3 forged`, userId: served.slackIds.giver },
    { secret: "wrong" },
  );
  expect((await toSlack(forged)).status).toBe(401);

  // Slack is down: the give is saved, its announcements fail and are logged, after the acknowledgement.
  served.slack.setOutage(500);
  expect((await toSlack(give(`${mention} 4 for the demo`))).status).toBe(200);
  await expect
    .poll(
      () => output().lines.filter((line) => line.component === "slack" && line.level === "error").length,
      {
        timeout: 20_000,
      },
    )
    .toBeGreaterThan(0);
  served.slack.setOutage(null);

  const { lines } = output();
  const slackRequests = new Set(
    lines.filter((line) => line.path === "/api/slack/events").map((line) => line.requestId),
  );
  const failures = lines.filter((line) => line.component === "slack" && line.level === "error");
  for (const failure of failures) expect(slackRequests).toContain(failure.requestId);
});

async function giveOnTheWeb(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: served.url });
  const page = await context.newPage();
  await signInAs(page, served.giver.name);
  await page.getByLabel("Who are you thanking?").fill("Recipient");
  await page.getByRole("option", { name: new RegExp(served.recipient.name) }).click();
  await page.getByLabel("Points each").fill("2");
  await page.getByLabel("Message").fill("Thanks for the pairing");
  await page.getByRole("button", { name: "Give points" }).click();
  await expect(page.getByRole("status").filter({ hasText: "You gave" })).toBeVisible();
  const session = (await context.cookies()).find((cookie) => cookie.name.includes("authjs.session-token"));
  if (!session) throw new Error("The demo login set no session cookie");
  made.sessionCookie = session.value;
  return page;
}

test("the metrics count what the web form, Slack and the API did, behind their token", async ({
  browser,
}, testInfo) => {
  const page = await giveOnTheWeb(browser);
  await saveScreenshot(page, testInfo, "web-give");

  expect((await fetch(`${served.url}/api/metrics`)).status).toBe(401);
  const wrong = await fetch(`${served.url}/api/metrics`, {
    headers: { authorization: "Bearer not-the-token" },
  });
  expect(wrong.status).toBe(401);

  // Counted by a server action, a route handler and Bolt's listener: one registry for all of them.
  await expect
    .poll(async () => sample(await scrape(), 'plaudit_gives_total{source="slack",outcome="given"}'))
    .toBe(2);
  const text = await scrape();
  expect(sample(text, 'plaudit_gives_total{source="web",outcome="given"}')).toBe(1);
  expect(sample(text, 'plaudit_gives_total{source="api",outcome="given"}')).toBe(1);
  expect(sample(text, 'plaudit_gives_total{source="api",outcome="refused"}')).toBe(1);
  expect(sample(text, "plaudit_slack_ack_seconds_count")).toBe(3);
  expect(sample(text, 'plaudit_slack_ack_seconds_bucket{le="2.5"}')).toBe(3);
  expect(sample(text, 'plaudit_redemptions{status="fulfilled"}')).toBe(1);
  expect(sample(text, "plaudit_database_up")).toBe(1);
  expect(
    sample(text, 'plaudit_http_requests_total{route="/api/v1/recognitions",method="POST",status="201"}'),
  ).toBe(1);
  expect(sample(text, 'plaudit_http_requests_total{route="/api/metrics",method="GET",status="401"}')).toBe(2);
});

test("the whole output: JSON lines, each with its request's id, and none of the secrets", async () => {
  await stopApp(served.app);
  const { banner, lines, text } = output();
  // Next.js's own start-up lines come before Plaudit's logging is in place.
  expect(banner.length).toBeLessThanOrEqual(8);
  expect(banner.join("\n")).toMatch(/Next\.js/);
  expect(lines.length).toBeGreaterThan(20);
  for (const line of lines) {
    expect(line, JSON.stringify(line)).toMatchObject({
      level: expect.any(String),
      time: expect.any(String),
      msg: expect.any(String),
      requestId: expect.stringMatching(/\S/),
    });
  }
  // Errors were logged, inside requests: the Slack notices, at least.
  expect(lines.filter((line) => line.level === "error").length).toBeGreaterThan(0);
  const secrets = { ...planted, ...made };
  expect(Object.keys(secrets)).toEqual(expect.arrayContaining(["apiKey", "neverIssued", "sessionCookie"]));
  for (const [name, secret] of Object.entries(secrets)) {
    expect(text.includes(secret), `${name} is in the server's output`).toBe(false);
  }
});
