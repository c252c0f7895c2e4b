import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { boostAllowance } from "../../core/allowances/boost-allowance";
import { setMonthlyAllowance } from "../../core/allowances/set-monthly-allowance";
import { getBalances } from "../../core/giving/get-balances";
import { givePoints } from "../../core/giving/give-points";
import { auditLog, organizations } from "../../db/schema";
import { expectLedgerClean } from "../support/assertions";
import { workerDatabase } from "../support/database";
import { createTestOrg, key, type TestPerson } from "../support/factories";
import { expectRefusedWithoutWrites } from "../support/footprint";

const database = workerDatabase();
const november = () => new Date("2026-11-10T15:00:00Z");
const december = () => new Date("2026-12-10T15:00:00Z");

async function setup() {
  const { db } = await database();
  const org = await createTestOrg(db, { defaultMonthlyAllowance: 100, timeZone: "America/New_York" });
  const director = await org.addPerson({ roles: ["employee", "manager"], name: "Dana Director" });
  const manager = await org.addPerson({ roles: ["employee", "manager"], managerId: director.id });
  const report = await org.addPerson({ managerId: manager.id });
  const outsider = await org.addPerson();
  const finance = await org.addPerson({ roles: ["employee", "finance"] });
  return { db, org, director, manager, report, outsider, finance };
}

async function giveFrom(
  db: Awaited<ReturnType<typeof setup>>["db"],
  giver: TestPerson,
  to: TestPerson,
  amount: number,
) {
  return givePoints(
    db,
    giver.actor,
    { recipientIds: [to.id], amount, message: "Thanks", source: "web", idempotencyKey: key() },
    november,
  );
}

describe("setting monthly allowances", () => {
  it("lets a manager set a direct report's allowance, effective this month", async () => {
    const { db, org, manager, report } = await setup();
    const result = await setMonthlyAllowance(
      db,
      manager.actor,
      { personIds: [report.id], monthlyAmount: 250 },
      november,
    );
    expect(result.people).toEqual([{ personId: report.id, monthlyAmount: 250, remainingThisMonth: 250 }]);
    expect((await getBalances(db, report.actor, {}, november)).allowance.remaining).toBe(250);
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, org.id), eq(auditLog.action, "allowance.set")));
    expect(audit).toMatchObject({
      actorPersonId: manager.id,
      targetId: report.id,
      before: { monthlyAmount: null },
      after: { monthlyAmount: 250 },
    });
  });

  it("lets a manager of managers set an indirect report's allowance", async () => {
    const { db, director, report } = await setup();
    await setMonthlyAllowance(db, director.actor, { personIds: [report.id], monthlyAmount: 40 }, november);
    expect((await getBalances(db, report.actor, {}, november)).allowance.remaining).toBe(40);
  });

  it("lets an admin set anyone's allowance, many at once, including to zero", async () => {
    const { db, org, report, outsider, manager } = await setup();
    await setMonthlyAllowance(
      db,
      org.admin.actor,
      { personIds: [report.id, outsider.id, manager.id], monthlyAmount: 0 },
      november,
    );
    for (const person of [report, outsider, manager]) {
      expect((await getBalances(db, person.actor, {}, november)).allowance.remaining).toBe(0);
    }
    await expectRefusedWithoutWrites(db, [org.id], "insufficient_allowance", () =>
      giveFrom(db, outsider, report, 1),
    );
  });

  it("refuses a manager changing someone outside their reporting line", async () => {
    const { db, org, manager, outsider } = await setup();
    await expectRefusedWithoutWrites(db, [org.id], "forbidden", () =>
      setMonthlyAllowance(db, manager.actor, { personIds: [outsider.id], monthlyAmount: 500 }, november),
    );
  });

  it("refuses the whole batch when one person in it is outside the manager's line", async () => {
    const { db, org, manager, report, outsider } = await setup();
    await expectRefusedWithoutWrites(db, [org.id], "forbidden", () =>
      setMonthlyAllowance(
        db,
        manager.actor,
        { personIds: [report.id, outsider.id], monthlyAmount: 500 },
        november,
      ),
    );
  });

  it("refuses a manager raising their own allowance", async () => {
    const { db, org, manager } = await setup();
    await expectRefusedWithoutWrites(db, [org.id], "forbidden", () =>
      setMonthlyAllowance(db, manager.actor, { personIds: [manager.id], monthlyAmount: 500 }, november),
    );
  });

  it("refuses employees and finance", async () => {
    const { db, org, report, outsider, finance } = await setup();
    for (const actor of [report.actor, finance.actor]) {
      await expectRefusedWithoutWrites(db, [org.id], "forbidden", () =>
        setMonthlyAllowance(db, actor, { personIds: [outsider.id], monthlyAmount: 500 }, november),
      );
    }
  });

  it("refuses a negative or fractional allowance", async () => {
    const { db, org, report } = await setup();
    await expectRefusedWithoutWrites(db, [org.id], "invalid", () =>
      setMonthlyAllowance(db, org.admin.actor, { personIds: [report.id], monthlyAmount: -1 }, november),
    );
    await expectRefusedWithoutWrites(db, [org.id], "invalid", () =>
      setMonthlyAllowance(db, org.admin.actor, { personIds: [report.id], monthlyAmount: 2.5 }, november),
    );
  });

  it("never takes the remaining figure below zero when lowered mid-month, and counts what was given when raised", async () => {
    const { db, org, report, outsider } = await setup();
    await giveFrom(db, report, outsider, 80);
    const lowered = await setMonthlyAllowance(
      db,
      org.admin.actor,
      { personIds: [report.id], monthlyAmount: 50 },
      november,
    );
    expect(lowered.people[0]?.remainingThisMonth).toBe(0);
    const raised = await setMonthlyAllowance(
      db,
      org.admin.actor,
      { personIds: [report.id], monthlyAmount: 120 },
      november,
    );
    expect(raised.people[0]?.remainingThisMonth).toBe(40);
    const cleared = await setMonthlyAllowance(
      db,
      org.admin.actor,
      { personIds: [report.id], monthlyAmount: null },
      november,
    );
    expect(cleared.people[0]?.remainingThisMonth).toBe(20);
    await expectLedgerClean(db, org.id);
  });

  it("adds the per-report amount for each active direct report of a manager", async () => {
    const { db, org, manager } = await setup();
    await db.update(organizations).set({ managerAllowancePerReport: 25 }).where(eq(organizations.id, org.id));
    await org.addPerson({ managerId: manager.id });
    await org.addPerson({ managerId: manager.id, active: false });
    // Two active direct reports (the deactivated one does not count); indirect reports don't either.
    expect((await getBalances(db, manager.actor, {}, november)).allowance.remaining).toBe(150);
  });
});

describe("boosting this month's allowance", () => {
  it("adds to this month only", async () => {
    const { db, manager, report } = await setup();
    const boost = await boostAllowance(
      db,
      manager.actor,
      { personId: report.id, amount: 30, reason: "Launch week", idempotencyKey: key() },
      november,
    );
    expect(boost).toMatchObject({ period: "2026-11", remainingThisMonth: 130, replayed: false });
    expect((await getBalances(db, report.actor, {}, november)).allowance.total).toBe(130);
    expect((await getBalances(db, report.actor, {}, december)).allowance.remaining).toBe(100);
  });

  it("applies a retried boost once", async () => {
    const { db, org, manager, report } = await setup();
    const input = { personId: report.id, amount: 30, idempotencyKey: key() };
    const results = await Promise.all(
      Array.from({ length: 5 }, () => boostAllowance(db, manager.actor, input, november)),
    );
    expect(new Set(results.map((result) => result.boostId)).size).toBe(1);
    expect((await getBalances(db, report.actor, {}, november)).allowance.remaining).toBe(130);
    await expectRefusedWithoutWrites(db, [org.id], "idempotency_conflict", () =>
      boostAllowance(db, manager.actor, { ...input, amount: 31 }, november),
    );
  });

  it("refuses a manager boosting someone outside their line, and a non-positive boost", async () => {
    const { db, org, manager, outsider, report } = await setup();
    await expectRefusedWithoutWrites(db, [org.id], "forbidden", () =>
      boostAllowance(
        db,
        manager.actor,
        { personId: outsider.id, amount: 10, idempotencyKey: key() },
        november,
      ),
    );
    await expectRefusedWithoutWrites(db, [org.id], "invalid", () =>
      boostAllowance(db, manager.actor, { personId: report.id, amount: 0, idempotencyKey: key() }, november),
    );
  });
});
