import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { advanceRedemption } from "../../core/rewards/advance-redemption";
import { createCustomReward } from "../../core/rewards/create-custom-reward";
import { listCustomRewards } from "../../core/rewards/list-custom-rewards";
import type { RequestRedemptionResult } from "../../core/rewards/request-redemption";
import { isDomainError } from "../../core/shared/errors";
import { redemptions } from "../../db/schema";
import { expectDomainError, expectLedgerClean } from "../support/assertions";
import { workerDatabase } from "../support/database";
import { key } from "../support/factories";
import {
  balancesOf,
  createRewardsOrg,
  expectFulfilledOnce,
  rewardsFixture,
  STARBUCKS_5,
} from "../support/rewards-fixture";

const database = workerDatabase();
const fixture = rewardsFixture();

function fulfilledResults(
  outcomes: PromiseSettledResult<RequestRedemptionResult>[],
): RequestRedemptionResult[] {
  return outcomes.flatMap((outcome) => (outcome.status === "fulfilled" ? [outcome.value] : []));
}

function refusals(outcomes: PromiseSettledResult<RequestRedemptionResult>[]): unknown[] {
  return outcomes.flatMap((outcome) => (outcome.status === "rejected" ? [outcome.reason] : []));
}

describe("redemptions racing for one balance", () => {
  it("50 at once against a balance for exactly 10: 10 orders and settles, 40 refused with the balance", async () => {
    const { db } = await database();
    const deps = fixture.deps();
    const org = await createRewardsOrg(db, deps);
    const ana = await org.hire();
    await org.earn(ana, 500);

    const outcomes = await Promise.allSettled(
      Array.from({ length: 50 }, () => org.redeem(ana, STARBUCKS_5, deps)),
    );
    const redeemed = fulfilledResults(outcomes);
    expect(redeemed.map((result) => result.redemption.status)).toEqual(Array(10).fill("fulfilled"));
    const refused = refusals(outcomes);
    expect(refused).toHaveLength(40);
    for (const error of refused) {
      expect(isDomainError(error, "insufficient_points"), String(error)).toBe(true);
      expect(error).toMatchObject({
        message: "That costs 50 pts · $5.00 and you have 0 pts · $0.00 earned.",
        details: { balance: 0, needed: 50 },
      });
    }

    const ids = redeemed.map((result) => result.redemption.id);
    for (const id of ids) await expectFulfilledOnce(db, fixture, id);
    expect(
      fixture.sandbox
        .orders()
        .map((order) => order.external_id)
        .sort(),
    ).toEqual([...ids].sort());
    const rows = await db.select().from(redemptions).where(eq(redemptions.orgId, org.id));
    expect(rows).toHaveLength(10);
    expect(await balancesOf(db, org.id)).toMatchObject({ [ana.id]: 0, redemption_hold: 0, redeemed: 500 });
    await expectLedgerClean(db, org.id);
  });
});

describe("one request delivered many times at once", () => {
  it("makes one redemption and one order however many copies arrive", async () => {
    const { db } = await database();
    const deps = fixture.deps();
    const org = await createRewardsOrg(db, deps);
    const ana = await org.hire();
    await org.earn(ana, 1000);

    const idempotencyKey = key();
    const results = await Promise.all(
      Array.from({ length: 10 }, () => org.redeem(ana, { ...STARBUCKS_5, idempotencyKey }, deps)),
    );
    const [first] = results;
    expect(new Set(results.map((result) => result.redemption.id)).size).toBe(1);
    expect(results.filter((result) => !result.replayed)).toHaveLength(1);
    const row = await expectFulfilledOnce(db, fixture, first?.redemption.id ?? "");
    expect(row.idempotencyKey).toBe(idempotencyKey);
    expect(fixture.sandbox.orders()).toHaveLength(1);
    expect(await balancesOf(db, org.id)).toMatchObject({ [ana.id]: 950, redeemed: 50 });
    // The same key for another reward is a mistake, not a copy.
    await expectDomainError(
      org.redeem(ana, { ...STARBUCKS_5, faceValueMinor: 1000, idempotencyKey }, deps),
      "idempotency_conflict",
    );
    await expectLedgerClean(db, org.id);
  });

  it("answers every copy with the one redemption even when the balance covers only one", async () => {
    const { db } = await database();
    const deps = fixture.deps();
    const org = await createRewardsOrg(db, deps);
    const ana = await org.hire();
    await org.earn(ana, 50);

    const idempotencyKey = key();
    const outcomes = await Promise.allSettled(
      Array.from({ length: 10 }, () => org.redeem(ana, { ...STARBUCKS_5, idempotencyKey }, deps)),
    );
    expect(refusals(outcomes)).toEqual([]);
    const results = fulfilledResults(outcomes);
    expect(new Set(results.map((result) => result.redemption.id)).size).toBe(1);
    await expectFulfilledOnce(db, fixture, results[0]?.redemption.id ?? "");
    expect(fixture.sandbox.orders()).toHaveLength(1);
    expect(await balancesOf(db, org.id)).toMatchObject({ [ana.id]: 0, redeemed: 50 });
    await expectLedgerClean(db, org.id);
  });
});

describe("one request for the last of a custom reward delivered many times at once", () => {
  it("answers every copy with the one redemption, the one taken off the shelf", async () => {
    const { db } = await database();
    const deps = fixture.deps();
    const org = await createRewardsOrg(db, deps);
    const ana = await org.hire();
    await org.earn(ana, 1000);
    const lamp = await createCustomReward(db, org.admin.actor, {
      name: "Desk lamp",
      pointsPrice: 40,
      stock: 1,
    });

    const idempotencyKey = key();
    const outcomes = await Promise.allSettled(
      Array.from({ length: 10 }, () => org.redeem(ana, { customRewardId: lamp.id, idempotencyKey }, deps)),
    );
    expect(refusals(outcomes)).toEqual([]);
    expect(new Set(fulfilledResults(outcomes).map((result) => result.redemption.id)).size).toBe(1);
    expect((await listCustomRewards(db, org.admin.actor))[0]?.stock).toBe(0);
    expect(await balancesOf(db, org.id)).toMatchObject({ [ana.id]: 960, redemption_hold: 40 });
    await expectLedgerClean(db, org.id);
  });
});

describe("background work racing on one redemption", () => {
  it("five advances of a stuck redemption at once make one order and one settle", async () => {
    const { db } = await database();
    const deps = fixture.deps();
    const org = await createRewardsOrg(db, deps);
    const ana = await org.hire();
    await org.earn(ana, 100);
    fixture.sandbox.injectFault({ fault: "rate_limited" });
    const { redemption } = await org.redeem(ana, STARBUCKS_5, deps);
    expect(redemption.status).toBe("submitted");

    const advanced = await Promise.all(
      Array.from({ length: 5 }, () =>
        advanceRedemption(db, org.system, { redemptionId: redemption.id }, deps),
      ),
    );
    expect(advanced.map((result) => result.status)).toEqual(Array(5).fill("fulfilled"));
    await expectFulfilledOnce(db, fixture, redemption.id);
    expect(fixture.sandbox.orders()).toHaveLength(1);
    expect(await balancesOf(db, org.id)).toMatchObject({ [ana.id]: 50, redemption_hold: 0, redeemed: 50 });
    await expectLedgerClean(db, org.id);
  });
});
