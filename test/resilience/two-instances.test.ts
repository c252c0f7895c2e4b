import { randomBytes, randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkLedger } from "../../core/ledger/check-ledger";
import { type Connection, connect } from "../../db/client";
import { type SandboxProvider, startSandboxProvider } from "../../providers/sandbox/start-sandbox-provider";
import { type FakeSlack, startFakeSlack } from "../../testing/fake-slack";
import { freePort } from "../../testing/next-app";
import { waitUntilQuiet } from "../../testing/quiet";
import { TEAM_ID } from "../../testing/slack-requests";
import { defined } from "../support/assertions";
import { ensureWorkerDatabase } from "../support/database";
import { databaseUrl } from "../support/database-urls";
import { ledgerKindsOf } from "../support/rewards-fixture";
import { type RoundRobinProxy, SERVED_BY, startRoundRobinProxy } from "../support/round-robin-proxy";
import { appEnvironment, type ServedApp, servedApp } from "../support/served-app";
import { createServedOrg, type ServedOrg } from "../support/served-org";
import {
  type ApiGive,
  apiGiveRequest,
  apiRedemptionRequest,
  type Exchange,
  jsonOf,
  type SlackGive,
  send,
  sendAll,
  slackGiveKey,
  slackGiveRequest,
} from "../support/served-requests";
import { recognitionCount, recognitionsByKey, redemptionsByKey } from "../support/served-state";

const PEOPLE = 120;
/** People 0-29 redeem for background work to finish, 30-39 redeem at both instances at once. */
const BACKGROUND_REDEEMERS = 30;
const RACING_REDEEMERS = 10;
/** People from here on give to each other. */
const FIRST_GIVER = BACKGROUND_REDEEMERS + RACING_REDEEMERS;
const GIVERS = PEOPLE - FIRST_GIVER;
/** How long the sandbox provider asks for before a rate-limited order is tried again. */
const RETRY_AFTER_SECONDS = 5;
const WORK_TIMEOUT_MS = 60_000;

type Data<Body> = { data: Body };

const idOf = (exchange: Exchange) => jsonOf<Data<{ id: string }>>(exchange).data.id;
/** A PostgreSQL array literal: Drizzle would send a JavaScript array as a row of parameters. */
const uuidArray = (ids: string[]) => `{${ids.join(",")}}`;
const replayed = (exchange: Exchange) => exchange.headers.get("idempotent-replayed") === "true";

describe("two app instances on one database behind a round-robin proxy", () => {
  let connection: Connection;
  let slack: FakeSlack;
  let sandbox: SandboxProvider;
  /** The load balancer people, Slack and the provider's webhooks reach the app through. */
  let front: RoundRobinProxy;
  /** Each instance reaches the provider through a door of its own, which counts what it asked. */
  let providerDoors: RoundRobinProxy[];
  let instances: ServedApp[];
  let served: ServedOrg;
  let nextGiver = 0;

  const db = () => connection.db;
  const other = (index: number) => defined(instances[(index + 1) % 2]);
  const instance = (index: number) => defined(instances[index % 2]);
  const person = (index: number) => defined(served.people[index]);

  /** A give from the next giver in turn to the one after, so no one runs out of allowance. */
  function nextApiGive(what: string): ApiGive {
    const giver = FIRST_GIVER + (nextGiver % GIVERS);
    const recipient = FIRST_GIVER + ((nextGiver + 1) % GIVERS);
    nextGiver += 1;
    return {
      idempotencyKey: randomUUID(),
      giverId: person(giver).id,
      recipientId: person(recipient).id,
      message: `${what} ${nextGiver}`,
    };
  }

  function nextSlackGive(what: string): SlackGive {
    const giver = FIRST_GIVER + (nextGiver % GIVERS);
    const recipient = FIRST_GIVER + ((nextGiver + 1) % GIVERS);
    nextGiver += 1;
    return {
      giverSlackId: person(giver).slackUserId,
      recipientSlackId: person(recipient).slackUserId,
      reason: `${what}-${nextGiver}-${randomUUID().slice(0, 8)} for covering both shifts`,
      triggerId: `${nextGiver}.${randomUUID()}`,
    };
  }

  beforeAll(async () => {
    const ports = [await freePort(), await freePort()];
    front = await startRoundRobinProxy(ports.map((port) => `http://127.0.0.1:${port}`));
    slack = await startFakeSlack();
    sandbox = await startSandboxProvider({
      apiKey: `sandbox_${randomBytes(8).toString("hex")}`,
      webhookUrl: `${front.url}/api/webhooks/tremendous`,
    });
    providerDoors = [await startRoundRobinProxy([sandbox.url]), await startRoundRobinProxy([sandbox.url])];
    const databaseName = await ensureWorkerDatabase("_pair");
    connection = connect(databaseUrl(databaseName), { max: 5 });
    served = await createServedOrg(connection.db, {
      people: PEOPLE,
      earners: FIRST_GIVER,
      earnedPoints: 100,
      sandbox,
    });
    const env = appEnvironment({
      databaseUrl: databaseUrl(databaseName),
      publicUrl: front.url,
      orgSlug: served.org.slug,
      slack,
      sandbox,
    });
    instances = await Promise.all(
      ports.map((port, index) =>
        servedApp(`instance-${index + 1}`, port, {
          ...env,
          PLAUDIT_SANDBOX_URL: `${providerDoors[index]?.url}/api/v2`,
        }),
      ),
    );
    await Promise.all(instances.map((app) => app.start()));
  });

  afterAll(async () => {
    await Promise.all((instances ?? []).map((app) => app.stop()));
    await Promise.all([front, ...(providerDoors ?? [])].map((proxy) => proxy?.close()));
    await sandbox?.stop();
    await slack?.close();
    await connection?.close();
  });

  it("gives through both instances, each give once", async () => {
    const before = await recognitionCount(db(), served.org.id, "api");
    const gives = Array.from({ length: 60 }, () => nextApiGive("Give through the proxy"));
    const answers = await sendAll(
      front.url,
      gives.map((give) => apiGiveRequest(served.apiKey, give)),
      { inFlight: 16 },
    );
    for (const answer of answers) expect(answer.status, answer.text).toBe(201);
    const servedBy = answers.map((answer) => answer.headers.get(SERVED_BY));
    expect(servedBy.filter((index) => index === "0")).toHaveLength(30);
    expect(servedBy.filter((index) => index === "1")).toHaveLength(30);

    const committed = await recognitionsByKey(db(), served.org.id, "api:");
    gives.forEach((give, index) => {
      expect(committed.get(`api:${give.idempotencyKey}`)).toEqual([idOf(defined(answers[index]))]);
    });
    expect(await recognitionCount(db(), served.org.id, "api")).toBe(before + gives.length);
  });

  it("answers a replay that reaches the other instance with the first answer, and gives once", async () => {
    const before = await recognitionCount(db(), served.org.id, "api");
    // One after the other: each replay reaches the instance that did not answer the first request.
    const replayedGives = Array.from({ length: 20 }, () => nextApiGive("Replayed give"));
    const requests = replayedGives.map((give) => apiGiveRequest(served.apiKey, give));
    const firsts = await sendAll((index) => instance(index).url, requests, { inFlight: 10 });
    const replays = await sendAll((index) => other(index).url, requests, { inFlight: 10 });
    replays.forEach((replay, index) => {
      const first = defined(firsts[index]);
      expect(first.status, first.text).toBe(201);
      expect(replay.status, replay.text).toBe(201);
      expect(replayed(replay)).toBe(true);
      expect(jsonOf(replay)).toEqual(jsonOf(first));
    });

    // At the same moment: one copy to each instance.
    const racingGives = Array.from({ length: 10 }, () => nextApiGive("Racing give"));
    const racingAnswers = await Promise.all(
      racingGives.map((give) => {
        const request = apiGiveRequest(served.apiKey, give);
        return Promise.all(instances.map((app) => send(app.url, request)));
      }),
    );
    for (const copies of racingAnswers) {
      for (const copy of copies) expect(copy.status, copy.text).toBe(201);
      expect(copies.filter((copy) => !replayed(copy))).toHaveLength(1);
      expect(jsonOf(defined(copies[1]))).toEqual(jsonOf(defined(copies[0])));
    }

    const committed = await recognitionsByKey(db(), served.org.id, "api:");
    for (const give of [...replayedGives, ...racingGives]) {
      expect(committed.get(`api:${give.idempotencyKey}`), give.message).toHaveLength(1);
    }
    expect(await recognitionCount(db(), served.org.id, "api")).toBe(
      before + replayedGives.length + racingGives.length,
    );

    // A redemption asked of both instances at once: one redemption, one provider order.
    const racingRedemptions = Array.from({ length: RACING_REDEEMERS }, (_, index) => ({
      idempotencyKey: randomUUID(),
      personId: person(BACKGROUND_REDEEMERS + index).id,
    }));
    const redeemed = await Promise.all(
      racingRedemptions.map((redemption) => {
        const request = apiRedemptionRequest(served.apiKey, redemption);
        return Promise.all(instances.map((app) => send(app.url, request)));
      }),
    );
    const rows = await redemptionsByKey(db(), served.org.id);
    racingRedemptions.forEach((redemption, index) => {
      const copies = defined(redeemed[index]);
      for (const copy of copies) expect(copy.status, copy.text).toBe(201);
      const id = idOf(defined(copies[0]));
      expect(idOf(defined(copies[1]))).toBe(id);
      expect(rows.get(`api:${redemption.idempotencyKey}`)?.map((row) => row.id)).toEqual([id]);
      expect(sandbox.orders().filter((order) => order.external_id === id)).toHaveLength(1);
    });
  });

  it("processes a Slack retry that reaches the other instance once", async () => {
    const before = await recognitionCount(db(), served.org.id, "slack");
    const settledFirst = Array.from({ length: 20 }, () => nextSlackGive("retried-after-answer"));
    const racing = Array.from({ length: 10 }, () => nextSlackGive("retried-at-once"));
    const answers = await Promise.all([
      ...settledFirst.map(async (give, index) => [
        await send(instance(index).url, await slackGiveRequest(give)),
        await send(other(index).url, await slackGiveRequest(give, 1)),
      ]),
      ...racing.map(async (give) => {
        const [first, retry] = await Promise.all([slackGiveRequest(give), slackGiveRequest(give, 1)]);
        return Promise.all([send(instance(0).url, first), send(instance(1).url, retry)]);
      }),
    ]);
    for (const answer of answers.flat()) expect(answer.status, answer.text).toBe(200);
    // Until the work each command goes on with after its acknowledgement is done.
    await waitUntilQuiet(
      async () => `${await recognitionCount(db(), served.org.id, "slack")}/${slack.calls.length}`,
    );

    const committed = await recognitionsByKey(db(), served.org.id, "slack:command:");
    const posts = slack.callsTo("chat.postMessage");
    for (const give of [...settledFirst, ...racing]) {
      expect(committed.get(slackGiveKey(give, TEAM_ID)), give.reason).toHaveLength(1);
      const about = posts.filter((call) => String(call.args.text).includes(give.reason));
      // Announced once in the channel, and once to the recipient.
      expect(about.map((call) => call.args.channel).sort(), give.reason).toEqual(
        ["C0GENERAL", `D${give.recipientSlackId}`].sort(),
      );
    }
    expect(await recognitionCount(db(), served.org.id, "slack")).toBe(
      before + settledFirst.length + racing.length,
    );
  });

  it("works through due redemptions and notices in both instances at once, each exactly once", async () => {
    // The provider turns every first order away for a few seconds: background work places them.
    sandbox.injectFault({
      fault: "rate_limited",
      times: BACKGROUND_REDEEMERS,
      retryAfterSeconds: RETRY_AFTER_SECONDS,
    });
    const redeemers = served.people.slice(0, BACKGROUND_REDEEMERS);
    const answers = await sendAll(
      front.url,
      redeemers.map((redeemer) =>
        apiRedemptionRequest(served.apiKey, { idempotencyKey: randomUUID(), personId: redeemer.id }),
      ),
      { inFlight: BACKGROUND_REDEEMERS },
    );
    for (const answer of answers) {
      expect(answer.status, answer.text).toBe(201);
      expect(jsonOf<Data<{ status: string }>>(answer).data.status).toBe("submitted");
    }
    const ids = answers.map(idOf);

    const deadline = Date.now() + WORK_TIMEOUT_MS;
    while ((await pendingWork(ids)) > 0) {
      if (Date.now() > deadline) throw new Error(`background work left ${await pendingWork(ids)} undone`);
      await sleep(250);
    }
    // Long enough for a second instance to act on anything twice.
    const providerRequests = () => providerDoors.reduce((sum, door) => sum + door.requests.length, 0);
    await waitUntilQuiet(async () => `${slack.calls.length}/${providerRequests()}`);

    const lookups = providerDoors.map((door) =>
      ids.map((id) => door.requests.filter((request) => request.url.includes(`external_id=${id}`)).length),
    );
    const notices = await fulfilledNotices(ids);
    const directMessages = slack.callsTo("chat.postMessage");
    redeemers.forEach((redeemer, index) => {
      const id = defined(ids[index]);
      // Taken up by background work once, in one instance or the other.
      expect((lookups[0]?.[index] ?? 0) + (lookups[1]?.[index] ?? 0), id).toBe(1);
      expect(sandbox.orders().filter((order) => order.external_id === id)).toHaveLength(1);
      expect(notices.get(id), id).toEqual({ attempts: 1, outcome: "sent" });
      expect(directMessages.filter((call) => call.args.channel === `D${redeemer.slackUserId}`)).toHaveLength(
        1,
      );
    });
    for (const id of ids) {
      expect(await ledgerKindsOf(db(), { orgId: served.org.id, id })).toEqual(["hold", "settle"]);
    }
    const byInstance = lookups.map((counts) => counts.reduce((sum, count) => sum + count, 0));
    console.log(`due redemptions taken up by instance 1: ${byInstance[0]}, by instance 2: ${byInstance[1]}`);
  });

  it("leaves the ledger and billing checks clean", async () => {
    expect(await checkLedger(db(), { kind: "operator" }, {})).toEqual([]);
  });

  /** The redemptions not yet fulfilled or whose notice is not yet sent. */
  async function pendingWork(ids: string[]): Promise<number> {
    const [row] = await db().execute<{ pending: number }>(sql`
      select count(*)::int as pending from unnest(${uuidArray(ids)}::uuid[]) as due(id)
      where not exists (select 1 from redemptions r where r.id = due.id and r.status = 'fulfilled')
        or not exists (select 1 from notifications n where n.org_id = ${served.org.id}::uuid
          and n.payload->>'redemptionId' = due.id::text and n.done_at is not null)`);
    return row?.pending ?? 0;
  }

  async function fulfilledNotices(
    ids: string[],
  ): Promise<Map<string, { attempts: number; outcome: string }>> {
    const rows = await db().execute<{ redemption_id: string; attempts: number; outcome: string }>(sql`
      select payload->>'redemptionId' as redemption_id, attempts, outcome from notifications
      where org_id = ${served.org.id}::uuid and kind = 'redemption.fulfilled'
        and (payload->>'redemptionId')::uuid = any(${uuidArray(ids)}::uuid[])`);
    return new Map(rows.map((row) => [row.redemption_id, { attempts: row.attempts, outcome: row.outcome }]));
  }
});
