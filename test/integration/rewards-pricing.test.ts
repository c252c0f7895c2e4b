import { describe, expect, it } from "vitest";
import { createCustomReward } from "../../core/rewards/create-custom-reward";
import { getRewardOffer } from "../../core/rewards/get-reward-offer";
import { listRewardCatalog } from "../../core/rewards/list-reward-catalog";
import type { DomainError } from "../../core/shared/errors";
import type { Database } from "../../db/client";
import { expectDomainError, expectLedgerClean } from "../support/assertions";
import { workerDatabase } from "../support/database";
import type { TestPerson } from "../support/factories";
import {
  balancesOf,
  createRewardsOrg,
  expectFulfilledOnce,
  type RewardsOrg,
  rewardsFixture,
} from "../support/rewards-fixture";

const database = workerDatabase();
const fixture = rewardsFixture();

/** An org whose points are worth `points` pts = `minor` cents, and one person with plenty earned. */
async function pricedOrg(db: Database, points: number, minor: number): Promise<[RewardsOrg, TestPerson]> {
  const org = await createRewardsOrg(db, fixture.deps(), { pointValue: { points, minor } });
  const ana = await org.hire();
  await org.earn(ana, 100_000);
  return [org, ana];
}

/** The refusal of a redemption at a face value, and proof that it held nothing and ordered nothing. */
async function refusal(
  db: Database,
  org: RewardsOrg,
  person: TestPerson,
  productId: string,
  faceValueMinor: number,
): Promise<DomainError> {
  const before = await balancesOf(db, org.id);
  const error = await expectDomainError(
    org.redeem(person, { productId, faceValueMinor }, fixture.deps()),
    "invalid_face_value",
  );
  expect(error.details.field).toBe("faceValueMinor");
  expect(await balancesOf(db, org.id)).toEqual(before);
  expect(fixture.sandbox.orders()).toEqual([]);
  return error;
}

describe("pricing at 3 pts = $1.00", () => {
  it("charges whole points: a $5 card costs 15 pts, and the order is for exactly $5", async () => {
    const { db } = await database();
    const [org, ana] = await pricedOrg(db, 3, 100);
    const { redemption } = await org.redeem(
      ana,
      { productId: "SBUXUS000001", faceValueMinor: 500 },
      fixture.deps(),
    );
    expect(redemption).toMatchObject({
      points: 15,
      faceValueMinor: 500,
      pointValue: { points: 3, minor: 100 },
    });
    const row = await expectFulfilledOnce(db, fixture, redemption.id);
    expect(row).toMatchObject({ pointValuePoints: 3, pointValueMinor: 100, chargedMinor: 500 });
    expect(fixture.sandbox.orders()[0]?.rewards[0]?.value).toEqual({ denomination: 5, currency_code: "USD" });
    expect(await balancesOf(db, org.id)).toMatchObject({ [ana.id]: 100_000 - 15, redeemed: 15 });
    await expectLedgerClean(db, org.id);
  });

  it("refuses a face value that is not a whole number of points, offering the nearest that are", async () => {
    const { db } = await database();
    const [org, ana] = await pricedOrg(db, 3, 100);
    const error = await refusal(db, org, ana, "AMZNUS000001", 1234);
    expect(error.details.nearest).toEqual([1200, 1300]);
    expect(error.message).toBe("$12.34 isn't a whole number of points. Try $12.00 or $13.00.");
  });

  it("refuses a face value outside the product's range with the nearest end of it", async () => {
    const { db } = await database();
    const [org, ana] = await pricedOrg(db, 3, 100);
    const below = await refusal(db, org, ana, "AMZNUS000001", 300);
    expect(below.details.nearest).toEqual([500]);
    expect(below.message).toBe("Amazon.com isn't sold at $3.00. Try $5.00.");
    expect((await refusal(db, org, ana, "AMZNUS000001", 250_000)).details.nearest).toEqual([200_000]);
  });

  it("offers a fixed-value product at its own values only, nearest below and above", async () => {
    const { db } = await database();
    const [org, ana] = await pricedOrg(db, 3, 100);
    const offer = await getRewardOffer(db, ana.actor, { productId: "SBUXUS000001" });
    expect(offer.item.denominations).toEqual({
      fixed: [
        { faceValueMinor: 500, points: 15 },
        { faceValueMinor: 1000, points: 30 },
        { faceValueMinor: 2500, points: 75 },
        { faceValueMinor: 5000, points: 150 },
      ],
      ranges: [],
    });
    const error = await refusal(db, org, ana, "SBUXUS000001", 700);
    expect(error.details.nearest).toEqual([500, 1000]);
    expect(error.message).toBe("Starbucks isn't sold at $7.00. Try $5.00 or $10.00.");
  });
});

describe("pricing at 7 pts = $0.05", () => {
  it("prices a range in 5-cent steps: $12.35 costs 1,729 pts", async () => {
    const { db } = await database();
    const [org, ana] = await pricedOrg(db, 7, 5);
    const catalog = await listRewardCatalog(db, ana.actor, { query: "amazon" });
    expect(catalog.items.map((item) => [item.name, item.denominations, item.fromPoints])).toEqual([
      ["Amazon.com", { fixed: [], ranges: [{ minMinor: 500, maxMinor: 200_000, stepMinor: 5 }] }, 700],
    ]);
    const error = await refusal(db, org, ana, "AMZNUS000001", 1234);
    expect(error.details.nearest).toEqual([1230, 1235]);

    const { redemption } = await org.redeem(
      ana,
      { productId: "AMZNUS000001", faceValueMinor: 1235 },
      fixture.deps(),
    );
    expect(redemption.points).toBe(1729);
    await expectFulfilledOnce(db, fixture, redemption.id);
    expect(fixture.sandbox.orders()[0]?.rewards[0]?.value).toEqual({
      denomination: 12.35,
      currency_code: "USD",
    });
    expect(await balancesOf(db, org.id)).toMatchObject({ [ana.id]: 100_000 - 1729, redeemed: 1729 });
    await expectLedgerClean(db, org.id);
  });
});

describe("pricing when whole points leave few face values", () => {
  it("at 1 pt = $2.00, offers only the fixed values worth whole points, and names them when refusing", async () => {
    const { db } = await database();
    const [org, ana] = await pricedOrg(db, 1, 200);
    const offer = await getRewardOffer(db, ana.actor, { productId: "SBUXUS000001" });
    expect(offer.item.denominations?.fixed).toEqual([
      { faceValueMinor: 1000, points: 5 },
      { faceValueMinor: 5000, points: 25 },
    ]);
    const error = await refusal(db, org, ana, "SBUXUS000001", 2500);
    expect(error.details.nearest).toEqual([1000, 5000]);
    expect(error.message).toBe("$25.00 isn't a whole number of points. Try $10.00 or $50.00.");
  });

  it("at 1 pt = $7.00, keeps a range's nearest valid end inside it, and offers no product none of whose values fits", async () => {
    const { db } = await database();
    const [org, ana] = await pricedOrg(db, 1, 700);
    // DoorDash sells $15 to $200; whole points make that $21 to $196.
    const error = await refusal(db, org, ana, "DASHUS000001", 1500);
    expect(error.details.nearest).toEqual([2100]);
    const catalog = await listRewardCatalog(db, ana.actor);
    expect(catalog.items.map((item) => item.name)).not.toContain("Starbucks");
    await expectDomainError(getRewardOffer(db, ana.actor, { productId: "SBUXUS000001" }), "not_found");
    // Refused as the catalog shows it: not offered, rather than a list of values that are empty.
    const refused = await expectDomainError(
      org.redeem(ana, { productId: "SBUXUS000001", faceValueMinor: 500 }, fixture.deps()),
      "not_found",
    );
    expect(refused.message).toBe("That reward isn't offered here.");
  });
});

describe("points worth nothing", () => {
  it("refuse every provider reward, and still redeem the org's own", async () => {
    const { db } = await database();
    const [org, ana] = await pricedOrg(db, 10, 0);
    const mug = await createCustomReward(db, org.admin.actor, { name: "Mug", pointsPrice: 40 });
    const catalog = await listRewardCatalog(db, ana.actor);
    expect(catalog.items.map((item) => item.kind)).toEqual(["custom"]);
    const error = await expectDomainError(
      org.redeem(ana, { productId: "AMZNUS000001", faceValueMinor: 1000 }, fixture.deps()),
      "invalid",
    );
    expect(error.message).toBe("Points have no money value in this org, so they can't buy gift cards.");
    expect(fixture.sandbox.orders()).toEqual([]);
    const { redemption } = await org.redeem(ana, { customRewardId: mug.id }, fixture.deps());
    expect(redemption).toMatchObject({ status: "awaiting_fulfillment", points: 40, faceValueMinor: 0 });
    expect(await balancesOf(db, org.id)).toMatchObject({ [ana.id]: 100_000 - 40, redemption_hold: 40 });
    await expectLedgerClean(db, org.id);
  });
});
