import { describe, expect, it } from "vitest";
import { deactivatePerson } from "../../core/people/deactivate-person";
import { declineRedemption } from "../../core/rewards/decline-redemption";
import { runDueRedemptions } from "../../core/rewards/run-due-redemptions";
import { updateRewardSettings } from "../../core/rewards/update-reward-settings";
import type { Database } from "../../db/client";
import { expectDomainError, expectLedgerClean } from "../support/assertions";
import { workerDatabase } from "../support/database";
import {
  balancesOf,
  clockAfter,
  createRewardsOrg,
  ledgerKindsOf,
  noticesOf,
  redemptionRow,
  rewardsFixture,
  STARBUCKS_5,
} from "../support/rewards-fixture";

const database = workerDatabase();
const fixture = rewardsFixture();

/**
 * Someone with 200 pts earned whose $5 card is still with the provider (its first attempt was told to
 * slow down) leaves under `policy`; then the provider refuses the order. Returns the balances after.
 */
async function leaverWhoseOrderFails(db: Database, policy: "keep" | "forfeit") {
  const org = await createRewardsOrg(db, fixture.deps(), { leaverPolicy: policy });
  const ana = await org.hire();
  await org.earn(ana, 200);
  fixture.sandbox.injectFault({ fault: "rate_limited", retryAfterSeconds: 1 });
  const { redemption } = await org.redeem(ana, STARBUCKS_5, fixture.deps());
  expect(redemption.status).toBe("submitted");

  const left = await deactivatePerson(db, org.admin.actor, { personId: ana.id });
  expect(left.forfeited).toBe(policy === "forfeit" ? 150 : 0);
  expect(await balancesOf(db, org.id)).toMatchObject({ redemption_hold: 50 });
  // Leavers redeem nothing new, whatever they still hold.
  await expectDomainError(org.redeem(ana, STARBUCKS_5, fixture.deps()), "forbidden");

  // The next attempt meets a 422: a funding source the provider doesn't know.
  await updateRewardSettings(db, org.admin.actor, { fundingSourceId: "FS-CLOSED" });
  const run = await runDueRedemptions(db, org.system, {}, fixture.deps({ clock: clockAfter(61_000) }));
  expect(run).toEqual({ claimed: 1, errors: [] });
  const row = await redemptionRow(db, redemption.id);
  expect(row).toMatchObject({ status: "failed", outcomeReason: expect.stringMatching(/FS-CLOSED/) });
  expect(await ledgerKindsOf(db, row)).toEqual(["hold", "release"]);
  expect(fixture.sandbox.orders()).toEqual([]);
  expect((await noticesOf(db, org.id)).map((notice) => [notice.kind, notice.personId])).toEqual([
    ["redemption.failed", ana.id],
  ]);
  await expectLedgerClean(db, org.id);
  return { balances: await balancesOf(db, org.id), ana };
}

describe("a leaver's redemption that fails after they left", () => {
  it("under 'forfeit', releases the points to the forfeited account, as their balance went", async () => {
    const { db } = await database();
    const { balances, ana } = await leaverWhoseOrderFails(db, "forfeit");
    expect(balances).toMatchObject({ [ana.id]: 0, forfeited: 200, redemption_hold: 0, redeemed: 0 });
  });

  it("under 'keep', releases the points back to them", async () => {
    const { db } = await database();
    const { balances, ana } = await leaverWhoseOrderFails(db, "keep");
    expect(balances).toMatchObject({ [ana.id]: 200, redemption_hold: 0, redeemed: 0 });
    expect(balances.forfeited ?? 0).toBe(0);
  });
});

describe("a leaver's redemption declined after they left", () => {
  it("under 'forfeit', declines to the forfeited account too", async () => {
    const { db } = await database();
    const org = await createRewardsOrg(db, fixture.deps(), {
      leaverPolicy: "forfeit",
      settings: { approvalThreshold: 10 },
    });
    const ana = await org.hire();
    await org.earn(ana, 200);
    const { redemption } = await org.redeem(ana, STARBUCKS_5, fixture.deps());
    expect(redemption.status).toBe("awaiting_approval");
    await deactivatePerson(db, org.admin.actor, { personId: ana.id });

    await declineRedemption(db, org.admin.actor, { redemptionId: redemption.id, reason: "Ana has left." });
    expect(await ledgerKindsOf(db, { orgId: org.id, id: redemption.id })).toEqual(["hold", "release"]);
    expect(await balancesOf(db, org.id)).toMatchObject({ [ana.id]: 0, forfeited: 200, redemption_hold: 0 });
    expect(fixture.sandbox.orders()).toEqual([]);
    await expectLedgerClean(db, org.id);
  });
});
