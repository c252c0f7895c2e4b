import { describe, expect, it } from "vitest";
import { givePoints } from "../../core/give-points";
import { useTestDatabase } from "../support/database";
import { createTestOrg, key } from "../support/factories";

const database = useTestDatabase();

describe("smoke", () => {
  it("gives", async () => {
    const { db } = await database();
    const org = await createTestOrg(db);
    await org.addValues("ownership");
    const [a, b, c] = await org.addPeople(3);
    if (!a || !b || !c) throw new Error();
    const r = await givePoints(db, a.actor, {
      recipientIds: [b.id, c.id],
      amount: 10,
      message: "thanks",
      values: ["#Ownership"],
      source: "web",
      idempotencyKey: key(),
    });
    console.log(r);
    expect(r.allowanceRemaining).toBe(80);
  });
});
