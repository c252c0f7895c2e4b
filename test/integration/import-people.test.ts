import { and, asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { importPeople } from "../../core/people/import-people";
import type { Actor } from "../../core/shared/actor";
import type { Database } from "../../db/client";
import { auditLog, people } from "../../db/schema";
import { workerDatabase } from "../support/database";
import { createTestOrg, type TestOrg } from "../support/factories";

const database = workerDatabase();

const HEADER = "name,email,roles,manager_email,department,external_employee_id,birthday,hire_date";

function csv(...lines: string[]): string {
  return `${[HEADER, ...lines].join("\r\n")}\r\n`;
}

async function peopleOf(db: Database, orgId: string) {
  return db
    .select({
      id: people.id,
      name: people.name,
      email: people.email,
      roles: people.roles,
      managerId: people.managerId,
      department: people.department,
      externalEmployeeId: people.externalEmployeeId,
      birthday: people.birthday,
      hireDate: people.hireDate,
      active: people.active,
      deactivatedAt: people.deactivatedAt,
    })
    .from(people)
    .where(eq(people.orgId, orgId))
    .orderBy(asc(people.email));
}

async function importAuditCount(db: Database, orgId: string): Promise<number> {
  const rows = await db
    .select({ id: auditLog.id })
    .from(auditLog)
    .where(and(eq(auditLog.orgId, orgId), eq(auditLog.action, "people.import")));
  return rows.length;
}

function adminEmail(org: TestOrg): string {
  return `admin@${org.slug}.test`;
}

function importText(db: Database, actor: Actor, text: string) {
  return importPeople(db, actor, { csv: text });
}

function errorsOf(result: Awaited<ReturnType<typeof importPeople>>) {
  return result.rows.flatMap((row) => row.errors.map((error) => ({ line: row.line, ...error })));
}

describe("importPeople", () => {
  it("creates people with their roles, dates and reporting lines", async () => {
    const { db } = await database();
    const org = await createTestOrg(db);
    const result = await importText(
      db,
      org.admin.actor,
      csv(
        `Mia Manager,Mia@Example.test,manager;finance,${adminEmail(org)},Sales,E1,1990-04-01,2020-01-15`,
        "Eli Employee,eli@example.test,,mia@example.test,Sales,E2,,2024-02-29",
        // Managers may appear after their reports.
        "Ann Later,ann@example.test,employee,eli@example.test,,,,",
      ),
    );

    expect(result.fileErrors).toEqual([]);
    expect(errorsOf(result)).toEqual([]);
    expect(result.written).toBe(true);
    expect(result.totals).toEqual({ rows: 3, create: 3, update: 0, unchanged: 0, withErrors: 0 });
    expect(result.rows.map((row) => [row.line, row.action, row.email])).toEqual([
      [2, "create", "mia@example.test"],
      [3, "create", "eli@example.test"],
      [4, "create", "ann@example.test"],
    ]);

    const byEmail = new Map((await peopleOf(db, org.id)).map((person) => [person.email, person]));
    const mia = byEmail.get("mia@example.test");
    const eli = byEmail.get("eli@example.test");
    const ann = byEmail.get("ann@example.test");
    expect(mia).toMatchObject({
      name: "Mia Manager",
      roles: ["employee", "manager", "finance"],
      managerId: org.admin.id,
      department: "Sales",
      externalEmployeeId: "E1",
      birthday: "1990-04-01",
      hireDate: "2020-01-15",
      active: true,
    });
    expect(eli).toMatchObject({
      roles: ["employee"],
      managerId: mia?.id,
      birthday: null,
      hireDate: "2024-02-29",
    });
    expect(ann).toMatchObject({ managerId: eli?.id, department: null, externalEmployeeId: null });
    expect(await importAuditCount(db, org.id)).toBe(1);
  });

  it("reports a bad row by line and writes nothing", async () => {
    const { db } = await database();
    const org = await createTestOrg(db);
    const before = await peopleOf(db, org.id);
    const result = await importText(
      db,
      org.admin.actor,
      csv(
        "Ok Person,ok@example.test,,,,,,",
        "Bad Person,not-an-email,,,,,,",
        "Also Ok,ok2@example.test,,,,,,",
      ),
    );

    expect(result.written).toBe(false);
    expect(result.totals.withErrors).toBe(1);
    expect(errorsOf(result)).toEqual([
      { line: 3, column: "email", message: '"not-an-email" is not a valid email address.' },
    ]);
    expect(await peopleOf(db, org.id)).toEqual(before);
    expect(await importAuditCount(db, org.id)).toBe(0);
  });

  it("previews a dry run without writing", async () => {
    const { db } = await database();
    const org = await createTestOrg(db);
    const result = await importPeople(db, org.admin.actor, {
      csv: csv("New Person,new@example.test,,,,,,", `Admin,${adminEmail(org)},employee;admin,,,,,`),
      dryRun: true,
    });
    expect(result.written).toBe(false);
    expect(result.rows.map((row) => row.action)).toEqual(["create", "unchanged"]);
    expect(await peopleOf(db, org.id)).toHaveLength(1);
  });

  it("re-imports: unchanged rows stay, changed rows update, external ids win over emails", async () => {
    const { db } = await database();
    const org = await createTestOrg(db);
    const first = csv(
      `Admin,${adminEmail(org)},admin,,,A0,,`,
      `Ben,ben@example.test,manager,${adminEmail(org)},Ops,E1,,`,
      "Cy,cy@example.test,,ben@example.test,Ops,E2,,",
    );
    expect((await importText(db, org.admin.actor, first)).totals).toMatchObject({ update: 1, create: 2 });
    const ben = (await peopleOf(db, org.id)).find((person) => person.email === "ben@example.test");

    const again = await importText(db, org.admin.actor, first);
    expect(again.written).toBe(true);
    expect(again.totals).toEqual({ rows: 3, create: 0, update: 0, unchanged: 3, withErrors: 0 });

    const changed = await importText(
      db,
      org.admin.actor,
      csv(
        `Admin,${adminEmail(org)},admin,,,A0,,`,
        `Ben Renamed,benjamin@example.test,manager,${adminEmail(org)},Ops,E1,,`,
        "Cy,cy@example.test,,benjamin@example.test,Ops,E2,,",
      ),
    );
    expect(errorsOf(changed)).toEqual([]);
    expect(changed.rows.map((row) => row.action)).toEqual(["unchanged", "update", "unchanged"]);
    const after = await peopleOf(db, org.id);
    expect(after).toHaveLength(3);
    expect(after.find((person) => person.externalEmployeeId === "E1")).toMatchObject({
      id: ben?.id,
      name: "Ben Renamed",
      email: "benjamin@example.test",
    });
  });

  it("leaves columns the file lacks alone and deactivates with a timestamp", async () => {
    const { db } = await database();
    const org = await createTestOrg(db);
    await importText(db, org.admin.actor, csv(`Dee,dee@example.test,manager,${adminEmail(org)},Ops,D1,,`));
    const result = await importText(db, org.admin.actor, "email,name,active\ndee@example.test,Dee,FALSE\n");
    expect(result.rows.map((row) => row.action)).toEqual(["update"]);
    const dee = (await peopleOf(db, org.id)).find((person) => person.email === "dee@example.test");
    expect(dee).toMatchObject({ roles: ["employee", "manager"], department: "Ops", managerId: org.admin.id });
    expect(dee?.active).toBe(false);
    expect(dee?.deactivatedAt).toBeInstanceOf(Date);
  });

  it("reports every kind of row error at once", async () => {
    const { db } = await database();
    const org = await createTestOrg(db);
    const result = await importText(
      db,
      org.admin.actor,
      csv(
        "A,a@example.test,,,,X1,,",
        "A again,A@example.test,,,,X2,,",
        "B,b@example.test,,,,X1,,",
        "C,c@example.test,boss,,,,,",
        "D,d@example.test,,,,,1990-02-30,",
        "E,e@example.test,,nobody@example.test,,,,",
        "F,f@example.test,,f@example.test,,,,",
        "G,g@example.test,,h@example.test,,,,",
        "H,h@example.test,,g@example.test,,,,",
        ",,,,,,,",
        ",i@example.test,,,,,,",
        "J,j@example.test,,,,,,,",
      ),
    );
    expect(result.written).toBe(false);
    expect(result.fileErrors).toEqual([]);
    expect(errorsOf(result)).toEqual([
      { line: 3, column: "email", message: "Line 2 has the same email." },
      { line: 4, column: "external_employee_id", message: "Line 2 has the same external employee id." },
      {
        line: 5,
        column: "roles",
        message: 'Unknown role "boss"; the roles are employee, manager, admin, finance.',
      },
      { line: 6, column: "birthday", message: '"1990-02-30" is not a date; write it as YYYY-MM-DD.' },
      {
        line: 7,
        column: "manager_email",
        message: "No one with the email nobody@example.test is in this file or the organization.",
      },
      { line: 8, column: "manager_email", message: "A person can't be their own manager." },
      {
        line: 9,
        column: "manager_email",
        message: "This makes a reporting cycle: g@example.test → h@example.test → g@example.test.",
      },
      {
        line: 10,
        column: "manager_email",
        message: "This makes a reporting cycle: h@example.test → g@example.test → h@example.test.",
      },
      // Line 11 is blank and skipped.
      { line: 12, column: "name", message: "Enter the person's name." },
      { line: 13, column: null, message: "Expected 8 fields like the header, found 9." },
    ]);
    expect(await peopleOf(db, org.id)).toHaveLength(1);
  });

  it("finds reporting cycles through people the file leaves alone", async () => {
    const { db } = await database();
    const org = await createTestOrg(db);
    await importText(db, org.admin.actor, csv(`Kim,kim@example.test,,${adminEmail(org)},,,,`));
    const result = await importText(
      db,
      org.admin.actor,
      csv(`Admin,${adminEmail(org)},admin,kim@example.test,,,,`),
    );
    expect(errorsOf(result)).toEqual([
      {
        line: 2,
        column: "manager_email",
        message: `This makes a reporting cycle: ${adminEmail(org)} → kim@example.test → ${adminEmail(org)}.`,
      },
    ]);
  });

  it("refuses to take an email or external id from another person", async () => {
    const { db } = await database();
    const org = await createTestOrg(db);
    await importText(db, org.admin.actor, csv(`Lu,lu@example.test,,,,L1,,`, `Mo,mo@example.test,,,,M1,,`));
    const result = await importText(
      db,
      org.admin.actor,
      csv("Lu,mo@example.test,,,,L1,,", "Mo,mo@example.test,,,,M1,,"),
    );
    expect(errorsOf(result)).toEqual([
      { line: 2, column: "email", message: "mo@example.test belongs to someone else in the organization." },
      { line: 3, column: "email", message: "Line 2 has the same email." },
    ]);
    const other = await importText(db, org.admin.actor, csv("Mo,mo@example.test,,,,M2,,"));
    expect(errorsOf(other)).toEqual([
      {
        line: 2,
        column: "external_employee_id",
        message: 'mo@example.test already has the external employee id "M1".',
      },
    ]);
  });

  it("reports problems with the file as a whole", async () => {
    const { db } = await database();
    const org = await createTestOrg(db);
    const unknown = await importText(db, org.admin.actor, "Name,E-Mail,dept\nA,a@example.test,Ops\n");
    expect(unknown.fileErrors).toEqual([
      {
        line: 1,
        message:
          'Unknown column "dept"; the columns are name, email, roles, manager_email, department, cost_center, external_employee_id, birthday, hire_date, active.',
      },
    ]);
    expect(unknown.rows.map((row) => row.action)).toEqual(["create"]);
    expect(unknown.written).toBe(false);

    const missing = await importText(db, org.admin.actor, "name,name\nA,B\n");
    expect(missing.fileErrors.map((error) => error.message)).toEqual([
      'The column "name" appears twice.',
      'The file needs a "email" column.',
    ]);
    expect(missing.rows).toEqual([]);

    const unterminated = await importText(db, org.admin.actor, 'name,email\n"A,a@example.test\n');
    expect(unterminated.fileErrors).toEqual([
      { line: 2, message: 'A quoted field is never closed; add the missing closing quote (").' },
    ]);

    expect((await importText(db, org.admin.actor, "")).fileErrors).toEqual([
      { line: null, message: "The file is empty; it needs a header row naming the columns." },
    ]);
    expect((await importText(db, org.admin.actor, "\uFEFFname,email\r\n")).fileErrors).toEqual([
      { line: null, message: "The file has no people in it." },
    ]);
    expect(await peopleOf(db, org.id)).toHaveLength(1);
  });

  it("will not leave the org without an active admin", async () => {
    const { db } = await database();
    const org = await createTestOrg(db);
    const result = await importText(db, org.admin.actor, csv(`Admin,${adminEmail(org)},,,,,,`));
    expect(result.fileErrors).toEqual([
      {
        line: null,
        message:
          "After this import nobody would be an active admin; keep the admin role on at least one person.",
      },
    ]);
    expect((await peopleOf(db, org.id))[0]?.roles).toEqual(["employee", "admin"]);
  });

  it("never reaches into another org", async () => {
    const { db } = await database();
    const mine = await createTestOrg(db);
    const theirs = await createTestOrg(db);
    const [outsider] = await peopleOf(db, theirs.id);

    const result = await importText(
      db,
      mine.admin.actor,
      csv(`Spy,spy@example.test,,${adminEmail(theirs)},,,,`),
    );
    expect(errorsOf(result)).toEqual([
      {
        line: 2,
        column: "manager_email",
        message: `No one with the email ${adminEmail(theirs)} is in this file or the organization.`,
      },
    ]);
    // The same email in another org is a different person: this org gets its own.
    const twin = await importText(db, mine.admin.actor, csv(`Twin,${adminEmail(theirs)},,,,,,`));
    expect(twin.rows.map((row) => row.action)).toEqual(["create"]);
    expect(await peopleOf(db, theirs.id)).toEqual([outsider]);

    await expect(
      importPeople(db, mine.admin.actor, { orgId: theirs.id, csv: csv("X,x@example.test,,,,,,") }),
    ).rejects.toMatchObject({ code: "forbidden" });
  });

  it("lets admins, the system and the operator import, and no one else", async () => {
    const { db } = await database();
    const org = await createTestOrg(db);
    const employee = await org.addPerson();
    const file = csv("P,p@example.test,,,,,,");
    await expect(importText(db, employee.actor, file)).rejects.toMatchObject({ code: "forbidden" });
    const operator: Actor = { kind: "operator" };
    await expect(importText(db, operator, file)).rejects.toMatchObject({ code: "invalid" });
    await expect(
      importPeople(db, operator, { orgId: "00000000-0000-4000-8000-000000000000", csv: file }),
    ).rejects.toMatchObject({ code: "not_found" });
    expect((await importPeople(db, operator, { orgId: org.id, csv: file, dryRun: true })).totals.create).toBe(
      1,
    );
    expect((await importPeople(db, org.system, { csv: file })).written).toBe(true);
  });
});
