import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getBalances } from "../../core/giving/get-balances";
import { grantPoints } from "../../core/giving/grant-points";
import { holdPoints } from "../../core/ledger/holds";
import { updateOrgSettings } from "../../core/org/update-org-settings";
import { deactivatePerson } from "../../core/people/deactivate-person";
import { declineRedemption } from "../../core/rewards/decline-redemption";
import { isDomainError } from "../../core/shared/errors";
import type { Database } from "../../db/client";
import { customRewards, ledgerTransactions, redemptions } from "../../db/schema";
import { defined, expectLedgerClean, inRolledBackTransaction, ledgerViolations } from "../support/assertions";
import { workerDatabase } from "../support/database";
import { createTestOrg, key, type TestOrg, type TestPerson } from "../support/factories";
import { systemTotal } from "../support/ledger";
import { holdTransactionOf, openRewardShop } from "../support/redemptions";

const database = workerDatabase();

/** An org that redeems, and Ana, who has earned `points`. */
async function redeemer(db: Database, points = 100) {
  const org = await createTestOrg(db);
  const ana = await org.addPerson({ name: "Ana" });
  await grantPoints(db, org.admin.actor, {
    recipientIds: [ana.id],
    amount: points,
    message: "Spot award",
    idempotencyKey: key(),
  });
  return { org, ana, shop: await openRewardShop(db, org) };
}

async function earned(db: Database, org: TestOrg, person: TestPerson): Promise<number> {
  return (await getBalances(db, org.system, { personId: person.id })).earned.balance;
}

async function stockOf(db: Database, reward: { id: string }): Promise<number | null> {
  const [row] = await db
    .select({ stock: customRewards.stock })
    .from(customRewards)
    .where(eq(customRewards.id, reward.id));
  return defined(row, "the reward").stock;
}

/** The kind of the transaction that closed a redemption's hold, or null while it is open. */
async function closedBy(db: Database, redemption: { id: string }): Promise<string | null> {
  const [row] = await db
    .select({ kind: ledgerTransactions.kind })
    .from(redemptions)
    .leftJoin(ledgerTransactions, eq(ledgerTransactions.id, redemptions.closeTransactionId))
    .where(eq(redemptions.id, redemption.id));
  return defined(row, "the redemption").kind;
}

describe("the ledger checks of redemptions", () => {
  it("reports an open hold that belongs to no redemption", async () => {
    const { db } = await database();
    const { org, ana, shop } = await redeemer(db);
    // A redemption's open hold is what the check allows.
    await shop.redeem(ana, 10);
    await expectLedgerClean(db, org.id);

    // No use case holds points outside a redemption: the stray hold is made, checked and rolled back.
    const [violations, hold] = await inRolledBackTransaction(db, async (tx) => {
      const stray = await holdPoints(tx, {
        orgId: org.id,
        personId: ana.id,
        amount: 20,
        idempotencyKey: key(),
      });
      return [await ledgerViolations(tx, org.id), stray] as const;
    });

    expect(violations).toEqual([
      {
        check: "hold_without_open_redemption",
        orgId: org.id,
        detail: `hold ${hold} is neither closed nor held for an open redemption`,
      },
    ]);
    await expectLedgerClean(db, org.id);
  });

  it("finds a fulfilled redemption consistent, and reports a redemption whose row disagrees with its ledger", async () => {
    const { db } = await database();
    const { org, ana, shop } = await redeemer(db);
    const fulfilled = await shop.fulfil(await shop.redeem(ana, 30));
    const open = await shop.redeem(ana, 20);
    expect(fulfilled.status).toBe("fulfilled");
    expect(await closedBy(db, fulfilled)).toBe("settle");
    expect(await systemTotal(db, org.id, "redeemed")).toBe(30);
    await expectLedgerClean(db, org.id);

    // Each row is broken on purpose, checked and rolled back.
    const broken = [
      {
        what: "a fulfilled redemption priced above what its hold moved",
        statement: sql`update redemptions set points = 31 where id = ${fulfilled.id}::uuid`,
        details: [
          `redemption ${fulfilled.id} is fulfilled for 31 pts but its hold moved 30, closed by settle`,
          "settles of redemption holds total 30 pts but fulfilled and canceled redemptions 31",
        ],
      },
      {
        what: "a redemption marked fulfilled whose hold was never settled",
        statement: sql`update redemptions set status = 'fulfilled' where id = ${open.id}::uuid`,
        details: [
          `hold ${await holdTransactionOf(db, open)} is neither closed nor held for an open redemption`,
          `redemption ${open.id} is fulfilled for 20 pts but its hold moved 20, closed by nothing`,
          "settles of redemption holds total 30 pts but fulfilled and canceled redemptions 50",
          `redemption ${open.id} (fulfilled) has 0 charge and 0 credit lines`,
        ],
      },
    ];
    for (const { what, statement, details } of broken) {
      const violations = await inRolledBackTransaction(db, async (tx) => {
        await tx.execute(statement);
        return ledgerViolations(tx, org.id);
      });
      expect(violations.map((violation) => violation.detail).sort(), what).toEqual([...details].sort());
    }
    await expectLedgerClean(db, org.id);
  });
});

describe("custom rewards in the ledger", () => {
  it("hands out a reward with 5 in stock exactly 5 times when 20 people ask for it at once", async () => {
    const { db } = await database();
    const org = await createTestOrg(db);
    const people = await org.addPeople(20);
    await grantPoints(db, org.admin.actor, {
      recipientIds: people.map((person) => person.id),
      amount: 50,
      message: "Spot award",
      idempotencyKey: key(),
    });
    const shop = await openRewardShop(db, org);
    const reward = await shop.addReward(30, { stock: 5 });

    const outcomes = await Promise.allSettled(people.map((person) => shop.redeem(person, reward)));

    const redeemed = outcomes.flatMap((outcome) => (outcome.status === "fulfilled" ? [outcome.value] : []));
    const refused = outcomes.flatMap((outcome) => (outcome.status === "rejected" ? [outcome.reason] : []));
    expect(redeemed).toHaveLength(5);
    expect(redeemed.every((redemption) => redemption.status === "awaiting_fulfillment")).toBe(true);
    expect(refused).toHaveLength(15);
    expect(refused.every((reason) => isDomainError(reason, "out_of_stock"))).toBe(true);
    expect(await stockOf(db, reward)).toBe(0);
    expect(await systemTotal(db, org.id, "redemption_hold")).toBe(5 * 30);
    await expectLedgerClean(db, org.id);
  });

  it("fails redemptions of a reward while their owner asks for it again, all at once, without a deadlock", async () => {
    const { db } = await database();
    const { org, ana, shop } = await redeemer(db);
    const reward = await shop.addReward(5, { stock: 20 });
    const open = [];
    for (let i = 0; i < 10; i += 1) open.push(await shop.redeem(ana, reward));

    // A failure puts the reward back and releases Ana's points; a request takes the reward and holds them.
    const outcomes = await Promise.allSettled([
      ...open.map((redemption) => shop.fail(redemption)),
      ...open.map(() => shop.redeem(ana, reward)),
    ]);

    expect(outcomes.flatMap((outcome) => (outcome.status === "rejected" ? [outcome.reason] : []))).toEqual(
      [],
    );
    expect(await stockOf(db, reward)).toBe(10);
    expect(await earned(db, org, ana)).toBe(50);
    expect(await systemTotal(db, org.id, "redemption_hold")).toBe(50);
    await expectLedgerClean(db, org.id);
  });

  it.each([
    { policy: "forfeit", forfeitedOnLeaving: 70, backToPerson: 0 },
    { policy: "keep", forfeitedOnLeaving: 0, backToPerson: 30 },
  ] as const)(
    "returns a failed redemption's points of a leaver as the $policy policy says",
    async ({ policy, forfeitedOnLeaving, backToPerson }) => {
      const { db } = await database();
      const { org, ana, shop } = await redeemer(db);
      await updateOrgSettings(db, org.admin.actor, { leaverPolicy: policy });
      const held = await shop.redeem(ana, 30);

      // Deactivation forfeits (or keeps) the earned balance; the held 30 wait for the redemption.
      const left = await deactivatePerson(db, org.admin.actor, { personId: ana.id });
      expect(left.forfeited).toBe(forfeitedOnLeaving);
      await shop.fail(held);

      expect(await closedBy(db, held)).toBe("release");
      expect(await earned(db, org, ana)).toBe(100 - 30 - forfeitedOnLeaving + backToPerson);
      expect(await systemTotal(db, org.id, "forfeited")).toBe(forfeitedOnLeaving + 30 - backToPerson);
      expect(await systemTotal(db, org.id, "redemption_hold")).toBe(0);
      await expectLedgerClean(db, org.id);
    },
  );

  it("declines a redemption that waited for approval: the points go back, with the reason, and the reward is on the shelf again", async () => {
    const { db } = await database();
    const { org, ana, shop } = await redeemer(db);
    const reward = await shop.addReward(40, { stock: 1, requiresApproval: true });
    const asked = await shop.redeem(ana, reward);
    expect(asked.status).toBe("awaiting_approval");
    expect(await earned(db, org, ana)).toBe(60);
    expect(await stockOf(db, reward)).toBe(0);
    await expectLedgerClean(db, org.id);

    const declined = await declineRedemption(db, org.admin.actor, {
      redemptionId: asked.id,
      reason: "Not this quarter.",
    });

    expect(declined).toMatchObject({ status: "declined", outcomeReason: "Not this quarter." });
    expect(await closedBy(db, asked)).toBe("release");
    expect(await earned(db, org, ana)).toBe(100);
    expect(await stockOf(db, reward)).toBe(1);
    await expectLedgerClean(db, org.id);
  });
});
