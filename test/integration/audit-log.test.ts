import { describe, expect, it } from "vitest";
import { setMonthlyAllowance } from "../../core/allowances/set-monthly-allowance";
import { listAuditLog } from "../../core/org/list-audit-log";
import { expectDomainError } from "../support/assertions";
import { workerDatabase } from "../support/database";
import { createTestOrg } from "../support/factories";

const database = workerDatabase();

describe("the audit log", () => {
  it("shows admins who changed what, newest first, page by page, and only for their org", async () => {
    const { db } = await database();
    const org = await createTestOrg(db);
    const other = await createTestOrg(db);
    const ana = await org.addPerson({ name: "Ana" });
    for (const monthlyAmount of [10, 20, 30]) {
      await setMonthlyAllowance(db, org.admin.actor, { personIds: [ana.id], monthlyAmount });
    }
    await setMonthlyAllowance(db, other.admin.actor, {
      personIds: [(await other.addPerson()).id],
      monthlyAmount: 5,
    });

    const first = await listAuditLog(db, org.admin.actor, { limit: 2 });
    expect(first.entries.map((entry) => [entry.action, entry.after])).toEqual([
      ["allowance.set", { monthlyAmount: 30 }],
      ["allowance.set", { monthlyAmount: 20 }],
    ]);
    expect(first.entries[0]).toMatchObject({
      actor: { id: org.admin.id, name: "Admin" },
      targetType: "person",
      targetId: ana.id,
      before: { monthlyAmount: 20 },
    });
    const second = await listAuditLog(db, org.admin.actor, {
      limit: 2,
      before: first.nextBefore ?? undefined,
    });
    expect(second.entries.map((entry) => entry.action)).toEqual(["allowance.set", "organization.create"]);
    // The org was created by the operator, who is nobody in the org.
    expect(second.entries[1]?.actor).toBeNull();
    expect(second.nextBefore).toBeNull();
  });

  it("is for admins only", async () => {
    const { db } = await database();
    const org = await createTestOrg(db);
    const manager = await org.addPerson({ roles: ["employee", "manager"] });
    const finance = await org.addPerson({ roles: ["employee", "finance"] });
    for (const actor of [manager.actor, finance.actor, org.system]) {
      await expectDomainError(listAuditLog(db, actor), "forbidden");
    }
  });
});
