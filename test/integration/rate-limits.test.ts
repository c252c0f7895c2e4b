import { randomUUID } from "node:crypto";
import { eq, like } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import * as recognitionsRoute from "../../app/api/v1/recognitions/route";
import { getBalances } from "../../core/giving/get-balances";
import { type GivePointsInput, givePoints } from "../../core/giving/give-points";
import { purgeRateLimits } from "../../core/limits/purge-rate-limits";
import { consumeRateLimit, type RateLimit } from "../../core/limits/rate-limits";
import { requestRedemption } from "../../core/rewards/request-redemption";
import { connect, type Database } from "../../db/client";
import { rateLimits } from "../../db/schema";
import { answer, apiRequest, type ErrorBody, expectError, orgWithKey } from "../support/api-client";
import { appPoolOnWorkerDatabase } from "../support/app-database";
import { defined, expectDomainError, expectLedgerClean } from "../support/assertions";
import { ensureWorkerDatabase, workerDatabase } from "../support/database";
import { databaseUrl } from "../support/database-urls";
import { createTestOrg, key, type TestPerson } from "../support/factories";
import { expectOrgUntouched } from "../support/footprint";
import { openRewardShop } from "../support/redemptions";

const database = workerDatabase();

appPoolOnWorkerDatabase();
afterEach(() => {
  vi.unstubAllEnvs();
});

/** A limit of its own for each test: a key prefix no other test counts under. */
function limitOf(points: number, seconds = 60): RateLimit {
  return { name: "gives", points, seconds };
}

function giveInput(to: TestPerson, idempotencyKey = key()): GivePointsInput {
  return { recipientIds: [to.id], amount: 5, message: "Thanks", source: "web", idempotencyKey };
}

async function outcomeOf(work: Promise<unknown>): Promise<string> {
  try {
    await work;
    return "allowed";
  } catch (error) {
    return (error as { code?: string }).code ?? "error";
  }
}

describe("a rate limit shared by several app instances", () => {
  it("spends one budget from two instances, each with its own connection pool", async () => {
    const { db } = await database();
    const name = await ensureWorkerDatabase();
    const instances = [connect(databaseUrl(name), { max: 3 }), connect(databaseUrl(name), { max: 3 })];
    try {
      const [first, second] = instances.map((instance) => instance.db) as [Database, Database];
      const limit = limitOf(4);
      const subject = randomUUID();
      // Taken in turns: each instance sees what the other spent.
      const turns = [first, second, first, second, first, second];
      const outcomes = [];
      for (const instance of turns)
        outcomes.push(await outcomeOf(consumeRateLimit(instance, limit, subject)));
      expect(outcomes).toEqual(["allowed", "allowed", "allowed", "allowed", "rate_limited", "rate_limited"]);

      // All at once: the store's upsert is atomic, so exactly the budget goes through across both.
      const racing = randomUUID();
      const raced = await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          outcomeOf(consumeRateLimit(i % 2 === 0 ? first : second, limitOf(10), racing)),
        ),
      );
      expect(raced.filter((outcome) => outcome === "allowed")).toHaveLength(10);
      expect(raced.filter((outcome) => outcome === "rate_limited")).toHaveLength(20);

      const [row] = await db
        .select()
        .from(rateLimits)
        .where(eq(rateLimits.key, `gives:${racing}`));
      expect(defined(row).points).toBe(30);
    } finally {
      await Promise.all(instances.map((instance) => instance.close()));
    }
  });

  it("says when the window ends, and lets the subject act again once it has", async () => {
    const { db } = await database();
    const subject = randomUUID();
    const limit = limitOf(1, 2);
    await consumeRateLimit(db, limit, subject);
    const refusal = await expectDomainError(consumeRateLimit(db, limit, subject), "rate_limited");
    expect(refusal.message).toMatch(/^Too many gives in 2 seconds — try again in [12] s\.$/);
    expect(refusal.details.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(refusal.details.retryAfterSeconds).toBeLessThanOrEqual(2);
    await new Promise((resolve) => setTimeout(resolve, 2100));
    await consumeRateLimit(db, limit, subject);
  });

  it("is purged by background work only once its window ended over an hour ago", async () => {
    const { db } = await database();
    const prefix = `purge-test-${randomUUID()}`;
    const now = new Date("2030-01-01T12:00:00Z");
    const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
    await db.insert(rateLimits).values([
      { key: `${prefix}:long-ended`, points: 3, expire: minutesAgo(61) },
      { key: `${prefix}:just-ended`, points: 3, expire: minutesAgo(59) },
      { key: `${prefix}:running`, points: 3, expire: minutesAgo(-1) },
    ]);
    await expectDomainError(
      purgeRateLimits(db, { kind: "system", orgId: randomUUID() }, () => now),
      "forbidden",
    );
    const { purged } = await purgeRateLimits(db, { kind: "operator" }, () => now);
    expect(purged).toBeGreaterThanOrEqual(1);
    const left = await db
      .select({ key: rateLimits.key })
      .from(rateLimits)
      .where(like(rateLimits.key, `${prefix}:%`));
    expect(left.map((row) => row.key).sort()).toEqual([`${prefix}:just-ended`, `${prefix}:running`]);
  });
});

describe("the per-person give limit", () => {
  it("refuses a person's gives past the limit, saying when to try again, and gives nothing", async () => {
    const { db } = await database();
    const org = await createTestOrg(db);
    const [giver, ana] = (await org.addPeople(2)) as [TestPerson, TestPerson];
    const limit = limitOf(2);
    await givePoints(db, giver.actor, giveInput(ana), undefined, limit);
    await givePoints(db, giver.actor, giveInput(ana), undefined, limit);

    const refusal = await expectOrgUntouched(db, org.id, () =>
      expectDomainError(givePoints(db, giver.actor, giveInput(ana), undefined, limit), "rate_limited"),
    );
    expect(refusal.message).toMatch(/^Too many gives in a minute — try again in \d+ s\.$/);
    expect((await getBalances(db, giver.actor)).allowance.given).toBe(10);
    // The limit is the giver's: someone else in the org gives as usual.
    await givePoints(db, ana.actor, giveInput(giver), undefined, limit);
    await expectLedgerClean(db, org.id);
  });

  it("doesn't count a replay, and answers one even once the window is spent", async () => {
    const { db } = await database();
    const org = await createTestOrg(db);
    const [giver, ana] = (await org.addPeople(2)) as [TestPerson, TestPerson];
    const limit = limitOf(2);
    const first = giveInput(ana);
    const given = await givePoints(db, giver.actor, first, undefined, limit);
    // A double click, a Slack retry, an API client's retry: the same key again, three times.
    for (let i = 0; i < 3; i += 1) {
      expect(await givePoints(db, giver.actor, first, undefined, limit)).toEqual({
        ...given,
        replayed: true,
      });
    }
    await givePoints(db, giver.actor, giveInput(ana), undefined, limit);
    await expectDomainError(givePoints(db, giver.actor, giveInput(ana), undefined, limit), "rate_limited");
    expect(await givePoints(db, giver.actor, first, undefined, limit)).toEqual({ ...given, replayed: true });
    expect((await getBalances(db, giver.actor)).allowance.given).toBe(10);
  });

  it("counts a give the ledger refuses: each one reached the ledger", async () => {
    const { db } = await database();
    const org = await createTestOrg(db);
    const [giver, ana] = (await org.addPeople(2)) as [TestPerson, TestPerson];
    const limit = limitOf(2);
    await expectDomainError(givePoints(db, giver.actor, giveInput(giver), undefined, limit), "self_give");
    await givePoints(db, giver.actor, giveInput(ana), undefined, limit);
    await expectDomainError(givePoints(db, giver.actor, giveInput(ana), undefined, limit), "rate_limited");
  });

  it("counts an API key's gives against the person it gives for", async () => {
    const { db } = await database();
    vi.stubEnv("PLAUDIT_RATE_LIMIT_GIVES", "1/1m");
    const { org, apiKey } = await orgWithKey(db);
    const [giver, ana] = (await org.addPeople(2)) as [TestPerson, TestPerson];
    await givePoints(db, giver.actor, giveInput(ana));
    const body = { giver_id: giver.id, recipient_ids: [ana.id], amount: 5, message: "From the HR tool" };
    const refused = await answer<ErrorBody>(
      recognitionsRoute.POST(
        apiRequest("/recognitions", { key: apiKey, body, headers: { "idempotency-key": randomUUID() } }),
      ),
    );
    const error = expectError(refused, 429, "rate_limited");
    expect(error.message).toMatch(/^Too many gives in a minute — try again in \d+ s\.$/);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers.get("retry-after"))).toBeLessThanOrEqual(60);
  });
});

describe("the per-person redemption limit", () => {
  it("refuses a person's redemptions past the limit, holds nothing more, and doesn't count a replay", async () => {
    const { db } = await database();
    const org = await createTestOrg(db);
    const ana = await org.addPerson();
    const shop = await openRewardShop(db, org);
    const reward = await shop.addReward(10);
    await givePoints(
      db,
      (await org.addPerson()).actor,
      { ...giveInput(ana), amount: 50 },
      undefined,
      limitOf(1),
    );
    const limit: RateLimit = { name: "redemptions", points: 2, seconds: 3600 };
    const noProvider = () => {
      throw new Error("a custom reward never reaches a provider");
    };
    const redeem = (idempotencyKey = key()) =>
      requestRedemption(
        db,
        ana.actor,
        { customRewardId: reward.id, idempotencyKey },
        { providers: noProvider },
        limit,
      );
    const firstKey = key();
    const first = await redeem(firstKey);
    expect((await redeem(firstKey)).replayed).toBe(true);
    await redeem();
    const refusal = await expectOrgUntouched(db, org.id, () => expectDomainError(redeem(), "rate_limited"));
    expect(refusal.message).toMatch(/^Too many redemptions in an hour — try again in (\d+ s|\d+ min)\.$/);
    // A repeat still gets its answer once the window is spent.
    expect((await redeem(firstKey)).redemption.id).toBe(first.redemption.id);
    expect((await getBalances(db, ana.actor)).earned.balance).toBe(30);
    await expectLedgerClean(db, org.id);
  });
});

describe("the per-key API limit", () => {
  it("answers 429 with Retry-After and the error shape past the limit, for that key alone", async () => {
    const { db } = await database();
    vi.stubEnv("PLAUDIT_RATE_LIMIT_API", "3/1m");
    const { org, apiKey } = await orgWithKey(db);
    const { apiKey: otherKey } = await orgWithKey(db);
    const list = (credential: string) =>
      answer<unknown>(recognitionsRoute.GET(apiRequest("/recognitions", { key: credential })));
    for (let i = 0; i < 3; i += 1) expect((await list(apiKey)).status).toBe(200);

    const refused = await expectOrgUntouched(db, org.id, () => list(apiKey));
    const error = expectError(refused, 429, "rate_limited");
    expect(error.message).toMatch(/^Too many requests with this API key in a minute — try again in \d+ s\.$/);
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.headers.get("cache-control")).toBe("no-store");
    // A write is refused before it is looked at, and gives nothing.
    const ana = await org.addPerson();
    const give = await answer<ErrorBody>(
      recognitionsRoute.POST(
        apiRequest("/recognitions", {
          key: apiKey,
          body: { giver_id: org.admin.id, recipient_ids: [ana.id], amount: 5, message: "Thanks" },
          headers: { "idempotency-key": randomUUID() },
        }),
      ),
    );
    expectError(give, 429, "rate_limited");
    expect((await getBalances(db, ana.actor)).earned.balance).toBe(0);

    expect((await list(otherKey)).status).toBe(200);
  });
});
