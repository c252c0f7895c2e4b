import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getBalances } from "../../core/giving/get-balances";
import { givePoints } from "../../core/giving/give-points";
import { lockEarnedSlots } from "../../core/ledger/accounts";
import { isDomainError } from "../../core/shared/errors";
import { expectLedgerClean } from "../support/assertions";
import { workerDatabase } from "../support/database";
import { createTestOrg, key } from "../support/factories";
import { openRewardShop } from "../support/redemptions";

const database = workerDatabase();

describe("giving under concurrency", () => {
  it("lets exactly 14 of 200 simultaneous 7-point gives through a 100-point allowance", async () => {
    const { db } = await database();
    const org = await createTestOrg(db, { defaultMonthlyAllowance: 100 });
    const giver = await org.addPerson();
    const recipients = await org.addPeople(10);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 200 }, (_, i) =>
        givePoints(
          db,
          giver.actor,
          {
            recipientIds: [recipients[i % recipients.length]?.id ?? ""],
            amount: 7,
            message: "Thanks",
            source: "web",
            idempotencyKey: key(),
          },
          undefined,
          // The allowance's guard under a burst the per-person give limit would stop long before.
          null,
        ),
      ),
    );
    const succeeded = outcomes.filter((outcome) => outcome.status === "fulfilled");
    const refused = outcomes.filter((outcome) => outcome.status === "rejected");
    expect(succeeded).toHaveLength(14);
    expect(refused.every((outcome) => isDomainError(outcome.reason, "insufficient_allowance"))).toBe(true);
    const balances = await getBalances(db, giver.actor);
    expect(balances.allowance.remaining).toBe(2);
    expect(balances.allowance.given).toBe(98);
    const [earned] = await db.execute<{ total: string }>(sql`
      select sum(balance) as total from ledger_accounts where org_id = ${org.id}::uuid and kind = 'earned'`);
    expect(Number(earned?.total)).toBe(98);
    await expectLedgerClean(db, org.id);
  });

  it("credits one person exactly when 200 people thank them at once", async () => {
    const { db } = await database();
    const org = await createTestOrg(db, { defaultMonthlyAllowance: 100 });
    const star = await org.addPerson();
    const givers = await org.addPeople(200);
    const results = await Promise.all(
      givers.map((giver, i) =>
        givePoints(db, giver.actor, {
          recipientIds: [star.id],
          amount: (i % 5) + 1,
          message: "Great demo",
          source: "slack",
          idempotencyKey: key(),
        }),
      ),
    );
    const expected = givers.reduce((sum, _, i) => sum + (i % 5) + 1, 0);
    expect(results).toHaveLength(200);
    // Each give reports the balance it saw, which gives committing alongside it may not be part of yet.
    for (const result of results) {
      expect(result.earnedBalances[star.id]).toBeGreaterThan(0);
      expect(result.earnedBalances[star.id]).toBeLessThanOrEqual(expected);
    }
    expect((await getBalances(db, star.actor)).earned.balance).toBe(expected);
    await expectLedgerClean(db, org.id);

    // The credits landed on several slots; one redemption can still hold all of it, and no slot goes
    // below zero.
    const slots = await lockEarnedSlots(db, org.id, star.id);
    expect(slots.length).toBeGreaterThan(1);
    const shop = await openRewardShop(db, org);
    await shop.redeem(star, expected);
    expect((await getBalances(db, star.actor)).earned.balance).toBe(0);
    expect((await lockEarnedSlots(db, org.id, star.id)).every((slot) => slot.balance === 0)).toBe(true);
    await expectLedgerClean(db, org.id);
  });
});

describe("idempotency", () => {
  it("takes effect once when the same give arrives 10 times at once, and tells every caller the same", async () => {
    const { db } = await database();
    const org = await createTestOrg(db);
    const [giver, ana] = await org.addPeople(2);
    if (!giver || !ana) throw new Error("people not created");
    const request = {
      recipientIds: [ana.id],
      amount: 10,
      message: "Thanks for the review",
      source: "slack" as const,
      idempotencyKey: `C123:1700000000.000100:${ana.id}`,
    };
    const results = await Promise.all(Array.from({ length: 10 }, () => givePoints(db, giver.actor, request)));
    const { replayed: _first, ...firstResult } = results[0] ?? { replayed: false };
    for (const { replayed: _, ...result } of results) expect(result).toEqual(firstResult);
    expect(results.filter((result) => !result.replayed)).toHaveLength(1);

    const retried = await givePoints(db, giver.actor, request);
    expect(retried.replayed).toBe(true);
    expect(retried.recognitionId).toBe(results[0]?.recognitionId);

    const [counts] = await db.execute<{ recognitions: string; gives: string }>(sql`
      select (select count(*) from recognitions where org_id = ${org.id}::uuid) as recognitions,
             (select count(*) from ledger_transactions where org_id = ${org.id}::uuid and kind = 'give') as gives`);
    expect(counts).toEqual({ recognitions: "1", gives: "1" });
    expect((await getBalances(db, ana.actor)).earned.balance).toBe(10);
    await expectLedgerClean(db, org.id);
  });

  it("treats the same key with a different request as a conflict, even when both arrive together", async () => {
    const { db } = await database();
    const org = await createTestOrg(db);
    const [giver, ana] = await org.addPeople(2);
    if (!giver || !ana) throw new Error("people not created");
    const idempotencyKey = key();
    const base = { recipientIds: [ana.id], message: "Thanks", source: "web" as const, idempotencyKey };
    const outcomes = await Promise.allSettled([
      givePoints(db, giver.actor, { ...base, amount: 5 }),
      givePoints(db, giver.actor, { ...base, amount: 6 }),
    ]);
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    const refused = outcomes.find((outcome) => outcome.status === "rejected");
    expect(refused?.status === "rejected" && isDomainError(refused.reason, "idempotency_conflict")).toBe(
      true,
    );
    await expectLedgerClean(db, org.id);
  });
});
