import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkLedger } from "../../core/ledger/check-ledger";
import { ATTEMPT_LEASE_MS } from "../../core/rewards/order-placement";
import { runDueRedemptions } from "../../core/rewards/run-due-redemptions";
import { type Connection, connect } from "../../db/client";
import { rewardProviders } from "../../providers/reward-providers";
import { type SandboxProvider, startSandboxProvider } from "../../providers/sandbox/start-sandbox-provider";
import { type FakeSlack, type SlackCall, startFakeSlack } from "../../testing/fake-slack";
import { freePort } from "../../testing/next-app";
import { waitUntilQuiet } from "../../testing/quiet";
import { TEAM_ID } from "../../testing/slack-requests";
import { defined } from "../support/assertions";
import { ensureWorkerDatabase } from "../support/database";
import { databaseUrl } from "../support/database-urls";
import { systemTotal } from "../support/ledger";
import { ledgerKindsOf } from "../support/rewards-fixture";
import { appEnvironment, type ServedApp, servedApp } from "../support/served-app";
import { createServedOrg, type ServedOrg } from "../support/served-org";
import {
  type ApiGive,
  type ApiRedemption,
  answered,
  apiGiveRequest,
  apiRedemptionRequest,
  type Exchange,
  jsonOf,
  type SlackGive,
  sendAll,
  slackGiveKey,
  slackGiveRequest,
} from "../support/served-requests";
import { recognitionCount, recognitionsByKey, redemptionsByKey } from "../support/served-state";

const PEOPLE = 200;
const API_GIVES = 200;
const SLACK_GIVES = 120;
const REDEMPTIONS = 40;
/** Requests on their way at once, as a busy integration's and Slack's connections would have them. */
const IN_FLIGHT = 24;
/** The app is killed once this share of the burst's requests has been answered. */
const KILL_AFTER = 0.4;
/**
 * An acknowledgement this quick is the `/give` listener's own. The receiver's deadline guard, which
 * answers for a listener still busy as Slack's 3 s run out, never answers this soon (slack/receiver.ts).
 */
const LISTENER_ACK_MS = 1_500;

interface Sent<Item> {
  item: Item;
  /** The answer during the burst; no status when the kill cut it off or the app was already gone. */
  first: Exchange;
}

type Data<Body> = { data: Body };

/** Ranks a kind's requests evenly across the burst, so every kind is under way when the kill comes. */
function interleave(counts: number[]): { kind: number; index: number }[] {
  const slots = counts.flatMap((count, kind) =>
    Array.from({ length: count }, (_, index) => ({ kind, index, rank: (index + 0.5) / count })),
  );
  return slots.sort((a, b) => a.rank - b.rank || a.kind - b.kind);
}

/** What the giver saw from Slack that says the give went through: the ack itself, or a message before the kill. */
function toldSucceeded(give: Sent<SlackGive>, callsBeforeKill: SlackCall[]): boolean {
  const { first, item } = give;
  const ackText = first.text;
  const listenerAck =
    first.status === 200 && first.ms < LISTENER_ACK_MS && (ackText === "" || ackText.includes("You gave"));
  const confirmed = callsBeforeKill.some(
    (call) =>
      (call.args.user === item.giverSlackId && String(call.args.text).startsWith("You gave")) ||
      String(call.args.text ?? "").includes(item.reason),
  );
  return listenerAck || confirmed;
}

describe("kill -9 of the app in the middle of a burst of gives, Slack commands and redemptions", () => {
  let connection: Connection;
  let slack: FakeSlack;
  let sandbox: SandboxProvider;
  let app: ServedApp;
  let served: ServedOrg;
  let apiGives: Sent<ApiGive>[];
  let slackGives: Sent<SlackGive>[];
  let redemptions: Sent<ApiRedemption>[];
  let slackCallsBeforeKill: SlackCall[];

  const apiRequest = (give: ApiGive) => apiGiveRequest(served.apiKey, give);
  const redemptionRequest = (redemption: ApiRedemption) => apiRedemptionRequest(served.apiKey, redemption);
  const db = () => connection.db;

  beforeAll(async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    slack = await startFakeSlack();
    sandbox = await startSandboxProvider({
      apiKey: `sandbox_${randomBytes(8).toString("hex")}`,
      webhookUrl: `${url}/api/webhooks/tremendous`,
    });
    const databaseName = await ensureWorkerDatabase("_crash");
    connection = connect(databaseUrl(databaseName), { max: 5 });
    served = await createServedOrg(connection.db, {
      people: PEOPLE,
      earners: REDEMPTIONS,
      earnedPoints: 100,
      sandbox,
    });
    const env = appEnvironment({
      databaseUrl: databaseUrl(databaseName),
      publicUrl: url,
      orgSlug: served.org.slug,
      slack,
      sandbox,
    });
    app = await servedApp("crash", port, env);
    await app.start();

    const { people } = served;
    const person = (index: number) => defined(people[index % PEOPLE]);
    const apiItems = Array.from({ length: API_GIVES }, (_, i) => ({
      idempotencyKey: randomUUID(),
      giverId: person(i).id,
      recipientId: person(i + 1).id,
      message: `API give ${i} through the crash`,
    }));
    const slackItems = Array.from({ length: SLACK_GIVES }, (_, i) => ({
      giverSlackId: person(i).slackUserId,
      recipientSlackId: person(i + 2).slackUserId,
      reason: `slack-give-${i}-${randomUUID().slice(0, 8)} for the crash drill`,
      triggerId: `${i}.${randomUUID()}`,
    }));
    const redemptionItems = Array.from({ length: REDEMPTIONS }, (_, i) => ({
      idempotencyKey: randomUUID(),
      personId: person(i).id,
    }));
    const requests = [
      apiItems.map(apiRequest),
      await Promise.all(slackItems.map((item) => slackGiveRequest(item))),
      redemptionItems.map(redemptionRequest),
    ];
    const order = interleave(requests.map((ofKind) => ofKind.length));

    let killed: Promise<void> | undefined;
    const killAt = Math.ceil(KILL_AFTER * order.length);
    const exchanges = await sendAll(
      app.url,
      order.map(({ kind, index }) => defined(requests[kind]?.[index])),
      {
        inFlight: IN_FLIGHT,
        onExchange: (_, settled) => {
          if (settled >= killAt) killed ??= app.kill();
        },
      },
    );
    await killed;
    slackCallsBeforeKill = [...slack.calls];

    // Each kind's answers, back in that kind's own order.
    const firsts = requests.map((ofKind) => new Array<Exchange>(ofKind.length));
    order.forEach(({ kind, index }, position) => {
      defined(firsts[kind])[index] = defined(exchanges[position]);
    });
    const sent = <Item>(items: Item[], kind: number) =>
      items.map((item, index) => ({ item, first: defined(firsts[kind]?.[index]) }));
    apiGives = sent(apiItems, 0);
    slackGives = sent(slackItems, 1);
    redemptions = sent(redemptionItems, 2);
    const answeredOf = (kind: Sent<unknown>[]) => kind.filter((entry) => entry.first.status !== null).length;
    console.log(
      `answered before kill -9: ${answeredOf(apiGives)} of ${API_GIVES} API gives, ` +
        `${answeredOf(slackGives)} of ${SLACK_GIVES} /give commands, ` +
        `${answeredOf(redemptions)} of ${REDEMPTIONS} redemptions`,
    );

    await app.start();
  });

  afterAll(async () => {
    await app?.stop();
    await sandbox?.stop();
    await slack?.close();
    await connection?.close();
  });

  it("keeps every API give answered before the crash exactly once, and gives each once when all are retried", async () => {
    const acknowledged = apiGives.filter((give) => answered(give.first));
    // The kill came in the middle of the burst: some gives were answered, some were not.
    expect(acknowledged.length).toBeGreaterThan(0);
    expect(acknowledged.length).toBeLessThan(API_GIVES);

    const committed = await recognitionsByKey(db(), served.org.id, "api:");
    for (const { item, first } of acknowledged) {
      const { id } = jsonOf<Data<{ id: string }>>(first).data;
      expect(committed.get(`api:${item.idempotencyKey}`), item.message).toEqual([id]);
    }

    const retries = await sendAll(
      app.url,
      apiGives.map(({ item }) => apiRequest(item)),
      { inFlight: IN_FLIGHT },
    );
    apiGives.forEach(({ item, first }, index) => {
      const retry = defined(retries[index]);
      expect(retry.status, `${item.message}: ${retry.text}`).toBe(201);
      if (answered(first)) expect(jsonOf(retry)).toEqual(jsonOf(first));
    });
    const afterRetries = await recognitionsByKey(db(), served.org.id, "api:");
    for (const { item } of apiGives) {
      expect(afterRetries.get(`api:${item.idempotencyKey}`), item.message).toHaveLength(1);
    }
    expect(await recognitionCount(db(), served.org.id, "api")).toBe(API_GIVES);
  });

  it("keeps every redemption answered before the crash, leaves no points held once background work has run, and orders nothing twice on retries", async () => {
    const acknowledged = redemptions.filter((redemption) => answered(redemption.first));
    expect(acknowledged.length).toBeGreaterThan(0);
    expect(acknowledged.length).toBeLessThan(REDEMPTIONS);

    const afterCrash = await redemptionsByKey(db(), served.org.id);
    for (const { item, first } of acknowledged) {
      const { id } = jsonOf<Data<{ id: string }>>(first).data;
      expect(afterCrash.get(`api:${item.idempotencyKey}`)?.map((row) => row.id)).toEqual([id]);
    }
    // A redemption the crash left holding points is waiting for background work, not forgotten.
    const held = [...afterCrash.values()].flat().filter((row) => row.closeTransactionId === null);
    for (const row of held) expect(row, row.id).toMatchObject({ status: "submitted" });
    for (const row of held) expect(row.nextAttemptAt, row.id).not.toBeNull();
    console.log(`${held.length} redemptions held their points after the crash`);

    // Background work, once the attempts the crash cut short have had their lease run out.
    const afterLease = () => new Date(Date.now() + ATTEMPT_LEASE_MS + 1_000);
    const providers = rewardProviders({
      PLAUDIT_SANDBOX_URL: sandbox.apiUrl,
      PLAUDIT_SANDBOX_API_KEY: sandbox.apiKey,
    });
    for (let pass = 0; pass < 5; pass += 1) {
      const run = await runDueRedemptions(
        db(),
        { kind: "operator" },
        { limit: 100 },
        { providers, clock: afterLease },
      );
      expect(run.errors).toEqual([]);
      if (run.claimed === 0) break;
    }
    const afterWork = await redemptionsByKey(db(), served.org.id);
    for (const row of [...afterWork.values()].flat()) {
      expect(row.closeTransactionId, `${row.id} still holds its points (${row.status})`).not.toBeNull();
    }

    const retries = await sendAll(
      app.url,
      redemptions.map(({ item }) => redemptionRequest(item)),
      { inFlight: IN_FLIGHT },
    );
    redemptions.forEach(({ first }, index) => {
      const retry = defined(retries[index]);
      expect(retry.status, retry.text).toBe(201);
      if (answered(first)) {
        expect(jsonOf<Data<{ id: string }>>(retry).data.id).toBe(jsonOf<Data<{ id: string }>>(first).data.id);
      }
    });

    const final = await redemptionsByKey(db(), served.org.id);
    expect(final.size).toBe(REDEMPTIONS);
    for (const { item } of redemptions) {
      const rows = final.get(`api:${item.idempotencyKey}`) ?? [];
      expect(rows).toHaveLength(1);
      const [row] = rows;
      if (!row) continue;
      expect(row.status).toBe("fulfilled");
      expect(sandbox.orders().filter((order) => order.external_id === row.id)).toHaveLength(1);
      expect(await ledgerKindsOf(db(), { orgId: served.org.id, id: row.id })).toEqual(["hold", "settle"]);
    }
    expect(await systemTotal(db(), served.org.id, "redemption_hold")).toBe(0);
  });

  it("has committed every /give that Slack was told succeeded, and gives each once when Slack retries them all", async () => {
    const told = slackGives.filter((give) => toldSucceeded(give, slackCallsBeforeKill));
    expect(told.length).toBeGreaterThan(0);
    const teamKey = (give: SlackGive) => slackGiveKey(give, TEAM_ID);

    const committed = await recognitionsByKey(db(), served.org.id, "slack:command:");
    const lost = told.filter(({ item }) => !committed.has(teamKey(item)));
    expect(
      lost.map(
        ({ item, first }) => `${item.reason}: acknowledged ${first.status} in ${first.ms.toFixed(0)} ms`,
      ),
      `${lost.length} of ${told.length} commands acknowledged as given were not saved`,
    ).toEqual([]);

    const retries = await sendAll(
      app.url,
      await Promise.all(slackGives.map(({ item }) => slackGiveRequest(item, 1))),
      { inFlight: IN_FLIGHT },
    );
    for (const retry of retries) expect(retry.status, retry.text).toBe(200);
    // Until the work each command goes on with after its acknowledgement is done.
    await waitUntilQuiet(
      async () => `${await recognitionCount(db(), served.org.id, "slack")}/${slack.calls.length}`,
    );
    const afterRetries = await recognitionsByKey(db(), served.org.id, "slack:command:");
    for (const { item } of slackGives) expect(afterRetries.get(teamKey(item)), item.reason).toHaveLength(1);
    expect(await recognitionCount(db(), served.org.id, "slack")).toBe(SLACK_GIVES);
  });

  it("leaves the ledger and billing checks of `npm run db:check` clean", async () => {
    expect(await checkLedger(db(), { kind: "operator" }, {})).toEqual([]);
  });
});
