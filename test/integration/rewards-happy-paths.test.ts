import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { updateOrgSettings } from "../../core/org/update-org-settings";
import { updatePerson } from "../../core/people/update-person";
import { approveRedemption } from "../../core/rewards/approve-redemption";
import { createCustomReward } from "../../core/rewards/create-custom-reward";
import { declineRedemption } from "../../core/rewards/decline-redemption";
import { fulfilRedemption } from "../../core/rewards/fulfil-redemption";
import { getRedemption } from "../../core/rewards/get-redemption";
import { listCustomRewards } from "../../core/rewards/list-custom-rewards";
import { listRedemptions } from "../../core/rewards/list-redemptions";
import { requestRedemption } from "../../core/rewards/request-redemption";
import { expectDomainError, expectLedgerClean } from "../support/assertions";
import { workerDatabase } from "../support/database";
import { key } from "../support/factories";
import {
  balancesOf,
  createRewardsOrg,
  expectFulfilledOnce,
  ledgerKindsOf,
  noticesOf,
  redemptionRow,
  rewardsFixture,
} from "../support/rewards-fixture";

const database = workerDatabase();
const fixture = rewardsFixture();

describe("redeeming a gift card by email", () => {
  it("orders it once under the redemption's id, settles the points and freezes what the bill needs", async () => {
    const { db } = await database();
    const deps = fixture.deps();
    const org = await createRewardsOrg(db, deps);
    const ana = await org.hire({
      name: "Ana Lima",
      department: "Sales",
      costCenter: "CC-100",
      externalEmployeeId: "E-42",
    });
    await org.earn(ana, 300);

    const { redemption, replayed } = await org.redeem(
      ana,
      { productId: "SBUXUS000001", faceValueMinor: 2500 },
      deps,
    );
    expect(replayed).toBe(false);
    expect(redemption).toMatchObject({ status: "fulfilled", points: 250, deliveryStatus: "succeeded" });

    const row = await expectFulfilledOnce(db, fixture, redemption.id);
    const [order] = fixture.sandbox.orders();
    expect(order).toMatchObject({
      external_id: redemption.id,
      status: "EXECUTED",
      rewards: [{ value: { denomination: 25, currency_code: "USD" }, recipient: { name: "Ana Lima" } }],
    });
    expect(row).toMatchObject({
      providerOrderId: order?.id,
      providerRewardId: order?.rewards[0]?.id,
      providerStatus: "EXECUTED",
      chargedMinor: 2500,
      feesMinor: 0,
      chargedCurrency: "USD",
      deliveryMethod: "email",
      recipientEmail: row.personEmail,
    });
    expect(row.fulfilledAt).toBeInstanceOf(Date);
    expect(await balancesOf(db, org.id)).toMatchObject({ [ana.id]: 50, redemption_hold: 0, redeemed: 250 });

    const frozen = {
      personName: "Ana Lima",
      department: "Sales",
      costCenter: "CC-100",
      externalEmployeeId: "E-42",
      points: 250,
      pointValuePoints: 10,
      pointValueMinor: 100,
      faceValueMinor: 2500,
      currency: "USD",
      brand: "Starbucks",
      rewardName: "Starbucks gift card",
      productId: "SBUXUS000001",
    };
    expect(row).toMatchObject(frozen);
    await updatePerson(db, org.admin.actor, {
      personId: ana.id,
      name: "Ana Souza",
      department: "Marketing",
      costCenter: "CC-200",
      externalEmployeeId: "E-43",
    });
    expect(await redemptionRow(db, redemption.id)).toMatchObject(frozen);
    // The bill's point value can no longer move under it.
    await expectDomainError(updateOrgSettings(db, org.admin.actor, { pointValueMinor: 200 }), "conflict");

    expect(await noticesOf(db, org.id)).toMatchObject([
      { kind: "redemption.fulfilled", personId: ana.id, redemptionId: redemption.id },
    ]);
    await expectLedgerClean(db, org.id);
  });
});

describe("redeeming a gift card by link", () => {
  it("keeps the link sealed at rest and shows it to its owner only", async () => {
    const { db } = await database();
    const deps = fixture.deps();
    const org = await createRewardsOrg(db, deps, { settings: { deliveryMethod: "link" } });
    const ana = await org.hire();
    await org.earn(ana, 100);

    const { redemption } = await org.redeem(ana, { productId: "AMZNUS000001", faceValueMinor: 1000 }, deps);
    expect(redemption).toMatchObject({ status: "fulfilled", deliveryMethod: "link" });
    const link = redemption.giftLink ?? "";
    expect(link).toMatch(new RegExp(`^${fixture.sandbox.url}/redeem/`));
    expect((await fetch(link)).status).toBe(200);
    await expectFulfilledOnce(db, fixture, redemption.id);

    const [raw] = await db.execute<{ sealed: string; whole: string }>(sql`
      select gift_link_encrypted as sealed, to_jsonb(r)::text as whole from redemptions r
      where id = ${redemption.id}::uuid`);
    expect(raw?.sealed).toMatch(/^v1\./);
    expect(raw?.whole).not.toContain(link);
    expect(raw?.whole).not.toContain("/redeem/");

    const ask = { redemptionId: redemption.id };
    expect((await getRedemption(db, ana.actor, ask)).giftLink).toBe(link);
    expect((await listRedemptions(db, ana.actor)).items.map((item) => item.giftLink)).toEqual([link]);
    const admin = await getRedemption(db, org.admin.actor, ask);
    expect(admin).toMatchObject({ giftLink: null, handling: { providerOrderId: expect.any(String) } });
    expect((await getRedemption(db, org.system, ask)).giftLink).toBeNull();
    const everyone = await listRedemptions(db, org.admin.actor, { personId: ana.id });
    expect(everyone.items.map((item) => item.giftLink)).toEqual([null]);
    expect(JSON.stringify(await listRedemptions(db, org.system, { personId: ana.id }))).not.toContain(link);
    expect(await noticesOf(db, org.id)).toMatchObject([{ kind: "redemption.fulfilled", personId: ana.id }]);
    expect(JSON.stringify(await noticesOf(db, org.id))).not.toContain("/redeem/");
  });

  it("doesn't tell an API key redeeming on someone's behalf the link it got them", async () => {
    const { db } = await database();
    const deps = fixture.deps();
    const org = await createRewardsOrg(db, deps, { settings: { deliveryMethod: "link" } });
    const ana = await org.hire();
    await org.earn(ana, 100);
    const input = {
      productId: "AMZNUS000001",
      faceValueMinor: 1000,
      personId: ana.id,
      idempotencyKey: key(),
    };
    const { redemption } = await requestRedemption(db, org.system, input, deps);
    expect(redemption).toMatchObject({ status: "fulfilled", person: { id: ana.id }, giftLink: null });
    const replay = await requestRedemption(db, org.system, input, deps);
    expect(replay).toMatchObject({ replayed: true, redemption: { giftLink: null } });
    const owned = await getRedemption(db, ana.actor, { redemptionId: redemption.id });
    expect(owned.giftLink).toMatch(/\/redeem\//);
  });
});

describe("donating to a charity", () => {
  it("records the donation and whether the donor shares it in the feed", async () => {
    const { db } = await database();
    const deps = fixture.deps();
    const org = await createRewardsOrg(db, deps);
    const ana = await org.hire();
    await org.earn(ana, 500);

    const shared = await org.redeem(
      ana,
      { productId: "MSFXUS000001", faceValueMinor: 2000, shareInFeed: true },
      deps,
    );
    expect(shared.redemption).toMatchObject({
      kind: "charity",
      status: "fulfilled",
      shareInFeed: true,
      rewardName: "Donation to Doctors Without Borders",
      points: 200,
    });
    await expectFulfilledOnce(db, fixture, shared.redemption.id);
    const quiet = await org.redeem(ana, { productId: "CHWTUS000001", faceValueMinor: 1000 }, deps);
    expect(quiet.redemption).toMatchObject({ kind: "charity", shareInFeed: false });
    // Only a donation is ever shown in the feed, whatever a request for a gift card says.
    const card = await org.redeem(
      ana,
      { productId: "SBUXUS000001", faceValueMinor: 1000, shareInFeed: true },
      deps,
    );
    expect(card.redemption).toMatchObject({ kind: "gift_card", shareInFeed: false });
    expect(await balancesOf(db, org.id)).toMatchObject({ [ana.id]: 100, redeemed: 400 });
    expect((await noticesOf(db, org.id)).map((notice) => [notice.kind, notice.redemptionId])).toEqual(
      [shared, quiet, card].map(({ redemption }) => ["redemption.fulfilled", redemption.id]),
    );
    await expectLedgerClean(db, org.id);
  });
});

describe("redeeming a custom reward", () => {
  it("waits for an admin to hand it over, then settles; nothing is ordered from the provider", async () => {
    const { db } = await database();
    const deps = fixture.deps();
    const org = await createRewardsOrg(db, deps);
    const ana = await org.hire();
    await org.earn(ana, 400);
    const hoodie = await createCustomReward(db, org.admin.actor, {
      name: "Hoodie",
      pointsPrice: 300,
      stock: 2,
    });

    const { redemption } = await org.redeem(ana, { customRewardId: hoodie.id }, deps);
    expect(redemption).toMatchObject({ kind: "custom", status: "awaiting_fulfillment", points: 300 });
    expect((await listCustomRewards(db, org.admin.actor))[0]?.stock).toBe(1);
    const queue = await listRedemptions(db, org.admin.actor, { queue: "fulfilment" });
    expect(queue.items.map((item) => item.id)).toEqual([redemption.id]);
    expect(await ledgerKindsOf(db, { orgId: org.id, id: redemption.id })).toEqual(["hold"]);

    const done = await fulfilRedemption(db, org.admin.actor, {
      redemptionId: redemption.id,
      note: "At the desk",
    });
    expect(done).toMatchObject({ status: "fulfilled", faceValueMinor: 0 });
    expect(await ledgerKindsOf(db, { orgId: org.id, id: redemption.id })).toEqual(["hold", "settle"]);
    expect(await redemptionRow(db, redemption.id)).toMatchObject({
      decidedBy: org.admin.id,
      provider: null,
      providerOrderId: null,
    });
    expect(fixture.sandbox.orders()).toEqual([]);
    expect((await noticesOf(db, org.id)).map((notice) => notice.kind)).toEqual(["redemption.fulfilled"]);
    expect(await balancesOf(db, org.id)).toMatchObject({ [ana.id]: 100, redeemed: 300 });
    await expectLedgerClean(db, org.id);
  });
});

describe("redemptions over the approval threshold", () => {
  it("hold the points and ask every admin; an approval orders the reward, a decline gives the points back", async () => {
    const { db } = await database();
    const deps = fixture.deps();
    const org = await createRewardsOrg(db, deps, { settings: { approvalThreshold: 100 } });
    const secondAdmin = await org.hire({ roles: ["employee", "admin"] });
    const ana = await org.hire();
    await org.earn(ana, 1000);

    const small = await org.redeem(ana, { productId: "SBUXUS000001", faceValueMinor: 1000 }, deps);
    expect(small.redemption.status).toBe("fulfilled");
    const big = await org.redeem(ana, { productId: "BBUYUS000001", faceValueMinor: 2500 }, deps);
    const bigger = await org.redeem(ana, { productId: "BBUYUS000001", faceValueMinor: 5000 }, deps);
    for (const waiting of [big, bigger]) expect(waiting.redemption.status).toBe("awaiting_approval");
    expect(fixture.sandbox.orders()).toHaveLength(1);
    expect(await balancesOf(db, org.id)).toMatchObject({ [ana.id]: 150, redemption_hold: 750 });
    const approvals = await listRedemptions(db, org.admin.actor, { queue: "approvals" });
    expect(approvals.items.map((item) => item.id).sort()).toEqual(
      [big.redemption.id, bigger.redemption.id].sort(),
    );
    const asked = (await noticesOf(db, org.id)).filter(
      (notice) => notice.kind === "redemption.awaiting_approval",
    );
    expect(asked.map((notice) => `${notice.redemptionId}:${notice.personId}`).sort()).toEqual(
      [big, bigger]
        .flatMap(({ redemption }) => [org.admin.id, secondAdmin.id].map((id) => `${redemption.id}:${id}`))
        .sort(),
    );

    const approved = await approveRedemption(db, org.admin.actor, { redemptionId: big.redemption.id }, deps);
    expect(approved).toMatchObject({ status: "fulfilled", handling: { decidedAt: expect.any(Date) } });
    const approvedRow = await expectFulfilledOnce(db, fixture, big.redemption.id);
    expect(approvedRow.decidedBy).toBe(org.admin.id);

    const declined = await declineRedemption(db, secondAdmin.actor, {
      redemptionId: bigger.redemption.id,
      reason: "Over this quarter's budget",
    });
    expect(declined).toMatchObject({ status: "declined", outcomeReason: "Over this quarter's budget" });
    expect(await ledgerKindsOf(db, { orgId: org.id, id: bigger.redemption.id })).toEqual(["hold", "release"]);
    expect(fixture.sandbox.orders().map((order) => order.external_id)).not.toContain(bigger.redemption.id);
    await expectDomainError(
      approveRedemption(db, org.admin.actor, { redemptionId: bigger.redemption.id }, deps),
      "conflict",
    );

    expect(await balancesOf(db, org.id)).toMatchObject({ [ana.id]: 650, redemption_hold: 0, redeemed: 350 });
    const told = (await noticesOf(db, org.id)).filter((notice) => notice.personId === ana.id);
    expect(told.map((notice) => [notice.kind, notice.redemptionId])).toEqual([
      ["redemption.fulfilled", small.redemption.id],
      ["redemption.fulfilled", big.redemption.id],
      ["redemption.declined", bigger.redemption.id],
    ]);
    expect(told[2]?.payload).toMatchObject({ reason: "Over this quarter's budget", points: 500 });
    await expectLedgerClean(db, org.id);
  });
});
