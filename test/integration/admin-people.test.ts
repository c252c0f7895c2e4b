import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getBalances } from "../../core/giving/get-balances";
import { createPerson } from "../../core/people/create-person";
import { deactivatePerson } from "../../core/people/deactivate-person";
import { getPersonDetails } from "../../core/people/get-person-details";
import { importPeople } from "../../core/people/import-people";
import { updatePerson } from "../../core/people/update-person";
import { auditLog } from "../../db/schema";
import { defined, expectDomainError, expectLedgerClean } from "../support/assertions";
import { workerDatabase } from "../support/database";
import { createTestOrg } from "../support/factories";
import { expectRefusedWithoutWrites } from "../support/footprint";
import { giveAt } from "../support/giving";

const database = workerDatabase();

describe("createPerson", () => {
  it("adds an active person, normalised like an imported row, and audits it", async () => {
    const { db } = await database();
    const org = await createTestOrg(db);
    const manager = await org.addPerson({ roles: ["employee", "manager"] });

    const { person } = await createPerson(db, org.admin.actor, {
      name: "  Ana Lima ",
      email: " Ana.Lima@Example.TEST",
      roles: ["finance", "manager"],
      managerId: manager.id,
      department: "Sales",
      costCenter: " ",
      externalEmployeeId: "E-7",
      hireDate: "2024-02-29",
    });

    expect(person).toMatchObject({
      name: "Ana Lima",
      email: "ana.lima@example.test",
      roles: ["employee", "manager", "finance"],
      managerId: manager.id,
      department: "Sales",
      costCenter: null,
      externalEmployeeId: "E-7",
      birthday: null,
      hireDate: "2024-02-29",
      active: true,
    });
    const stored = await getPersonDetails(db, org.admin.actor, { personId: person.id });
    expect(stored.person).toMatchObject({ ...person, deactivatedAt: null });
    const audits = await db
      .select({ actorPersonId: auditLog.actorPersonId, after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.orgId, org.id), eq(auditLog.action, "person.create")));
    expect(audits).toEqual([
      { actorPersonId: org.admin.id, after: expect.objectContaining({ id: person.id, email: person.email }) },
    ]);
  });

  it("refuses what the import refuses in a row, with the import's messages, every field at once", async () => {
    const { db } = await database();
    const org = await createTestOrg(db);
    const longName = "x".repeat(201);

    const error = await expectRefusedWithoutWrites(db, [org.id], "invalid", () =>
      createPerson(db, org.admin.actor, {
        name: "",
        email: "not-an-email",
        department: longName,
        hireDate: "2025-02-30",
      }),
    );

    const preview = await importPeople(db, org.admin.actor, {
      csv: `name,email,department,hire_date\n,not-an-email,${longName},2025-02-30\n`,
      dryRun: true,
    });
    const importMessages = Object.fromEntries(
      defined(preview.rows[0]).errors.map((rowError) => [rowError.column, rowError.message]),
    );
    expect(error.details.fieldErrors).toEqual({
      name: importMessages.name,
      email: importMessages.email,
      department: importMessages.department,
      hireDate: importMessages.hire_date,
    });
    expect(error.details.field).toBe("name");
  });

  it("refuses a taken email or external id, and a manager outside the org, writing nothing", async () => {
    const { db } = await database();
    const org = await createTestOrg(db);
    const other = await createTestOrg(db);
    const ana = await org.addPerson();
    await updatePerson(db, org.admin.actor, { personId: ana.id, externalEmployeeId: "E-1" });
    const stranger = await other.addPerson();
    const anaEmail = defined(
      (await getPersonDetails(db, org.admin.actor, { personId: ana.id })).person.email,
    );

    const takenEmail = await expectRefusedWithoutWrites(db, [org.id], "conflict", () =>
      createPerson(db, org.admin.actor, { name: "Twin", email: anaEmail.toUpperCase() }),
    );
    expect(takenEmail.details).toMatchObject({ field: "email" });
    const takenId = await expectRefusedWithoutWrites(db, [org.id], "conflict", () =>
      createPerson(db, org.admin.actor, { name: "Twin", email: "twin@x.test", externalEmployeeId: "E-1" }),
    );
    expect(takenId.details).toMatchObject({ field: "externalEmployeeId" });
    for (const managerId of [stranger.id, randomUUID()]) {
      const missing = await expectRefusedWithoutWrites(db, [org.id, other.id], "not_found", () =>
        createPerson(db, org.admin.actor, { name: "New", email: "new@x.test", managerId }),
      );
      expect(missing.details).toMatchObject({ field: "managerId" });
    }
    // The same email in another org is someone else entirely.
    const { person } = await createPerson(db, other.admin.actor, { name: "Ana elsewhere", email: anaEmail });
    expect(person.email).toBe(anaEmail);
  });

  it("is for admins and the system only", async () => {
    const { db } = await database();
    const org = await createTestOrg(db);
    const employee = await org.addPerson();
    const manager = await org.addPerson({ roles: ["employee", "manager"] });

    for (const actor of [employee.actor, manager.actor]) {
      await expectRefusedWithoutWrites(db, [org.id], "forbidden", () =>
        createPerson(db, actor, { name: "Sneaky", email: "sneaky@x.test" }),
      );
    }
    await expectDomainError(
      createPerson(db, { kind: "operator" }, { name: "Op", email: "op@x.test" }),
      "invalid",
    );
    const { person } = await createPerson(db, org.system, { name: "Synced", email: "synced@x.test" });
    expect(person.roles).toEqual(["employee"]);
  });

  it("grows the manager's allowance this month when the org pays per report", async () => {
    const { db } = await database();
    const org = await createTestOrg(db, { managerAllowancePerReport: 20 });
    const manager = await org.addPerson({ roles: ["employee", "manager"] });
    const colleague = await org.addPerson();
    await giveAt(db, manager, [colleague], 30);
    const remaining = async () =>
      (await getBalances(db, org.system, { personId: manager.id })).allowance.remaining;
    expect(await remaining()).toBe(70);

    await createPerson(db, org.admin.actor, {
      name: "Report",
      email: "report@x.test",
      managerId: manager.id,
    });
    expect(await remaining()).toBe(90);
    await expectLedgerClean(db, org.id);
  });
});

describe("getPersonDetails", () => {
  it("shows the details, the manager and what the leaver policy would do to the earned balance", async () => {
    const { db } = await database();
    const org = await createTestOrg(db, {
      leaverPolicy: "forfeit",
      pointValuePoints: 10,
      pointValueMinor: 100,
    });
    const manager = await org.addPerson({ name: "Mia Manager", roles: ["employee", "manager"] });
    const ana = await org.addPerson({ managerId: manager.id, department: "Sales" });
    const giver = await org.addPerson();
    await giveAt(db, giver, [ana], 12);
    await giveAt(db, manager, [ana], 30);

    const details = await getPersonDetails(db, org.admin.actor, { personId: ana.id });
    expect(details).toMatchObject({
      person: { id: ana.id, managerId: manager.id, department: "Sales", active: true, deactivatedAt: null },
      manager: { id: manager.id, name: "Mia Manager", active: true },
      leaver: { policy: "forfeit", earned: 42 },
      pointValue: { points: 10, minor: 100, currency: "USD" },
    });

    await deactivatePerson(db, org.admin.actor, { personId: ana.id });
    const after = await getPersonDetails(db, org.admin.actor, { personId: ana.id });
    expect(after.person.active).toBe(false);
    expect(after.person.deactivatedAt).toBeInstanceOf(Date);
    expect(after.leaver.earned).toBe(0);
  });

  it("reports the keep policy, and a person without a manager", async () => {
    const { db } = await database();
    const org = await createTestOrg(db, { leaverPolicy: "keep" });
    const details = await getPersonDetails(db, org.system, { personId: org.admin.id });
    expect(details.manager).toBeNull();
    expect(details.leaver).toEqual({ policy: "keep", earned: 0 });
  });

  it("is for admins and the system, and another org's person is not found", async () => {
    const { db } = await database();
    const org = await createTestOrg(db);
    const other = await createTestOrg(db);
    const ana = await org.addPerson({ roles: ["employee", "manager", "finance"] });
    const stranger = await other.addPerson();

    await expectDomainError(getPersonDetails(db, ana.actor, { personId: ana.id }), "forbidden");
    await expectDomainError(getPersonDetails(db, org.admin.actor, { personId: stranger.id }), "not_found");
    await expectDomainError(getPersonDetails(db, org.admin.actor, { personId: randomUUID() }), "not_found");
    await expectDomainError(getPersonDetails(db, org.admin.actor, { personId: "nope" }), "invalid");
  });
});
