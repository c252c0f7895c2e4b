import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { type GivePointsInput, givePoints } from "../../core/giving/give-points";
import { companyValues } from "../../db/schema";
import { expectLedgerClean } from "../support/assertions";
import { workerDatabase } from "../support/database";
import { createTestOrg, key, type TestPerson } from "../support/factories";
import { expectRefusedWithoutWrites } from "../support/footprint";

const database = workerDatabase();

function give(recipients: TestPerson[], overrides: Partial<GivePointsInput> = {}): GivePointsInput {
  return {
    recipientIds: recipients.map((person) => person.id),
    amount: 10,
    message: "Thanks for the launch",
    source: "web",
    idempotencyKey: key(),
    ...overrides,
  };
}

async function setup(settings: Parameters<typeof createTestOrg>[1] = {}) {
  const { db } = await database();
  const org = await createTestOrg(db, {
    defaultMonthlyAllowance: 100,
    maxPointsPerRecognition: 50,
    ...settings,
  });
  const [giver, ana, ben] = await org.addPeople(3);
  if (!giver || !ana || !ben) throw new Error("people not created");
  return { db, org, giver, ana, ben };
}

describe("giving points", () => {
  it("moves points from the giver's allowance to every recipient, all at once", async () => {
    const { db, org, giver, ana, ben } = await setup();
    const result = await givePoints(db, giver.actor, give([ana, ben], { amount: 15 }));
    expect(result.allowanceRemaining).toBe(70);
    expect(result.earnedBalances).toEqual({ [ana.id]: 15, [ben.id]: 15 });
    expect(result.replayed).toBe(false);
    await expectLedgerClean(db, org.id);
  });

  it("refuses a fractional amount", async () => {
    const { db, org, giver, ana } = await setup();
    await expectRefusedWithoutWrites(db, [org.id], "invalid", () =>
      givePoints(db, giver.actor, give([ana], { amount: 2.5 })),
    );
  });

  it("refuses zero or negative points", async () => {
    const { db, org, giver, ana } = await setup();
    await expectRefusedWithoutWrites(db, [org.id], "invalid", () =>
      givePoints(db, giver.actor, give([ana], { amount: 0 })),
    );
    await expectRefusedWithoutWrites(db, [org.id], "invalid", () =>
      givePoints(db, giver.actor, give([ana], { amount: -5 })),
    );
  });

  it("refuses an amount below the org's minimum per recognition", async () => {
    const { db, org, giver, ana } = await setup({ minPointsPerRecognition: 5 });
    await expectRefusedWithoutWrites(db, [org.id], "amount_out_of_range", () =>
      givePoints(db, giver.actor, give([ana], { amount: 4 })),
    );
  });

  it("refuses an amount above the org's maximum per recognition", async () => {
    const { db, org, giver, ana } = await setup();
    await expectRefusedWithoutWrites(db, [org.id], "amount_out_of_range", () =>
      givePoints(db, giver.actor, give([ana], { amount: 51 })),
    );
  });

  it("requires a message", async () => {
    const { db, org, giver, ana } = await setup();
    await expectRefusedWithoutWrites(db, [org.id], "message_required", () =>
      givePoints(db, giver.actor, give([ana], { message: "   " })),
    );
  });

  it("requires at least one recipient", async () => {
    const { db, org, giver } = await setup();
    await expectRefusedWithoutWrites(db, [org.id], "invalid", () => givePoints(db, giver.actor, give([])));
  });

  it("refuses giving to yourself, even alongside others", async () => {
    const { db, org, giver, ana } = await setup();
    await expectRefusedWithoutWrites(db, [org.id], "self_give", () =>
      givePoints(db, giver.actor, give([ana, giver])),
    );
  });

  it("refuses a deactivated recipient", async () => {
    const { db, org, giver, ana } = await setup();
    const leaver = await org.addPerson({ active: false, name: "Lee Leaver" });
    await expectRefusedWithoutWrites(db, [org.id], "recipient_inactive", () =>
      givePoints(db, giver.actor, give([ana, leaver])),
    );
  });

  it("refuses a bot recipient", async () => {
    const { db, org, giver } = await setup();
    const bot = await org.addPerson({ isBot: true, name: "Deploy Bot" });
    await expectRefusedWithoutWrites(db, [org.id], "recipient_is_bot", () =>
      givePoints(db, giver.actor, give([bot])),
    );
  });

  it("refuses a recipient from another org", async () => {
    const { db, org, giver } = await setup();
    const other = await createTestOrg(db);
    const stranger = await other.addPerson();
    await expectRefusedWithoutWrites(db, [org.id], "recipient_not_found", () =>
      givePoints(db, giver.actor, give([stranger])),
    );
    await expectRefusedWithoutWrites(db, [other.id], "recipient_not_found", () =>
      givePoints(db, giver.actor, give([stranger])),
    );
  });

  it("refuses a deactivated giver", async () => {
    const { db, org, ana } = await setup();
    const leaver = await org.addPerson({ active: false });
    await expectRefusedWithoutWrites(db, [org.id], "giver_inactive", () =>
      givePoints(db, leaver.actor, give([ana])),
    );
  });

  it("refuses values when the org has them turned off", async () => {
    const { db, org, giver, ana } = await setup({ valuesMode: "off" });
    await org.addValues("ownership");
    await expectRefusedWithoutWrites(db, [org.id], "values_disabled", () =>
      givePoints(db, giver.actor, give([ana], { values: ["ownership"] })),
    );
  });

  it("requires a value when the org requires them", async () => {
    const { db, org, giver, ana } = await setup({ valuesMode: "required" });
    await org.addValues("ownership");
    await expectRefusedWithoutWrites(db, [org.id], "value_required", () =>
      givePoints(db, giver.actor, give([ana])),
    );
    const ok = await givePoints(db, giver.actor, give([ana], { values: ["#Ownership"] }));
    expect(ok.allowanceRemaining).toBe(90);
  });

  it("refuses a value the org does not have, naming it", async () => {
    const { db, org, giver, ana } = await setup();
    await org.addValues("ownership");
    const refusal = givePoints(db, giver.actor, give([ana], { values: ["ownership", "#Speed"] }));
    await expect(refusal).rejects.toMatchObject({
      code: "unknown_value",
      message: "Not a company value: #speed.",
    });
    await expectRefusedWithoutWrites(db, [org.id], "unknown_value", () =>
      givePoints(db, giver.actor, give([ana], { values: ["speed"] })),
    );
  });

  it("refuses a retired value", async () => {
    const { db, org, giver, ana } = await setup();
    await org.addValues("hustle");
    await db.update(companyValues).set({ retiredAt: new Date() }).where(eq(companyValues.orgId, org.id));
    await expectRefusedWithoutWrites(db, [org.id], "unknown_value", () =>
      givePoints(db, giver.actor, give([ana], { values: ["hustle"] })),
    );
  });

  it("refuses a give over what is left, saying what is left with its money value", async () => {
    const { db, org, giver, ana } = await setup();
    await givePoints(db, giver.actor, give([ana], { amount: 50 }));
    await givePoints(db, giver.actor, give([ana], { amount: 35 }));
    const refusal = givePoints(db, giver.actor, give([ana], { amount: 16 }));
    await expect(refusal).rejects.toMatchObject({
      code: "insufficient_allowance",
      message: "That needs 16 pts but you have 15 pts · $1.50 left this month.",
      details: { remaining: 15, needed: 16 },
    });
    await expectRefusedWithoutWrites(db, [org.id], "insufficient_allowance", () =>
      givePoints(db, giver.actor, give([ana], { amount: 16 })),
    );
  });

  it("charges amount × recipients and gives to nobody when that is more than is left", async () => {
    const { db, org, giver, ana, ben } = await setup({ defaultMonthlyAllowance: 30 });
    await expectRefusedWithoutWrites(db, [org.id], "insufficient_allowance", () =>
      givePoints(db, giver.actor, give([ana, ben], { amount: 20 })),
    );
    const ok = await givePoints(db, giver.actor, give([ana, ben], { amount: 15 }));
    expect(ok.allowanceRemaining).toBe(0);
  });

  it("refuses any give from someone whose allowance is zero", async () => {
    const { db, org, giver, ana } = await setup({ defaultMonthlyAllowance: 0 });
    await expectRefusedWithoutWrites(db, [org.id], "insufficient_allowance", () =>
      givePoints(db, giver.actor, give([ana], { amount: 1 })),
    );
  });

  it("refuses a reused idempotency key carrying a different request", async () => {
    const { db, org, giver, ana } = await setup();
    const first = give([ana]);
    await givePoints(db, giver.actor, first);
    await expectRefusedWithoutWrites(db, [org.id], "idempotency_conflict", () =>
      givePoints(db, giver.actor, { ...first, amount: 11 }),
    );
  });

  it("lets only the giver spend their own allowance", async () => {
    const { db, org, giver, ana, ben } = await setup();
    await expectRefusedWithoutWrites(db, [org.id], "forbidden", () =>
      givePoints(db, giver.actor, give([ana], { giverId: ben.id })),
    );
  });

  it("counts a recipient named twice once", async () => {
    const { db, giver, ana } = await setup();
    const result = await givePoints(db, giver.actor, give([ana, ana], { amount: 10 }));
    expect(result.allowanceRemaining).toBe(90);
    expect(result.earnedBalances).toEqual({ [ana.id]: 10 });
  });
});
