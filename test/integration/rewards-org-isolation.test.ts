import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { claimNotifications } from "../../core/notifications/claim-notifications";
import { finishNotification } from "../../core/notifications/finish-notification";
import { advanceRedemption } from "../../core/rewards/advance-redemption";
import { approveRedemption } from "../../core/rewards/approve-redemption";
import { cancelReward } from "../../core/rewards/cancel-reward";
import { createCustomReward } from "../../core/rewards/create-custom-reward";
import { declineRedemption } from "../../core/rewards/decline-redemption";
import { failRedemption } from "../../core/rewards/fail-redemption";
import { fulfilRedemption } from "../../core/rewards/fulfil-redemption";
import { getRedemption } from "../../core/rewards/get-redemption";
import { getRewardOffer } from "../../core/rewards/get-reward-offer";
import { listRedemptions } from "../../core/rewards/list-redemptions";
import { listRewardCatalog } from "../../core/rewards/list-reward-catalog";
import { recordProviderWebhook } from "../../core/rewards/record-provider-webhook";
import { resendReward } from "../../core/rewards/resend-reward";
import { retryRedemption } from "../../core/rewards/retry-redemption";
import { runDueRedemptions } from "../../core/rewards/run-due-redemptions";
import { syncRewardCatalog } from "../../core/rewards/sync-reward-catalog";
import { updateRewardSettings } from "../../core/rewards/update-reward-settings";
import type { Actor } from "../../core/shared/actor";
import type { Database } from "../../db/client";
import { customRewards, notifications, redemptions } from "../../db/schema";
import { defined } from "../support/assertions";
import { workerDatabase } from "../support/database";
import { asSeenBy, settle } from "../support/outcomes";
import {
  balancesOf,
  clockAfter,
  createRewardsOrg,
  noticesOf,
  rewardsFixture,
  STARBUCKS_5,
} from "../support/rewards-fixture";

const database = workerDatabase();
const fixture = rewardsFixture();
/** Past every retry an org's redemptions are waiting for. */
const muchLater = () => clockAfter(24 * 60 * 60_000);

/**
 * Org A with a redemption in every state an admin acts on and one of its own rewards; org B set up
 * alongside, with its own admin, employee and reward, and its catalog not yet synced.
 */
async function twoOrgs(db: Database) {
  const deps = fixture.deps();
  const a = await createRewardsOrg(db, deps, { settings: { approvalThreshold: 100 } });
  const ana = await a.hire();
  await a.earn(ana, 1000);
  const awaiting = (await a.redeem(ana, { productId: "BBUYUS000001", faceValueMinor: 2500 }, deps))
    .redemption;
  fixture.sandbox.injectFault({ fault: "insufficient_funds" });
  const submitted = (await a.redeem(ana, STARBUCKS_5, deps)).redemption;
  const hoodie = await createCustomReward(db, a.admin.actor, { name: "A's hoodie", pointsPrice: 60 });
  const handOver = (await a.redeem(ana, { customRewardId: hoodie.id }, deps)).redemption;
  const bouncer = await a.hire({ email: `bo-${randomUUID().slice(0, 6)}@bounce.example` });
  await a.earn(bouncer, 100);
  const bounced = (await a.redeem(bouncer, STARBUCKS_5, deps)).redemption;
  expect([awaiting, submitted, handOver, bounced].map((r) => [r.status, r.deliveryStatus])).toEqual([
    ["awaiting_approval", null],
    ["submitted", null],
    ["awaiting_fulfillment", null],
    ["fulfilled", "failed"],
  ]);

  const b = await createRewardsOrg(db, deps, { syncCatalog: false });
  const bea = await b.hire();
  await b.earn(bea, 1000);
  const mug = await createCustomReward(db, b.admin.actor, { name: "B's mug", pointsPrice: 30 });
  return { a, ana, hoodie, awaiting, submitted, handOver, bounced, b, bea, mug };
}

/** Everything of an org a refused call must leave as it was. */
async function stateOf(db: Database, orgId: string) {
  return {
    redemptions: await db.select().from(redemptions).where(eq(redemptions.orgId, orgId)),
    rewards: await db.select().from(customRewards).where(eq(customRewards.orgId, orgId)),
    notices: await db.select().from(notifications).where(eq(notifications.orgId, orgId)),
    balances: await balancesOf(db, orgId),
    orders: fixture.sandbox.orders(),
  };
}

/** `call` with an id of org A is refused exactly as with an id that exists nowhere: `not_found`. */
async function expectLikeNothing(name: string, call: (id: string) => Promise<unknown>, id: string) {
  const nowhere = randomUUID();
  const withA = asSeenBy(await settle(() => call(id)), { id });
  expect(withA, name).toMatchObject({ code: "not_found" });
  expect(withA, name).toEqual(asSeenBy(await settle(() => call(nowhere)), { id: nowhere }));
}

describe("another org's rewards", () => {
  it("stay out of an org's catalog, which shows what it synced itself", async () => {
    const { db } = await database();
    const { a, ana, hoodie, b, bea, mug } = await twoOrgs(db);
    const unsynced = await listRewardCatalog(db, bea.actor);
    expect(unsynced.items.map((item) => item.name)).toEqual(["B's mug"]);
    expect(unsynced.counts).toEqual({ gift_card: 0, charity: 0, custom: 1 });

    await updateRewardSettings(db, b.admin.actor, { excludedProductIds: ["AMZNUS000001"] });
    await syncRewardCatalog(db, b.admin.actor, fixture.deps());
    const names = async (actor: Actor) => (await listRewardCatalog(db, actor)).items.map((item) => item.name);
    const [ofA, ofB] = [await names(ana.actor), await names(bea.actor)];
    expect(ofA).toContain("Amazon.com");
    expect(ofA).toContain("A's hoodie");
    expect(ofB).not.toContain("Amazon.com");
    expect(ofB).not.toContain("A's hoodie");
    expect(ofB).toContain("B's mug");
    expect(ofB.length).toBe(ofA.length - 1);
    expect(await names(b.system)).toEqual(ofB);

    await expectLikeNothing(
      "offer",
      (id) => getRewardOffer(db, bea.actor, { customRewardId: id }),
      hoodie.id,
    );
    const before = await stateOf(db, a.id);
    await expectLikeNothing(
      "redeem",
      (id) => b.redeem(bea, { customRewardId: id }, fixture.deps()),
      hoodie.id,
    );
    expect(await stateOf(db, a.id)).toEqual(before);
    expect((await b.redeem(bea, { customRewardId: mug.id }, fixture.deps())).redemption.status).toBe(
      "awaiting_fulfillment",
    );
  });

  it("can't be read: another org's redemption ids are not found, its lists hold none", async () => {
    const { db } = await database();
    const { a, ana, awaiting, bounced, b, bea } = await twoOrgs(db);
    for (const actor of [b.admin.actor, b.system, bea.actor]) {
      await expectLikeNothing("get", (id) => getRedemption(db, actor, { redemptionId: id }), awaiting.id);
    }
    const ownOnly = async (actor: Actor, input = {}) => (await listRedemptions(db, actor, input)).items;
    expect(await ownOnly(b.admin.actor, { personId: ana.id })).toEqual([]);
    for (const queue of ["approvals", "fulfilment", "attention"] as const) {
      expect(await ownOnly(b.admin.actor, { queue })).toEqual([]);
    }
    expect(await ownOnly(b.system)).toEqual([]);
    expect((await ownOnly(a.admin.actor, { queue: "attention" })).map((item) => item.id)).toContain(
      bounced.id,
    );
  });

  it("can't be decided on: each decision with another org's id is refused as for no id at all", async () => {
    const { db } = await database();
    const { a, awaiting, submitted, handOver, bounced, b } = await twoOrgs(db);
    const deps = fixture.deps();
    const admin = b.admin.actor;
    const before = await stateOf(db, a.id);
    const decisions: [string, (id: string) => Promise<unknown>, string][] = [
      ["approve", (id) => approveRedemption(db, admin, { redemptionId: id }, deps), awaiting.id],
      ["decline", (id) => declineRedemption(db, admin, { redemptionId: id, reason: "No." }), awaiting.id],
      ["fulfil", (id) => fulfilRedemption(db, admin, { redemptionId: id }), handOver.id],
      ["fail", (id) => failRedemption(db, admin, { redemptionId: id, reason: "No." }), handOver.id],
      [
        "resend",
        (id) => resendReward(db, admin, { redemptionId: id, email: "x@example.com" }, deps),
        bounced.id,
      ],
      ["cancel", (id) => cancelReward(db, admin, { redemptionId: id }, deps), bounced.id],
      ["retry", (id) => retryRedemption(db, admin, { redemptionId: id }, deps), submitted.id],
      ["advance", (id) => advanceRedemption(db, b.system, { redemptionId: id }, deps), submitted.id],
    ];
    for (const [name, call, id] of decisions) await expectLikeNothing(name, call, id);
    expect(await stateOf(db, a.id)).toEqual(before);
  });

  it("stay out of another org's background work", async () => {
    const { db } = await database();
    const { a, submitted, bounced, b } = await twoOrgs(db);
    const before = await stateOf(db, a.id);
    const later = fixture.deps({ clock: muchLater() });

    expect(await runDueRedemptions(db, b.system, {}, later)).toEqual({ claimed: 0, errors: [] });
    const providerOrderId = defined(
      (await getRedemption(db, a.admin.actor, { redemptionId: bounced.id })).handling,
    ).providerOrderId;
    const event = {
      uuid: randomUUID(),
      event: "ORDERS.CREATED",
      createdAt: new Date().toISOString(),
      resource: { type: "orders" as const, id: defined(providerOrderId) },
    };
    expect(await recordProviderWebhook(db, b.system, { provider: "sandbox", event })).toEqual({
      duplicate: false,
      redemption: null,
    });
    expect(await claimNotifications(db, b.system, {}, muchLater())).toEqual([]);
    const [notice] = await db.select().from(notifications).where(eq(notifications.orgId, a.id));
    await finishNotification(db, b.system, { id: defined(notice).id, outcome: "sent", attempts: 1 });
    expect(await stateOf(db, a.id)).toEqual(before);

    // The same work as A's own system reaches A's.
    const claimed = await claimNotifications(db, a.system, {}, muchLater());
    expect(claimed.map((each) => each.orgId)).toEqual((await noticesOf(db, a.id)).map(() => a.id));
    await finishNotification(db, a.system, { id: defined(notice).id, outcome: "sent", attempts: 1 });
    const [finished] = await db
      .select()
      .from(notifications)
      .where(eq(notifications.id, defined(notice).id));
    expect(finished?.doneAt).toBeInstanceOf(Date);
    expect(await runDueRedemptions(db, a.system, {}, later)).toEqual({ claimed: 1, errors: [] });
    expect((await getRedemption(db, a.admin.actor, { redemptionId: submitted.id })).status).toBe("fulfilled");
  });
});
