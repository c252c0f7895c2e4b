import { and, eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { listAuditLog } from "../../core/org/list-audit-log";
import { failRedemption } from "../../core/rewards/fail-redemption";
import { fulfilRedemption } from "../../core/rewards/fulfil-redemption";
import { getRedemption } from "../../core/rewards/get-redemption";
import { listRedemptions } from "../../core/rewards/list-redemptions";
import { retryRedemption } from "../../core/rewards/retry-redemption";
import { runDueRedemptions } from "../../core/rewards/run-due-redemptions";
import { updateRewardSettings } from "../../core/rewards/update-reward-settings";
import type { Clock } from "../../core/shared/clock";
import type { Database } from "../../db/client";
import { redemptions } from "../../db/schema";
import { defined, expectDomainError, expectLedgerClean } from "../support/assertions";
import { workerDatabase } from "../support/database";
import { key, type TestPerson } from "../support/factories";
import { orderRequest, SANDBOX_API_KEY } from "../support/provider-sandbox";
import {
  armedFaults,
  balancesOf,
  clockAfter,
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
const fixture = rewardsFixture();

/** Well past the request's lease and any first backoff: when background work takes over. */
const PAST_THE_LEASE_MS = 61_000;
/** The adapter's patience in the hang tests: a request that hangs longer has failed. */
const SHORT_TIMEOUT_MS = 300;

async function orgWithEarner(db: Database): Promise<[RewardsOrg, TestPerson]> {
  const org = await createRewardsOrg(db, fixture.deps());
  const ana = await org.hire();
  await org.earn(ana, 200);
  return [org, ana];
}

/** One pass of the org's background work at `clock`; the claims it made must all have gone through. */
async function runWorker(db: Database, org: RewardsOrg, clock: Clock): Promise<number> {
  const run = await runDueRedemptions(db, org.system, {}, fixture.deps({ clock }));
  expect(run.errors).toEqual([]);
  return run.claimed;
}

/** The request was left `submitted`, its points held, with what went wrong recorded for the next attempt. */
async function expectLeftSubmitted(db: Database, id: string, lastError: RegExp) {
  const row = await redemptionRow(db, id);
  expect(row).toMatchObject({ status: "submitted", attempts: 1, closeTransactionId: null });
  expect(row.lastError).toMatch(lastError);
  expect(JSON.stringify(row), "what is kept of a failure never holds the API key").not.toContain(
    SANDBOX_API_KEY,
  );
  expect(await ledgerKindsOf(db, row)).toEqual(["hold"]);
  return row;
}

describe("a provider that loses its answer", () => {
  const lost = [
    {
      what: "500 after storing the order: background work finds that order by its external id and settles",
      fault: "error_after_saving",
      error: /^The provider answered 500/,
      stored: true,
    },
    {
      what: "a hang before anything is stored, past the adapter's timeout: background work orders it once",
      fault: "hang",
      error: /did not answer within 300 ms/,
      stored: false,
    },
    {
      what: "a hang after the order is stored: background work finds it rather than ordering again",
      fault: "hang_after_saving",
      error: /did not answer within 300 ms/,
      stored: true,
    },
  ] as const;

  it.each(lost)("$what", async ({ fault, error, stored }) => {
    const { db } = await database();
    const [org, ana] = await orgWithEarner(db);
    fixture.sandbox.injectFault({ fault });
    const { redemption } = await org.redeem(ana, STARBUCKS_5, fixture.deps({ timeoutMs: SHORT_TIMEOUT_MS }));
    expect(redemption.status).toBe("submitted");
    await expectLeftSubmitted(db, redemption.id, error);
    const storedIds = fixture.sandbox.orders().map((order) => order.external_id);
    expect(storedIds).toEqual(stored ? [redemption.id] : []);

    expect(await runWorker(db, org, clockAfter(PAST_THE_LEASE_MS))).toBe(1);
    const row = await expectFulfilledOnce(db, fixture, redemption.id);
    expect(row.attempts).toBe(2);
    expect(await balancesOf(db, org.id)).toMatchObject({ [ana.id]: 150, redemption_hold: 0, redeemed: 50 });
    await expectLedgerClean(db, org.id);
  });
});

describe("a link order whose answer was lost", () => {
  it("gets its owner a fresh link from the order found again, sealed like the first", async () => {
    const { db } = await database();
    const org = await createRewardsOrg(db, fixture.deps(), { settings: { deliveryMethod: "link" } });
    const ana = await org.hire();
    await org.earn(ana, 100);
    fixture.sandbox.injectFault({ fault: "error_after_saving" });
    const { redemption } = await org.redeem(ana, STARBUCKS_5, fixture.deps());
    expect(redemption).toMatchObject({ status: "submitted", giftLink: null });

    expect(await runWorker(db, org, clockAfter(PAST_THE_LEASE_MS))).toBe(1);
    const row = await expectFulfilledOnce(db, fixture, redemption.id);
    expect(row.giftLinkEncrypted).toMatch(/^v1\./);
    const { giftLink } = await getRedemption(db, ana.actor, { redemptionId: redemption.id });
    expect(giftLink).toMatch(new RegExp(`^${fixture.sandbox.url}/redeem/`));
    expect((await fetch(giftLink ?? "")).status).toBe(200);
  });
});

describe("a provider that asks to slow down", () => {
  it("429 with Retry-After: the next attempt waits exactly that long, then settles", async () => {
    const { db } = await database();
    const [org, ana] = await orgWithEarner(db);
    const at = new Date();
    fixture.sandbox.injectFault({ fault: "rate_limited", retryAfterSeconds: 90 });
    const { redemption } = await org.redeem(ana, STARBUCKS_5, fixture.deps({ clock: () => at }));
    const row = await expectLeftSubmitted(db, redemption.id, /^The provider answered 429/);
    expect(row.nextAttemptAt).toEqual(new Date(at.getTime() + 90_000));
    expect(fixture.sandbox.orders()).toEqual([]);

    // Past the request's lease but before the provider's wait is over: not yet.
    expect(await runWorker(db, org, clockAfter(89_000, at))).toBe(0);
    expect((await redemptionRow(db, redemption.id)).status).toBe("submitted");
    expect(await runWorker(db, org, clockAfter(90_000, at))).toBe(1);
    await expectFulfilledOnce(db, fixture, redemption.id);
    await expectLedgerClean(db, org.id);
  });
});

describe("a funding source that can't pay", () => {
  it("keeps the points held and tells admins, and an admin's retry after the top-up settles", async () => {
    const { db } = await database();
    const [org, ana] = await orgWithEarner(db);
    fixture.sandbox.reset(100);
    const { redemption } = await org.redeem(ana, STARBUCKS_5, fixture.deps());
    await expectLeftSubmitted(db, redemption.id, /^The provider answered 402/);
    const attention = await listRedemptions(db, org.admin.actor, { queue: "attention" });
    expect(attention.items.map((item) => [item.id, item.status])).toEqual([[redemption.id, "submitted"]]);
    expect(attention.items[0]?.handling?.attentionReason).toMatch(/funding source can't pay/);
    expect(await balancesOf(db, org.id)).toMatchObject({ [ana.id]: 150, redemption_hold: 50 });
    expect(await noticesOf(db, org.id)).toEqual([]);

    fixture.sandbox.reset(500_000);
    const retried = await retryRedemption(
      db,
      org.admin.actor,
      { redemptionId: redemption.id },
      fixture.deps(),
    );
    expect(retried).toMatchObject({ status: "fulfilled", handling: { attentionReason: null } });
    await expectFulfilledOnce(db, fixture, redemption.id);
    expect((await listRedemptions(db, org.admin.actor, { queue: "attention" })).items).toEqual([]);
    expect(await balancesOf(db, org.id)).toMatchObject({ [ana.id]: 150, redemption_hold: 0, redeemed: 50 });
    await expectLedgerClean(db, org.id);
  });
});

describe("a provider that refuses the order", () => {
  it("422: releases the points with the provider's reason and tells the person", async () => {
    const { db } = await database();
    const [org, ana] = await orgWithEarner(db);
    // A funding source the provider doesn't know: Tremendous validates it before charging anything.
    await updateRewardSettings(db, org.admin.actor, { fundingSourceId: "FS-CLOSED" });
    const { redemption } = await org.redeem(ana, STARBUCKS_5, fixture.deps());
    expect(redemption).toMatchObject({
      status: "failed",
      outcomeReason:
        "The provider refused the order: The provider answered 422: No funding source with id FS-CLOSED. Your points are back.",
    });
    expect(fixture.sandbox.orders()).toEqual([]);
    expect(await ledgerKindsOf(db, { orgId: org.id, id: redemption.id })).toEqual(["hold", "release"]);
    expect(await balancesOf(db, org.id)).toMatchObject({ [ana.id]: 200, redemption_hold: 0 });
    expect(await noticesOf(db, org.id)).toMatchObject([
      { kind: "redemption.failed", personId: ana.id, payload: { reason: redemption.outcomeReason } },
    ]);
    // Nothing is left for background work.
    expect(await runWorker(db, org, clockAfter(PAST_THE_LEASE_MS))).toBe(0);
    await expectLedgerClean(db, org.id);
  });
});

describe("a provider holding another order under the redemption's id", () => {
  /**
   * A redemption whose order the provider answers with 409: while the request's own order hangs on
   * its way, an order with the redemption's id and other details reaches the provider first.
   */
  async function conflicted(db: Database): Promise<[RewardsOrg, string]> {
    const [org, ana] = await orgWithEarner(db);
    const idempotencyKey = key();
    fixture.sandbox.injectFault({ fault: "hang", ms: 500 });
    const request = org.redeem(ana, { ...STARBUCKS_5, idempotencyKey }, fixture.deps());
    const id = await vi.waitFor(
      async () => {
        const [row] = await db
          .select({ id: redemptions.id })
          .from(redemptions)
          .where(and(eq(redemptions.orgId, org.id), eq(redemptions.idempotencyKey, idempotencyKey)));
        expect(await armedFaults(fixture), "the request's order is on its way").toEqual([]);
        return defined(row, "the redemption").id;
      },
      { timeout: 2_000, interval: 10 },
    );
    await fixture.adapter().placeOrder(orderRequest({ externalId: id, faceValueMinor: 1000 }));
    const { redemption } = await request;
    expect(redemption.status).toBe("needs_attention");
    return [org, id];
  }

  async function expectParked(db: Database, org: RewardsOrg, id: string) {
    const row = await redemptionRow(db, id);
    expect(row).toMatchObject({ status: "needs_attention", nextAttemptAt: null, closeTransactionId: null });
    expect(row.lastError).toMatch(/^The provider answered 409/);
    expect(row.attentionReason).toMatch(/different order under this redemption's id/);
    expect(await ledgerKindsOf(db, row)).toEqual(["hold"]);
    const attention = await listRedemptions(db, org.admin.actor, { queue: "attention" });
    expect(attention.items.map((item) => item.id)).toEqual([id]);
    // Never released, never retried on its own.
    expect(await runWorker(db, org, clockAfter(24 * 60 * 60_000))).toBe(0);
    expect(await balancesOf(db, org.id)).toMatchObject({ redemption_hold: 50 });
  }

  /** The audit log's entries about the redemption, as an admin reads them. */
  async function auditOf(db: Database, org: RewardsOrg, id: string) {
    const { entries } = await listAuditLog(db, org.admin.actor);
    return entries
      .filter((entry) => entry.targetId === id)
      .map(({ action, actor, before, after }) => ({ action, actor: actor?.id, before, after }));
  }

  it("parks it for an admin, who finds it went through and marks it fulfilled, on the record", async () => {
    const { db } = await database();
    const [org, id] = await conflicted(db);
    await expectParked(db, org, id);

    const note = "The provider's order was checked: it is ours.";
    const done = await fulfilRedemption(db, org.admin.actor, { redemptionId: id, note });
    expect(done.status).toBe("fulfilled");
    expect(await ledgerKindsOf(db, { orgId: org.id, id })).toEqual(["hold", "settle"]);
    expect(fixture.sandbox.orders().filter((order) => order.external_id === id)).toHaveLength(1);
    expect(await auditOf(db, org, id)).toEqual([
      {
        action: "redemption.fulfil",
        actor: org.admin.id,
        before: expect.objectContaining({ status: "needs_attention" }),
        after: expect.objectContaining({ status: "fulfilled", reason: note }),
      },
    ]);
    await expectLedgerClean(db, org.id);
  });

  it("parks it for an admin, who fails it: the points go back once, on the record", async () => {
    const { db } = await database();
    const [org, id] = await conflicted(db);
    await expectParked(db, org, id);

    const reason = "The provider's order was someone else's; we couldn't place yours.";
    const failed = await failRedemption(db, org.admin.actor, { redemptionId: id, reason });
    expect(failed).toMatchObject({ status: "failed", outcomeReason: reason });
    expect(await ledgerKindsOf(db, { orgId: org.id, id })).toEqual(["hold", "release"]);
    expect(await balancesOf(db, org.id)).toMatchObject({ redemption_hold: 0, redeemed: 0 });
    expect(await auditOf(db, org, id)).toEqual([
      {
        action: "redemption.fail",
        actor: org.admin.id,
        before: expect.objectContaining({ status: "needs_attention" }),
        after: expect.objectContaining({ status: "failed", reason }),
      },
    ]);
    await expectDomainError(fulfilRedemption(db, org.admin.actor, { redemptionId: id }), "conflict");
    await expectLedgerClean(db, org.id);
  });
});
