import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { listFeed } from "../../core/feed/list-feed";
import { listPersonHistory } from "../../core/feed/list-person-history";
import { addToRecognition } from "../../core/giving/add-to-recognition";
import { getBalances } from "../../core/giving/get-balances";
import { givePoints } from "../../core/giving/give-points";
import { isDomainError } from "../../core/shared/errors";
import { expectDomainError, expectLedgerClean } from "../support/assertions";
import { workerDatabase } from "../support/database";
import { createTestOrg, key, type TestPerson } from "../support/factories";
import { expectRefusedWithoutWrites } from "../support/footprint";

const database = workerDatabase();

async function setup() {
  const { db } = await database();
  const org = await createTestOrg(db, { defaultMonthlyAllowance: 100 });
  const [giver, ana, ben, cy, dee] = await org.addPeople(5);
  if (!giver || !ana || !ben || !cy || !dee) throw new Error("people not created");
  const original = await givePoints(db, giver.actor, {
    recipientIds: [ana.id, ben.id],
    amount: 10,
    message: "Shipped the launch together",
    source: "web",
    idempotencyKey: key(),
  });
  const addOn = (
    by: TestPerson,
    amount: number,
    idempotencyKey = key(),
    recognitionId = original.recognitionId,
  ) => addToRecognition(db, by.actor, { recognitionId, amount, idempotencyKey }, undefined, null);
  return { db, org, giver, ana, ben, cy, dee, original, addOn };
}

describe("adding points to a recognition", () => {
  it("gives the same people more from the adder's allowance, shown on the recognition and not as its own", async () => {
    const { db, org, ana, ben, cy, dee, giver, original, addOn } = await setup();
    const added = await addOn(cy, 5);
    await addOn(dee, 3);
    await addOn(cy, 2);

    expect(added.addedTo).toBe(original.recognitionId);
    // Each add-on is per recipient: 5 for Ana and 5 for Ben cost Cy 10.
    expect((await getBalances(db, cy.actor)).allowance.remaining).toBe(100 - 10 - 4);
    expect((await getBalances(db, dee.actor)).allowance.remaining).toBe(100 - 6);
    expect((await getBalances(db, ana.actor)).earned.balance).toBe(10 + 5 + 3 + 2);
    expect((await getBalances(db, ben.actor)).earned.balance).toBe(20);

    const feed = await listFeed(db, giver.actor, {});
    expect(feed.items.map((item) => item.id)).toEqual([original.recognitionId]);
    expect(feed.items[0]).toMatchObject({ addOns: { points: 10, people: 2 }, addedTo: null });
    // Ana's history lists each add-on with what it added to, beside the original.
    const history = await listPersonHistory(db, ana.actor, { personId: ana.id, direction: "received" });
    expect(history.items.map((item) => item.addedTo)).toEqual([
      original.recognitionId,
      original.recognitionId,
      original.recognitionId,
      null,
    ]);
    expect(history.items[0]?.message).toBe("Added to “Shipped the launch together”");
    await expectLedgerClean(db, org.id);
  });

  it("adds to the original when named an add-on, and takes effect once per key", async () => {
    const { db, org, cy, dee, original, addOn } = await setup();
    const first = await addOn(cy, 5, "cy-once");
    const again = await addOn(cy, 5, "cy-once");
    expect(again).toMatchObject({ replayed: true, recognitionId: first.recognitionId });
    await expectRefusedWithoutWrites(db, [org.id], "idempotency_conflict", () => addOn(cy, 6, "cy-once"));
    const onAddOn = await addOn(dee, 4, key(), first.recognitionId);
    expect(onAddOn.addedTo).toBe(original.recognitionId);
    const [row] = await db.execute<{ count: string }>(sql`
      select count(*) from recognitions where org_id = ${org.id}::uuid and add_on_to = ${original.recognitionId}::uuid`);
    expect(Number(row?.count)).toBe(2);
  });

  it("refuses a recipient, points out of range and another org's recognition, changing nothing", async () => {
    const { db, org, ana, cy, addOn } = await setup();
    const refusal = await expectRefusedWithoutWrites(db, [org.id], "self_give", () => addOn(ana, 5));
    expect(refusal.message).toBe("You can't add points to a recognition you received.");
    await expectRefusedWithoutWrites(db, [org.id], "amount_out_of_range", () => addOn(cy, 1000));
    await expectRefusedWithoutWrites(db, [org.id], "insufficient_allowance", () => addOn(cy, 60));
    const other = await createTestOrg(db);
    const stranger = await other.addPerson();
    await expectDomainError(addOn(stranger, 5), "not_found");
    await expectDomainError(addOn(cy, 5, key(), "00000000-0000-4000-8000-000000000000"), "not_found");
  });

  it("lets exactly 10 of 50 simultaneous 5-point add-ons for two people through a 100-point allowance", async () => {
    const { db, org, ana, ben, cy, original, addOn } = await setup();
    const outcomes = await Promise.allSettled(Array.from({ length: 50 }, () => addOn(cy, 5)));
    const added = outcomes.filter((outcome) => outcome.status === "fulfilled");
    const refused = outcomes.filter((outcome) => outcome.status === "rejected");
    expect(added).toHaveLength(10);
    expect(refused.every((outcome) => isDomainError(outcome.reason, "insufficient_allowance"))).toBe(true);
    expect((await getBalances(db, cy.actor)).allowance.remaining).toBe(0);
    expect((await getBalances(db, ana.actor)).earned.balance).toBe(10 + 50);
    expect((await getBalances(db, ben.actor)).earned.balance).toBe(10 + 50);
    const feed = await listFeed(db, cy.actor, {});
    expect(feed.items.find((item) => item.id === original.recognitionId)).toMatchObject({
      addOns: { points: 50, people: 1 },
    });
    await expectLedgerClean(db, org.id);
  });
});
