import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getBalances } from "../../core/giving/get-balances";
import { grantPoints } from "../../core/giving/grant-points";
import { systemAccountId } from "../../core/ledger/accounts";
import { deactivatePerson } from "../../core/people/deactivate-person";
import { reactivatePerson } from "../../core/people/reactivate-person";
import { updatePerson } from "../../core/people/update-person";
import type { Database } from "../../db/client";
import { auditLog, ledgerAccounts, ledgerTransactions, people } from "../../db/schema";
import { defined, expectDomainError, expectLedgerClean } from "../support/assertions";
import { workerDatabase } from "../support/database";
import { createTestOrg, key, type TestOrg, type TestPerson } from "../support/factories";
import { expectRefusedWithoutWrites } from "../support/footprint";
import { giveAt } from "../support/giving";

const database = workerDatabase();

async function earned(db: Database, org: TestOrg, person: TestPerson): Promise<number> {
  return (await getBalances(db, org.system, { personId: person.id })).earned.balance;
}

async function forfeitedTotal(db: Database, orgId: string): Promise<number> {
  const account = await systemAccountId(db, orgId, "forfeited");
  const [row] = await db.execute<{ total: string }>(
    sql`select coalesce(sum(amount), 0) as total from ledger_entries where account_id = ${account}`,
  );
  return Number(defined(row).total);
}

async function earnedSlotsWithBalance(db: Database, orgId: string, personId: string): Promise<number> {
  const rows = await db
    .select({ id: ledgerAccounts.id })
    .from(ledgerAccounts)
    .where(
      and(
        eq(ledgerAccounts.orgId, orgId),
        eq(ledgerAccounts.personId, personId),
        eq(ledgerAccounts.kind, "earned"),
        sql`${ledgerAccounts.balance} > 0`,
      ),
    );
  return rows.length;
}

/** Several gives to `person`, each with its own key, so the earned balance lands on several slots. */
async function fillEarned(db: Database, org: TestOrg, person: TestPerson): Promise<number> {
  const givers = await org.addPeople(4);
  let total = 0;
  for (const [index, giver] of givers.entries()) {
    await giveAt(db, giver, [person], 10 + index);
    await giveAt(db, giver, [person], 20 + index);
    total += 30 + 2 * index;
  }
  await grantPoints(db, org.admin.actor, {
    recipientIds: [person.id],
    amount: 7,
    message: "Spot award",
    idempotencyKey: key(),
  });
  return total + 7;
}

async function activeManagerRemaining(db: Database, org: TestOrg, manager: TestPerson): Promise<number> {
  return (await getBalances(db, org.system, { personId: manager.id })).allowance.remaining;
}

describe("deactivatePerson", () => {
  it("under the forfeit policy moves the whole earned balance, over all slots, to forfeited", async () => {
    const { db } = await database();
    const org = await createTestOrg(db, { leaverPolicy: "forfeit" });
    const leaver = await org.addPerson({ name: "Leaver" });
    const total = await fillEarned(db, org, leaver);
    expect(await earned(db, org, leaver)).toBe(total);
    expect(await earnedSlotsWithBalance(db, org.id, leaver.id)).toBeGreaterThan(1);

    const at = new Date("2026-03-15T12:00:00.000Z");
    const result = await deactivatePerson(db, org.admin.actor, { personId: leaver.id }, () => at);
    expect(result).toMatchObject({ personId: leaver.id, forfeited: total, replayed: false });
    expect(result.deactivatedAt?.toISOString()).toBe(at.toISOString());

    expect(await earned(db, org, leaver)).toBe(0);
    expect(await earnedSlotsWithBalance(db, org.id, leaver.id)).toBe(0);
    expect(await forfeitedTotal(db, org.id)).toBe(total);
    const [forfeit] = await db
      .select()
      .from(ledgerTransactions)
      .where(and(eq(ledgerTransactions.orgId, org.id), eq(ledgerTransactions.kind, "forfeit")));
    expect(defined(forfeit).idempotencyKey).toBe(`forfeit:${leaver.id}:${at.toISOString()}`);
    expect(defined(forfeit).id).toBe(result.forfeitTransactionId);

    const [person] = await db.select().from(people).where(eq(people.id, leaver.id));
    expect(defined(person)).toMatchObject({ active: false });
    expect(defined(person).deactivatedAt?.toISOString()).toBe(at.toISOString());

    const audit = await db
      .select({ action: auditLog.action, after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.orgId, org.id), eq(auditLog.targetId, leaver.id)));
    expect(audit).toEqual(
      expect.arrayContaining([
        { action: "points.forfeit", after: expect.objectContaining({ forfeited: total, earned: 0 }) },
        {
          action: "person.deactivate",
          after: expect.objectContaining({ active: false, leaverPolicy: "forfeit", forfeited: total }),
        },
      ]),
    );
    await expectLedgerClean(db, org.id);
  });

  it("is a no-op when retried, returning the first result", async () => {
    const { db } = await database();
    const org = await createTestOrg(db, { leaverPolicy: "forfeit" });
    const leaver = await org.addPerson();
    const total = await fillEarned(db, org, leaver);
    const first = await deactivatePerson(db, org.admin.actor, { personId: leaver.id });

    const [audits] = await db.execute<{ n: number }>(
      sql`select count(*)::int as n from audit_log where org_id = ${org.id}::uuid`,
    );
    const again = await deactivatePerson(db, org.system, { personId: leaver.id }, () => new Date());
    expect(again).toEqual({ ...first, replayed: true });
    expect(again.forfeited).toBe(total);
    const [auditsAfter] = await db.execute<{ n: number }>(
      sql`select count(*)::int as n from audit_log where org_id = ${org.id}::uuid`,
    );
    expect(auditsAfter).toEqual(audits);
    expect(await forfeitedTotal(db, org.id)).toBe(total);
    await expectLedgerClean(db, org.id);
  });

  it("under the keep policy leaves the earned balance where it is", async () => {
    const { db } = await database();
    const org = await createTestOrg(db, { leaverPolicy: "keep" });
    const leaver = await org.addPerson();
    const total = await fillEarned(db, org, leaver);

    const result = await deactivatePerson(db, org.system, { personId: leaver.id });
    expect(result).toMatchObject({ forfeited: 0, forfeitTransactionId: null, replayed: false });
    expect(await earned(db, org, leaver)).toBe(total);
    expect(await forfeitedTotal(db, org.id)).toBe(0);
    await expectLedgerClean(db, org.id);
  });

  it("stops the person giving and receiving, and reactivation lets them again without restoring points", async () => {
    const { db } = await database();
    const org = await createTestOrg(db, { leaverPolicy: "forfeit" });
    const [leaver, colleague] = await org.addPeople(2);
    if (!leaver || !colleague) throw new Error("people missing");
    await giveAt(db, colleague, [leaver], 25);
    await deactivatePerson(db, org.admin.actor, { personId: leaver.id });

    await expectRefusedWithoutWrites(db, [org.id], "giver_inactive", () =>
      giveAt(db, leaver, [colleague], 5),
    );
    await expectRefusedWithoutWrites(db, [org.id], "recipient_inactive", () =>
      giveAt(db, colleague, [leaver], 5),
    );

    expect(await reactivatePerson(db, org.admin.actor, { personId: leaver.id })).toEqual({
      personId: leaver.id,
      changed: true,
    });
    expect(await earned(db, org, leaver)).toBe(0);
    await giveAt(db, colleague, [leaver], 5);
    expect(await earned(db, org, leaver)).toBe(5);
    expect(await reactivatePerson(db, org.admin.actor, { personId: leaver.id })).toMatchObject({
      changed: false,
    });
    await expectLedgerClean(db, org.id);
  });

  it("refuses deactivating yourself, and the last active admin, writing nothing", async () => {
    const { db } = await database();
    const org = await createTestOrg(db, { leaverPolicy: "forfeit" });
    await expectRefusedWithoutWrites(db, [org.id], "invalid", () =>
      deactivatePerson(db, org.admin.actor, { personId: org.admin.id }),
    );
    await expectRefusedWithoutWrites(db, [org.id], "conflict", () =>
      deactivatePerson(db, org.system, { personId: org.admin.id }),
    );

    // With a second admin, one of them may go; then the other is the last.
    const second = await org.addPerson({ roles: ["employee", "admin"] });
    await deactivatePerson(db, second.actor, { personId: org.admin.id });
    await expectRefusedWithoutWrites(db, [org.id], "conflict", () =>
      deactivatePerson(db, org.system, { personId: second.id }),
    );
  });

  it("lets only one of two admins deactivating each other at once go ahead", async () => {
    const { db } = await database();
    const org = await createTestOrg(db);
    const second = await org.addPerson({ roles: ["employee", "admin"] });
    const outcomes = await Promise.allSettled([
      deactivatePerson(db, org.admin.actor, { personId: second.id }),
      deactivatePerson(db, second.actor, { personId: org.admin.id }),
    ]);
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    const [refused] = outcomes.filter((outcome) => outcome.status === "rejected");
    expect(defined(refused).reason).toMatchObject({ name: "DomainError", code: "conflict" });
    const active = await db
      .select({ id: people.id })
      .from(people)
      .where(and(eq(people.orgId, org.id), eq(people.active, true), sql`'admin' = any(${people.roles})`));
    expect(active).toHaveLength(1);
  });

  it("is for admins and the system only, and only within the org", async () => {
    const { db } = await database();
    const org = await createTestOrg(db);
    const other = await createTestOrg(db);
    const manager = await org.addPerson({ roles: ["employee", "manager"] });
    const report = await org.addPerson({ managerId: manager.id });
    const stranger = await other.addPerson();

    await expectRefusedWithoutWrites(db, [org.id], "forbidden", () =>
      deactivatePerson(db, manager.actor, { personId: report.id }),
    );
    await expectRefusedWithoutWrites(db, [org.id], "forbidden", () =>
      reactivatePerson(db, manager.actor, { personId: report.id }),
    );
    await expectRefusedWithoutWrites(db, [org.id, other.id], "not_found", () =>
      deactivatePerson(db, org.admin.actor, { personId: stranger.id }),
    );
    await expectRefusedWithoutWrites(db, [org.id, other.id], "not_found", () =>
      reactivatePerson(db, org.admin.actor, { personId: stranger.id }),
    );
    await expectRefusedWithoutWrites(db, [org.id], "invalid", () =>
      deactivatePerson(db, org.admin.actor, { personId: "not-a-uuid" }),
    );
  });

  it("shrinks the manager's per-report allowance this month, and reactivation restores it", async () => {
    const { db } = await database();
    const org = await createTestOrg(db, { managerAllowancePerReport: 20 });
    const manager = await org.addPerson({ roles: ["employee", "manager"] });
    const [ana, ben] = await org.addPeople(2, { managerId: manager.id });
    if (!ana || !ben) throw new Error("people missing");
    await giveAt(db, manager, [ana], 10);
    expect(await activeManagerRemaining(db, org, manager)).toBe(100 + 40 - 10);

    await deactivatePerson(db, org.admin.actor, { personId: ben.id });
    expect(await activeManagerRemaining(db, org, manager)).toBe(100 + 20 - 10);
    await reactivatePerson(db, org.admin.actor, { personId: ben.id });
    expect(await activeManagerRemaining(db, org, manager)).toBe(100 + 40 - 10);
    await expectLedgerClean(db, org.id);
  });
});

describe("updatePerson", () => {
  it("updates the fields, lower-cases the email, always keeps employee, and audits before and after", async () => {
    const { db } = await database();
    const org = await createTestOrg(db);
    const manager = await org.addPerson({ roles: ["employee", "manager"] });
    const ana = await org.addPerson({ name: "Ana" });

    const result = await updatePerson(db, org.admin.actor, {
      personId: ana.id,
      name: "Ana Lima",
      email: "  Ana.Lima@Example.TEST ",
      roles: ["finance"],
      managerId: manager.id,
      department: "Sales",
      costCenter: "CC-1",
      externalEmployeeId: "E-100",
      birthday: "1990-04-02",
      hireDate: "2020-01-15",
    });
    expect(result.person).toMatchObject({
      name: "Ana Lima",
      email: "ana.lima@example.test",
      roles: ["employee", "finance"],
      managerId: manager.id,
      department: "Sales",
      costCenter: "CC-1",
      externalEmployeeId: "E-100",
      birthday: "1990-04-02",
      hireDate: "2020-01-15",
    });
    const [audit] = await db
      .select({ before: auditLog.before, after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.orgId, org.id), eq(auditLog.action, "person.update")));
    expect(defined(audit).before).toMatchObject({ name: "Ana", managerId: null });
    expect(defined(audit).after).toMatchObject({ name: "Ana Lima", managerId: manager.id });

    const unchanged = await updatePerson(db, org.admin.actor, { personId: ana.id, name: "Ana Lima" });
    expect(unchanged.changed).toEqual([]);
    await updatePerson(db, org.admin.actor, { personId: ana.id, managerId: null, department: "" });
    const [row] = await db.select().from(people).where(eq(people.id, ana.id));
    expect(defined(row)).toMatchObject({ managerId: null, department: null });
  });

  it("refuses a reporting cycle, a duplicate email or external id, and demoting the last admin, writing nothing", async () => {
    const { db } = await database();
    const org = await createTestOrg(db);
    const boss = await org.addPerson({ roles: ["employee", "manager"] });
    const lead = await org.addPerson({ managerId: boss.id });
    const dev = await org.addPerson({ managerId: lead.id });
    const [existing] = await db.select().from(people).where(eq(people.id, dev.id));
    await updatePerson(db, org.admin.actor, { personId: lead.id, externalEmployeeId: "E-1" });

    await expectRefusedWithoutWrites(db, [org.id], "invalid", () =>
      updatePerson(db, org.admin.actor, { personId: boss.id, managerId: dev.id }),
    );
    await expectRefusedWithoutWrites(db, [org.id], "invalid", () =>
      updatePerson(db, org.admin.actor, { personId: boss.id, managerId: boss.id }),
    );
    const duplicate = await expectRefusedWithoutWrites(db, [org.id], "conflict", () =>
      updatePerson(db, org.admin.actor, { personId: boss.id, email: defined(existing).email.toUpperCase() }),
    );
    expect(duplicate.details).toMatchObject({ field: "email" });
    await expectRefusedWithoutWrites(db, [org.id], "conflict", () =>
      updatePerson(db, org.admin.actor, { personId: dev.id, externalEmployeeId: "E-1" }),
    );
    const lastAdmin = await expectRefusedWithoutWrites(db, [org.id], "conflict", () =>
      updatePerson(db, org.system, { personId: org.admin.id, roles: ["employee"] }),
    );
    expect(lastAdmin.details).toMatchObject({ field: "roles" });
    await expectRefusedWithoutWrites(db, [org.id], "invalid", () =>
      updatePerson(db, org.admin.actor, { personId: dev.id, email: "not an email" }),
    );
    await expectRefusedWithoutWrites(db, [org.id], "invalid", () =>
      updatePerson(db, org.admin.actor, { personId: dev.id, birthday: "02/04/1990" }),
    );

    // Moving down the line without closing a loop is fine.
    await updatePerson(db, org.admin.actor, { personId: dev.id, managerId: boss.id });
  });

  it("is for admins and the system only, and only within the org", async () => {
    const { db } = await database();
    const org = await createTestOrg(db);
    const other = await createTestOrg(db);
    const ana = await org.addPerson();
    const stranger = await other.addPerson();

    await expectRefusedWithoutWrites(db, [org.id], "forbidden", () =>
      updatePerson(db, ana.actor, { personId: ana.id, name: "Queen Ana" }),
    );
    await expectRefusedWithoutWrites(db, [org.id, other.id], "not_found", () =>
      updatePerson(db, org.admin.actor, { personId: stranger.id, name: "X" }),
    );
    await expectRefusedWithoutWrites(db, [org.id, other.id], "not_found", () =>
      updatePerson(db, org.admin.actor, { personId: ana.id, managerId: stranger.id }),
    );
    await expectDomainError(
      updatePerson(db, { kind: "operator" }, { personId: ana.id, name: "X" }),
      "invalid",
    );
  });

  it("re-syncs the old and the new manager's allowance when the org pays per report", async () => {
    const { db } = await database();
    const org = await createTestOrg(db, { managerAllowancePerReport: 15 });
    const oldManager = await org.addPerson({ roles: ["employee", "manager"] });
    const newManager = await org.addPerson({ roles: ["employee", "manager"] });
    const [ana, ben] = await org.addPeople(2, { managerId: oldManager.id });
    if (!ana || !ben) throw new Error("people missing");
    expect(await activeManagerRemaining(db, org, oldManager)).toBe(130);
    expect(await activeManagerRemaining(db, org, newManager)).toBe(100);

    await updatePerson(db, org.admin.actor, { personId: ana.id, managerId: newManager.id });
    expect(await activeManagerRemaining(db, org, oldManager)).toBe(115);
    expect(await activeManagerRemaining(db, org, newManager)).toBe(115);

    // The old manager already gave more than the new entitlement leaves: it never goes negative.
    await giveAt(db, oldManager, [newManager], 100);
    await updatePerson(db, org.admin.actor, { personId: ben.id, managerId: newManager.id });
    expect(await activeManagerRemaining(db, org, oldManager)).toBe(0);
    expect(await activeManagerRemaining(db, org, newManager)).toBe(130);
    await expectLedgerClean(db, org.id);
  });
});
