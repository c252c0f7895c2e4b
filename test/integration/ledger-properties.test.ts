import { sql } from "drizzle-orm";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { boostAllowance } from "../../core/allowances/boost-allowance";
import { setMonthlyAllowance } from "../../core/allowances/set-monthly-allowance";
import { getBalances } from "../../core/giving/get-balances";
import { givePoints } from "../../core/giving/give-points";
import { grantPoints } from "../../core/giving/grant-points";
import { expectLedgerClean } from "../support/assertions";
import { workerDatabase } from "../support/database";
import { createTestOrg, key } from "../support/factories";
import { openRewardShop } from "../support/redemptions";

const database = workerDatabase();
const PEOPLE = 4;

const person = fc.integer({ min: 0, max: PEOPLE - 1 });
const points = fc.integer({ min: 1, max: 60 });
const operation = fc.oneof(
  fc.record({
    op: fc.constant("give" as const),
    giver: person,
    recipients: fc.uniqueArray(person, { minLength: 1, maxLength: 3 }),
    amount: points,
  }),
  fc.record({
    op: fc.constant("setAllowance" as const),
    person,
    amount: fc.option(fc.integer({ min: 0, max: 150 })),
  }),
  fc.record({ op: fc.constant("boost" as const), person, amount: points }),
  fc.record({ op: fc.constant("grant" as const), person, amount: points }),
  // A redemption of a custom reward priced at `amount`: its points are held until it is closed.
  fc.record({ op: fc.constant("redeem" as const), person, amount: points }),
  fc.record({ op: fc.constant("close" as const), redemption: fc.nat(), fulfil: fc.boolean() }),
);

describe("ledger invariants under random operations", () => {
  it("keeps every invariant whatever sequence of gives, allowance changes, boosts, grants and redemptions runs", async () => {
    const { db } = await database();
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 1, maxLength: 25 }), async (operations) => {
        const org = await createTestOrg(db, { defaultMonthlyAllowance: 50, maxPointsPerRecognition: 60 });
        const people = await org.addPeople(PEOPLE);
        const shop = await openRewardShop(db, org);
        const at = (index: number) => {
          const found = people[index];
          if (!found) throw new Error(`no person ${index}`);
          return found;
        };
        // The model: what each person should have earned, and which redemptions still hold points.
        const earned = new Map(people.map((p) => [p.id, 0]));
        const holds: { redemption: { id: string }; personId: string; amount: number; open: boolean }[] = [];
        const credit = (id: string, amount: number) => earned.set(id, (earned.get(id) ?? 0) + amount);
        // This month's allowance as the rules define it: the override or the org default, plus boosts.
        const overrides = new Map<string, number | null>();
        const boosted = new Map<string, number>();
        const entitlement = (id: string) => (overrides.get(id) ?? 50) + (boosted.get(id) ?? 0);

        for (const step of operations) {
          if (step.op === "give") {
            const giver = at(step.giver);
            const recipients = step.recipients.map(at).filter((p) => p.id !== giver.id);
            if (recipients.length === 0) continue;
            const before = (await getBalances(db, giver.actor)).allowance.remaining;
            const needed = step.amount * recipients.length;
            const attempt = givePoints(db, giver.actor, {
              recipientIds: recipients.map((p) => p.id),
              amount: step.amount,
              message: "property",
              source: "web",
              idempotencyKey: key(),
            });
            if (needed <= before) {
              const result = await attempt;
              expect(result.allowanceRemaining).toBe(before - needed);
              for (const r of recipients) credit(r.id, step.amount);
            } else {
              await expect(attempt).rejects.toMatchObject({ code: "insufficient_allowance" });
              expect((await getBalances(db, giver.actor)).allowance.remaining).toBe(before);
            }
          } else if (step.op === "setAllowance") {
            const result = await setMonthlyAllowance(db, org.admin.actor, {
              personIds: [at(step.person).id],
              monthlyAmount: step.amount,
            });
            expect(result.people[0]?.remainingThisMonth).toBeGreaterThanOrEqual(0);
            overrides.set(at(step.person).id, step.amount);
          } else if (step.op === "boost") {
            const target = at(step.person);
            const { allowance } = await getBalances(db, target.actor);
            const boost = await boostAllowance(db, org.admin.actor, {
              personId: target.id,
              amount: step.amount,
              idempotencyKey: key(),
            });
            boosted.set(target.id, (boosted.get(target.id) ?? 0) + step.amount);
            // What is left is the month's allowance less what was given, never below zero: a boost after
            // a cut below what was already given first covers the shortfall.
            expect(boost.remainingThisMonth).toBe(Math.max(0, entitlement(target.id) - allowance.given));
          } else if (step.op === "grant") {
            await grantPoints(db, org.admin.actor, {
              recipientIds: [at(step.person).id],
              amount: step.amount,
              message: "spot award",
              idempotencyKey: key(),
            });
            credit(at(step.person).id, step.amount);
          } else if (step.op === "redeem") {
            const owner = at(step.person);
            const available = earned.get(owner.id) ?? 0;
            const attempt = shop.redeem(owner, step.amount);
            if (step.amount <= available) {
              holds.push({ redemption: await attempt, personId: owner.id, amount: step.amount, open: true });
              credit(owner.id, -step.amount);
            } else {
              await expect(attempt).rejects.toMatchObject({ code: "insufficient_points" });
            }
          } else if (holds.length > 0) {
            const hold = holds[step.redemption % holds.length];
            if (!hold) continue;
            // Fulfilling settles the hold into redeemed; failing releases it to the person.
            const attempt = step.fulfil ? shop.fulfil(hold.redemption) : shop.fail(hold.redemption);
            if (hold.open) {
              await attempt;
              hold.open = false;
              if (!step.fulfil) credit(hold.personId, hold.amount);
            } else {
              await expect(attempt).rejects.toMatchObject({ code: "conflict" });
            }
          }
        }

        for (const p of people) {
          const balances = await getBalances(db, p.actor);
          expect(balances.earned.balance).toBe(earned.get(p.id));
          expect(balances.allowance.remaining).toBeGreaterThanOrEqual(0);
        }
        const [held] = await db.execute<{ held: string }>(sql`
          select coalesce(sum(e.amount), 0) as held from ledger_entries e
          join ledger_accounts a on a.id = e.account_id
          where a.org_id = ${org.id}::uuid and a.kind = 'redemption_hold'`);
        expect(Number(held?.held)).toBe(holds.filter((h) => h.open).reduce((sum, h) => sum + h.amount, 0));
        await expectLedgerClean(db, org.id);
      }),
      { numRuns: 100 },
    );
    // A hundred sequences, each checked against the whole ledger: about 20 s alone, more on a busy machine.
  }, 120_000);
});
