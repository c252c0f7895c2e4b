import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { checkLedger } from "../../core/ledger/check-ledger";
import { holdPoints, releaseHold, settleHold } from "../../core/ledger/holds";
import { cancelReward } from "../../core/rewards/cancel-reward";
import { createCustomReward } from "../../core/rewards/create-custom-reward";
import { declineRedemption } from "../../core/rewards/decline-redemption";
import { fulfilRedemption } from "../../core/rewards/fulfil-redemption";
import { updateRewardSettings } from "../../core/rewards/update-reward-settings";
import type { Database, Transaction } from "../../db/client";
import { redemptions } from "../../db/schema";
import { ensureWorkerDatabase, workerDatabase } from "../support/database";
import { databaseUrl } from "../support/database-urls";
import {
  createRewardsOrg,
  type RewardsOrg,
  redemptionRow,
  rewardsFixture,
  STARBUCKS_5,
} from "../support/rewards-fixture";

const database = workerDatabase();
const fixture = rewardsFixture();
const root = path.resolve(import.meta.dirname, "../..");

/**
 * An org with a redemption in every state a redemption ends or waits in: fulfilled gift card, charity
 * and custom reward, failed, declined, canceled after a bounce, waiting for approval, for a funding
 * top-up, and to be handed over.
 */
async function realisticMix(db: Database) {
  const deps = fixture.deps();
  const org = await createRewardsOrg(db, deps, { settings: { approvalThreshold: 400 } });
  const ana = await org.hire();
  await org.earn(ana, 5000);
  const redeem = async (input: Parameters<RewardsOrg["redeem"]>[1]) =>
    (await org.redeem(ana, input, deps)).redemption;

  const fulfilled = await redeem(STARBUCKS_5);
  await redeem({ productId: "MSFXUS000001", faceValueMinor: 2000, shareInFeed: true });
  const waiting = await redeem({ productId: "BBUYUS000001", faceValueMinor: 5000 });
  const declined = await redeem({ productId: "BBUYUS000001", faceValueMinor: 10_000 });
  await declineRedemption(db, org.admin.actor, { redemptionId: declined.id, reason: "Budget" });
  const mug = await createCustomReward(db, org.admin.actor, { name: "Mug", pointsPrice: 30 });
  await fulfilRedemption(db, org.admin.actor, {
    redemptionId: (await redeem({ customRewardId: mug.id })).id,
  });
  const handOver = await redeem({ customRewardId: mug.id });
  fixture.sandbox.injectFault({ fault: "insufficient_funds" });
  const submitted = await redeem(STARBUCKS_5);

  const bouncer = await org.hire({ email: `bo-${org.slug}@bounce.example` });
  await org.earn(bouncer, 100);
  const bounced = (await org.redeem(bouncer, STARBUCKS_5, deps)).redemption;
  await cancelReward(db, org.admin.actor, { redemptionId: bounced.id }, deps);

  await updateRewardSettings(db, org.admin.actor, { fundingSourceId: "FS-CLOSED" });
  const failed = await redeem(STARBUCKS_5);
  await updateRewardSettings(db, org.admin.actor, { fundingSourceId: null });

  const statuses = await db
    .select({ status: redemptions.status })
    .from(redemptions)
    .where(eq(redemptions.orgId, org.id));
  expect(new Set(statuses.map((row) => row.status))).toEqual(
    new Set([
      "fulfilled",
      "awaiting_approval",
      "declined",
      "awaiting_fulfillment",
      "submitted",
      "canceled",
      "failed",
    ]),
  );
  return { org, ana, fulfilled, waiting, handOver, submitted, failed };
}

const operator = { kind: "operator" } as const;

/** The checks that fail after `breakIt` runs in a transaction that is then rolled back. */
async function checksFailingAfter(
  db: Database,
  orgId: string,
  breakIt: (tx: Transaction) => Promise<unknown>,
) {
  const rolledBack = new Error("rolled back");
  let failing: string[] = [];
  await db
    .transaction(async (tx) => {
      await breakIt(tx);
      failing = [
        ...new Set((await checkLedger(tx, operator, { orgId })).map((violation) => violation.check)),
      ];
      throw rolledBack;
    })
    .catch((error: unknown) => {
      if (error !== rolledBack) throw error;
    });
  expect(await checkLedger(db, operator, { orgId }), "the rollback left it clean").toEqual([]);
  return failing.sort();
}

/** Settles or releases a redemption's hold straight in the ledger, as no use case ever would. */
async function closedBehindItsBack(db: Database, id: string, close: typeof settleHold | typeof releaseHold) {
  const { orgId, holdTransactionId } = await redemptionRow(db, id);
  return (tx: Transaction) => close(tx, { orgId, holdTransactionId, idempotencyKey: `behind ${id}'s back` });
}

describe("npm run db:check on redemptions", () => {
  it("finds nothing wrong with an org's realistic mix, and each provider order has exactly one redemption", async () => {
    const { db } = await database();
    const { org } = await realisticMix(db);
    expect(await checkLedger(db, operator, { orgId: org.id })).toEqual([]);

    const { stdout } = await promisify(execFile)(
      path.join(root, "node_modules", ".bin", "tsx"),
      ["scripts/cli.ts", "check-ledger", "--org", org.slug],
      { cwd: root, env: { ...process.env, DATABASE_URL: databaseUrl(await ensureWorkerDatabase()) } },
    );
    expect(stdout).toMatch(/^ledger ok: 1 organization, /);

    // The fulfilled card, the donation and the canceled card: nothing else reached the provider.
    const orders = fixture.sandbox.orders();
    expect(orders).toHaveLength(3);
    for (const order of orders) {
      const owners = await db.execute<{ id: string }>(sql`
        select id from redemptions where provider = 'sandbox' and provider_order_id = ${order.id}`);
      expect(
        owners.map((owner) => owner.id),
        `order ${order.id}`,
      ).toEqual([order.external_id]);
    }
    const ordered = await db.execute<{ id: string; provider_order_id: string }>(sql`
      select id, provider_order_id from redemptions where org_id = ${org.id}::uuid and provider_order_id is not null`);
    expect(ordered.map((row) => [row.id, row.provider_order_id]).sort()).toEqual(
      orders.map((order) => [order.external_id, order.id]).sort(),
    );
  });

  it("reports a hold that no open redemption holds", async () => {
    const { db } = await database();
    const { org, ana } = await realisticMix(db);
    const failing = await checksFailingAfter(db, org.id, (tx) =>
      holdPoints(tx, { orgId: org.id, personId: ana.id, amount: 10, idempotencyKey: "a bare hold" }),
    );
    expect(failing).toEqual(["hold_without_open_redemption"]);
  });

  it("reports a redemption whose status says other than its ledger", async () => {
    const { db } = await database();
    const { org, fulfilled, handOver, failed } = await realisticMix(db);
    const setStatus = (tx: Transaction, id: string, status: "canceled" | "awaiting_fulfillment") =>
      tx.update(redemptions).set({ status }).where(eq(redemptions.id, id));
    // Canceled without the reversal that gives the points back.
    // (and without the credit line a cancellation puts on the bill)
    expect(await checksFailingAfter(db, org.id, (tx) => setStatus(tx, fulfilled.id, "canceled"))).toEqual([
      "redemption_ledger_mismatch",
      "redemption_not_billed_once",
    ]);
    // Reopened though its hold was released.
    expect(
      await checksFailingAfter(db, org.id, (tx) => setStatus(tx, failed.id, "awaiting_fulfillment")),
    ).toContain("redemption_ledger_mismatch");
    // Its hold released behind its back while it still waits to be handed over.
    const released = await checksFailingAfter(
      db,
      org.id,
      await closedBehindItsBack(db, handOver.id, releaseHold),
    );
    expect(released).toEqual(["redemption_ledger_mismatch"]);
  });

  it("reports settles of redemption holds that add up to other than the redemptions fulfilled", async () => {
    const { db } = await database();
    const { org, waiting } = await realisticMix(db);
    const failing = await checksFailingAfter(
      db,
      org.id,
      await closedBehindItsBack(db, waiting.id, settleHold),
    );
    expect(failing).toContain("settled_total_differs_from_redemptions");
  });
});
