import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { boostAllowance } from "../../core/allowances/boost-allowance";
import { setMonthlyAllowance } from "../../core/allowances/set-monthly-allowance";
import { getBalances } from "../../core/giving/get-balances";
import { updateOrgSettings } from "../../core/org/update-org-settings";
import { auditLog } from "../../db/schema";
import { workerDatabase } from "../support/database";
import { createTestOrg, key } from "../support/factories";
import { expectRefusedWithoutWrites } from "../support/footprint";

const database = workerDatabase();
const november = () => new Date("2026-11-10T15:00:00Z");

async function setup() {
  const { db } = await database();
  const org = await createTestOrg(db, { defaultMonthlyAllowance: 100 });
  const manager = await org.addPerson({ roles: ["employee", "manager"] });
  const report = await org.addPerson({ managerId: manager.id });
  return { db, org, manager, report };
}

describe("the org's allowance ceiling for managers", () => {
  it("starts at 1,000 pts: a manager may set up to it and is refused past it with the limit and its value", async () => {
    const { db, org, manager, report } = await setup();
    await setMonthlyAllowance(db, manager.actor, { personIds: [report.id], monthlyAmount: 1000 }, november);
    const refusal = await expectRefusedWithoutWrites(db, [org.id], "over_ceiling", () =>
      setMonthlyAllowance(db, manager.actor, { personIds: [report.id], monthlyAmount: 999_999 }, november),
    );
    expect(refusal.message).toBe(
      "Managers can set at most 1,000 pts · $100.00 as a monthly allowance. Ask an admin for more.",
    );
    expect(refusal.details).toMatchObject({ field: "monthlyAmount", ceiling: 1000, points: 999_999 });
    // A manager's confirmation changes nothing: only an admin may go past the ceiling.
    await expectRefusedWithoutWrites(db, [org.id], "over_ceiling", () =>
      setMonthlyAllowance(
        db,
        manager.actor,
        { personIds: [report.id], monthlyAmount: 1001, confirmOverCeiling: true },
        november,
      ),
    );
    expect((await getBalances(db, report.actor, {}, november)).allowance.remaining).toBe(1000);
  });

  it("asks an admin to confirm an amount past it, stating the money, and sets it once confirmed", async () => {
    const { db, org, report } = await setup();
    const refusal = await expectRefusedWithoutWrites(db, [org.id], "over_ceiling", () =>
      setMonthlyAllowance(db, org.admin.actor, { personIds: [report.id], monthlyAmount: 5000 }, november),
    );
    expect(refusal.message).toBe(
      "A monthly allowance of 5,000 pts · $500.00 is over the 1,000 pts · $100.00 managers may set. Confirm to go ahead.",
    );
    expect(refusal.details.field).toBe("confirmOverCeiling");

    await setMonthlyAllowance(
      db,
      org.admin.actor,
      { personIds: [report.id], monthlyAmount: 5000, confirmOverCeiling: true },
      november,
    );
    expect((await getBalances(db, report.actor, {}, november)).allowance.remaining).toBe(5000);
    const audits = await db
      .select({ after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.orgId, org.id), eq(auditLog.action, "allowance.set")));
    expect(audits).toEqual([{ after: { monthlyAmount: 5000 } }]);
  });

  it("holds a single boost to the same ceiling, for managers and unconfirmed admins alike", async () => {
    const { db, org, manager, report } = await setup();
    const boost = (amount: number, confirmOverCeiling?: boolean) => ({
      personId: report.id,
      amount,
      idempotencyKey: key(),
      confirmOverCeiling,
    });
    const refusal = await expectRefusedWithoutWrites(db, [org.id], "over_ceiling", () =>
      boostAllowance(db, manager.actor, boost(1500), november),
    );
    expect(refusal.message).toBe(
      "Managers can set at most 1,000 pts · $100.00 as a boost. Ask an admin for more.",
    );
    expect(refusal.details.field).toBe("amount");
    await expectRefusedWithoutWrites(db, [org.id], "over_ceiling", () =>
      boostAllowance(db, org.admin.actor, boost(1500), november),
    );
    await boostAllowance(db, manager.actor, boost(1000), november);
    await boostAllowance(db, org.admin.actor, boost(1500, true), november);
    expect((await getBalances(db, report.actor, {}, november)).allowance.remaining).toBe(100 + 1000 + 1500);
  });

  it("is an org setting an admin changes, and zero keeps managers from raising anyone", async () => {
    const { db, org, manager, report } = await setup();
    await updateOrgSettings(db, org.admin.actor, { managerAllowanceCeiling: 0 }, november);
    await expectRefusedWithoutWrites(db, [org.id], "over_ceiling", () =>
      setMonthlyAllowance(db, manager.actor, { personIds: [report.id], monthlyAmount: 1 }, november),
    );
    // Returning to the org default, or to nothing, is never over the ceiling.
    await setMonthlyAllowance(db, manager.actor, { personIds: [report.id], monthlyAmount: 0 }, november);
    await setMonthlyAllowance(db, manager.actor, { personIds: [report.id], monthlyAmount: null }, november);
    await expectRefusedWithoutWrites(db, [org.id], "invalid", () =>
      updateOrgSettings(db, org.admin.actor, { managerAllowanceCeiling: -1 }, november),
    );
  });
});
