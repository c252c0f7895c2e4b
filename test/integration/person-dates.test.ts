import { describe, expect, it } from "vitest";
import { createPerson } from "../../core/people/create-person";
import { importPeople } from "../../core/people/import-people";
import { updatePerson } from "../../core/people/update-person";
import { workerDatabase } from "../support/database";
import { createTestOrg } from "../support/factories";
import { expectRefusedWithoutWrites } from "../support/footprint";

const database = workerDatabase();

const OUT_OF_RANGE = '"0000-01-01" is out of range; use a year from 1900 to 2100.';

describe("a birthday or hire date PostgreSQL can't store (year 0)", () => {
  it("is refused with the range, never reaching the database, however the person arrives", async () => {
    const { db } = await database();
    const org = await createTestOrg(db);
    const ana = await org.addPerson({ name: "Ana" });
    const admin = org.admin.actor;
    const created = await expectRefusedWithoutWrites(db, [org.id], "invalid", () =>
      createPerson(db, admin, { name: "Bo", email: "bo@example.test", hireDate: "0000-01-01" }),
    );
    expect(created.details.fieldErrors).toEqual({ hireDate: OUT_OF_RANGE });
    const updated = await expectRefusedWithoutWrites(db, [org.id], "invalid", () =>
      updatePerson(db, admin, { personId: ana.id, birthday: "0000-01-01" }),
    );
    expect(updated.details.fieldErrors).toEqual({ birthday: OUT_OF_RANGE });
    const imported = await importPeople(db, admin, {
      orgId: org.id,
      csv: "name,email,birthday\nCy,cy@example.test,0000-01-01\n",
    });
    expect(imported.written).toBe(false);
    expect(imported.rows.flatMap((row) => row.errors)).toContainEqual(
      expect.objectContaining({ column: "birthday", message: OUT_OF_RANGE }),
    );
  });
});
