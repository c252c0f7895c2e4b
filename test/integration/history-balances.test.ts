import { describe, expect, it } from "vitest";
import { listPersonHistory } from "../../core/feed/list-person-history";
import { givePoints } from "../../core/giving/give-points";
import { grantPoints } from "../../core/giving/grant-points";
import { expectDomainError } from "../support/assertions";
import { workerDatabase } from "../support/database";
import { createTestOrg, key, type TestPerson } from "../support/factories";

const database = workerDatabase();

describe("a person's history with their running earned balance", () => {
  it("gives each item the earned balance just after it, and leaves others' histories without it", async () => {
    const { db } = await database();
    const org = await createTestOrg(db, { defaultMonthlyAllowance: 100 });
    const ana = await org.addPerson({ name: "Ana" });
    const ben = await org.addPerson({ name: "Ben" });
    const give = (from: TestPerson, to: TestPerson, amount: number) =>
      givePoints(db, from.actor, {
        recipientIds: [to.id],
        amount,
        message: `${amount} from ${from.id}`,
        source: "web",
        idempotencyKey: key(),
      });
    await give(ben, ana, 20);
    await give(ana, ben, 10);
    await grantPoints(db, org.admin.actor, {
      recipientIds: [ana.id],
      amount: 50,
      message: "Spot award",
      idempotencyKey: key(),
    });
    await give(ben, ana, 5);

    const page = await listPersonHistory(db, ana.actor, { personId: ana.id, withEarnedBalance: true });
    // Newest first: each balance counts everything before it, the grant included; giving spends allowance.
    expect(page.items.map((item) => [item.message, item.earnedAfter])).toEqual([
      [`5 from ${ben.id}`, 75],
      ["Spot award", 70],
      [`10 from ${ana.id}`, 20],
      [`20 from ${ben.id}`, 20],
    ]);
    // An admin may see the balance too; a colleague sees the history without it, or is refused it.
    const audited = await listPersonHistory(db, org.admin.actor, {
      personId: ana.id,
      withEarnedBalance: true,
    });
    expect(audited.items.map((item) => item.earnedAfter)).toEqual([75, 70, 20, 20]);
    const seen = await listPersonHistory(db, ben.actor, { personId: ana.id });
    expect(seen.items.every((item) => item.earnedAfter === undefined)).toBe(true);
    await expectDomainError(
      listPersonHistory(db, ben.actor, { personId: ana.id, withEarnedBalance: true }),
      "forbidden",
    );
  });
});
