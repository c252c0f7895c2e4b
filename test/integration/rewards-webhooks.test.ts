import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { cancelReward } from "../../core/rewards/cancel-reward";
import { listRedemptions } from "../../core/rewards/list-redemptions";
import { recordProviderWebhook } from "../../core/rewards/record-provider-webhook";
import { resendReward } from "../../core/rewards/resend-reward";
import type { ProviderWebhookEvent } from "../../core/rewards/reward-provider";
import { runDueRedemptions } from "../../core/rewards/run-due-redemptions";
import type { Actor } from "../../core/shared/actor";
import type { Database } from "../../db/client";
import { providerWebhookEvents, redemptions } from "../../db/schema";
import {
  readTremendousWebhook,
  verifyTremendousSignature,
} from "../../providers/tremendous/tremendous-webhooks";
import { defined, expectLedgerClean } from "../support/assertions";
import { workerDatabase } from "../support/database";
import { key } from "../support/factories";
import {
  balancesOf,
  createRewardsOrg,
  expectFulfilledOnce,
  ledgerKindsOf,
  noticesOf,
  type RewardsOrg,
  redemptionRow,
  rewardsFixture,
  STARBUCKS_5,
} from "../support/rewards-fixture";

const database = workerDatabase();
// Emails take a moment, as at Tremendous: an order is answered with its delivery pending, and what
// became of the delivery arrives later as a signed webhook.
const fixture = rewardsFixture({ emailDeliveryMs: 50 });
/** The deployment's webhook route acts as the operator: an event may be about any org. */
const webhookRoute: Actor = { kind: "operator" };

/** The sandbox's webhook `event` about `resourceId`, as the route reads it once its signature checks out. */
async function webhookEvent(event: string, resourceId: string): Promise<ProviderWebhookEvent> {
  const received = await fixture.webhooks.next(
    (hook) => hook.event === event && hook.resourceId === resourceId,
  );
  expect(verifyTremendousSignature(received.rawBody, received.signature, fixture.sandbox.webhookKey)).toBe(
    true,
  );
  return readTremendousWebhook(received.rawBody);
}

function record(db: Database, event: ProviderWebhookEvent, at = new Date()) {
  return recordProviderWebhook(db, webhookRoute, { provider: "sandbox", event }, { clock: () => at });
}

/** A $5 card for someone of the org, fulfilled, its email delivery still on its way. */
async function fulfilledCard(db: Database, org: RewardsOrg, email?: string) {
  const person = await org.hire(email ? { email } : {});
  await org.earn(person, 100);
  const { redemption } = await org.redeem(person, STARBUCKS_5, fixture.deps());
  expect(redemption).toMatchObject({ status: "fulfilled", deliveryStatus: "pending" });
  return redemptionRow(db, redemption.id);
}

async function runDue(db: Database, org: RewardsOrg) {
  const run = await runDueRedemptions(db, org.system, {}, fixture.deps());
  expect(run.errors).toEqual([]);
  return run.claimed;
}

describe("recording a provider's webhook", () => {
  it("marks the redemption due once, and a redelivery of the same event does nothing", async () => {
    const { db } = await database();
    const org = await createRewardsOrg(db, fixture.deps());
    const row = await fulfilledCard(db, org);
    const event = await webhookEvent("REWARDS.DELIVERY.SUCCEEDED", defined(row.providerRewardId));

    const at = new Date();
    expect(await record(db, event, at)).toEqual({
      duplicate: false,
      redemption: { orgId: org.id, id: row.id },
    });
    expect((await redemptionRow(db, row.id)).nextAttemptAt).toEqual(at);
    expect(await runDue(db, org)).toBe(1);
    expect(await redemptionRow(db, row.id)).toMatchObject({
      deliveryStatus: "succeeded",
      nextAttemptAt: null,
    });

    expect(await record(db, event)).toEqual({ duplicate: true, redemption: null });
    expect((await redemptionRow(db, row.id)).nextAttemptAt).toBeNull();
    const stored = await db
      .select()
      .from(providerWebhookEvents)
      .where(eq(providerWebhookEvents.uuid, event.uuid));
    expect(stored).toMatchObject([{ orgId: org.id, event: "REWARDS.DELIVERY.SUCCEEDED" }]);
  });

  it("records an event about an order nobody has, for no org, and changes nothing", async () => {
    const { db } = await database();
    const at = new Date("2031-01-01T00:00:00Z");
    const event = {
      uuid: key(),
      event: "ORDERS.APPROVED",
      createdAt: at.toISOString(),
      resource: { type: "orders", id: "NOSUCHORDER1" },
    } as const;
    expect(await record(db, event, at)).toEqual({ duplicate: false, redemption: null });
    const [stored] = await db
      .select()
      .from(providerWebhookEvents)
      .where(eq(providerWebhookEvents.uuid, event.uuid));
    expect(stored).toMatchObject({ orgId: null, resourceId: "NOSUCHORDER1" });
    const touched = await db
      .select()
      .from(redemptions)
      .where(sql`${redemptions.updatedAt} = ${at.toISOString()}`);
    expect(touched).toEqual([]);
  });

  it("marks only the redemption of the org whose order it names", async () => {
    const { db } = await database();
    const orgA = await createRewardsOrg(db, fixture.deps());
    const orgB = await createRewardsOrg(db, fixture.deps());
    const [ofA, ofB] = [await fulfilledCard(db, orgA), await fulfilledCard(db, orgB)];
    const beforeB = await redemptionRow(db, ofB.id);
    const event = await webhookEvent("ORDERS.CREATED", defined(ofA.providerOrderId));

    expect(await record(db, event)).toEqual({ duplicate: false, redemption: { orgId: orgA.id, id: ofA.id } });
    expect((await redemptionRow(db, ofA.id)).nextAttemptAt).not.toBeNull();
    expect(await redemptionRow(db, ofB.id)).toEqual(beforeB);
    expect(await runDue(db, orgB)).toBe(0);
    expect(await runDue(db, orgA)).toBe(1);
  });
});

describe("a delivery that bounces", () => {
  /** A card sent to a bouncing address, fulfilled, whose failed delivery the webhook's follow-up read back. */
  async function bounced(db: Database) {
    const org = await createRewardsOrg(db, fixture.deps());
    const row = await fulfilledCard(db, org, `ana-${key().slice(0, 6)}@bounce.example`);
    const rewardId = defined(row.providerRewardId);
    // Nothing is due until the provider says something happened.
    expect(await runDue(db, org)).toBe(0);
    await record(db, await webhookEvent("REWARDS.DELIVERY.FAILED", rewardId));
    expect(await runDue(db, org)).toBe(1);

    const failed = await redemptionRow(db, row.id);
    expect(failed).toMatchObject({ status: "fulfilled", deliveryStatus: "failed", nextAttemptAt: null });
    expect(failed.attentionReason).toBe(
      `Delivery to ${row.recipientEmail} failed. Resend it to a corrected email, or cancel it to give the points back.`,
    );
    const attention = await listRedemptions(db, org.admin.actor, { queue: "attention" });
    expect(attention.items.map((item) => item.id)).toEqual([row.id]);
    expect((await noticesOf(db, org.id)).map((notice) => [notice.kind, notice.personId])).toEqual([
      ["redemption.fulfilled", row.personId],
      ["redemption.delivery_failed", row.personId],
    ]);
    return { org, row, rewardId };
  }

  it("is resent to a corrected email: pending, then succeeded once the provider says so", async () => {
    const { db } = await database();
    const { org, row, rewardId } = await bounced(db);
    const email = `ana-${key().slice(0, 6)}@example.com`;
    const resent = await resendReward(db, org.admin.actor, { redemptionId: row.id, email }, fixture.deps());
    expect(resent).toMatchObject({ status: "fulfilled", deliveryStatus: "pending", recipientEmail: email });
    expect(resent.handling?.attentionReason).toBeNull();
    expect(fixture.sandbox.orders()[0]?.rewards[0]?.recipient.email).toBe(email);

    await record(db, await webhookEvent("REWARDS.DELIVERY.SUCCEEDED", rewardId));
    expect(await runDue(db, org)).toBe(1);
    expect(await redemptionRow(db, row.id)).toMatchObject({
      deliveryStatus: "succeeded",
      attentionReason: null,
    });
    await expectFulfilledOnce(db, fixture, row.id);
    expect((await listRedemptions(db, org.admin.actor, { queue: "attention" })).items).toEqual([]);
    await expectLedgerClean(db, org.id);
  });

  it("is canceled: refunded by the provider, the points reversed back, with what a credit needs", async () => {
    const { db } = await database();
    const { org, row, rewardId } = await bounced(db);
    const balanceBefore = fixture.sandbox.balanceMinor();
    const at = new Date();
    const canceled = await cancelReward(
      db,
      org.admin.actor,
      { redemptionId: row.id },
      fixture.deps({ clock: () => at }),
    );
    expect(canceled).toMatchObject({
      status: "canceled",
      outcomeReason: expect.stringMatching(/points are back/),
    });

    expect(fixture.sandbox.orders()).toMatchObject([{ id: row.providerOrderId, status: "CANCELED" }]);
    expect(fixture.sandbox.balanceMinor()).toBe(balanceBefore + 500);
    const after = await redemptionRow(db, row.id);
    expect(after).toMatchObject({
      status: "canceled",
      providerStatus: "CANCELED",
      closedAt: at,
      // What the credit line repeats: the original charge, when it was fulfilled, frozen as billed.
      fulfilledAt: row.fulfilledAt,
      faceValueMinor: 500,
      points: 50,
      chargedMinor: 500,
      attentionReason: null,
    });
    expect(await ledgerKindsOf(db, after)).toEqual(["hold", "settle", "reversal"]);
    const [reversal] = await db.execute<{ kind: string }>(
      sql`select kind from ledger_transactions where id = ${after.reversalTransactionId}`,
    );
    expect(reversal?.kind).toBe("reversal");
    expect(await balancesOf(db, org.id)).toMatchObject({
      [row.personId]: 100,
      redemption_hold: 0,
      redeemed: 0,
    });
    expect((await noticesOf(db, org.id)).map((notice) => notice.kind)).toContain("redemption.canceled");

    // The provider's own word of the cancellation changes nothing more.
    await record(db, await webhookEvent("REWARDS.CANCELED", rewardId));
    expect(await runDue(db, org)).toBe(0);
    expect(await redemptionRow(db, row.id)).toMatchObject({ status: "canceled", nextAttemptAt: null });
    await expectLedgerClean(db, org.id);
  });
});
