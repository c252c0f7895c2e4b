import { describe, expect, it } from "vitest";
import { getGivingRules } from "../../core/giving/get-giving-rules";
import { listDepartments } from "../../core/people/list-departments";
import { listCompanyValues } from "../../core/values/list-company-values";
import { retireCompanyValue } from "../../core/values/retire-company-value";
import { defined, expectDomainError } from "../support/assertions";
import { workerDatabase } from "../support/database";
import { createTestOrg } from "../support/factories";

const database = workerDatabase();

const OPERATOR = { kind: "operator" } as const;

describe("listCompanyValues", () => {
  it("lists the org's active values alphabetically, without retired ones or another org's", async () => {
    const { db } = await database();
    const org = await createTestOrg(db);
    const other = await createTestOrg(db);
    const [ana] = await org.addPeople(1);
    await org.addValues("teamwork", "ownership", "craft", "retired-one");
    await other.addValues("elsewhere");
    const before = await listCompanyValues(db, defined(ana).actor);
    const retiring = defined(before.values.find((value) => value.name === "retired-one"));
    await retireCompanyValue(db, org.admin.actor, { valueId: retiring.id });

    const { values } = await listCompanyValues(db, defined(ana).actor);

    expect(values.map((value) => value.name)).toEqual(["craft", "ownership", "teamwork"]);
    expect(values[0]).toEqual({ id: expect.any(String), name: "craft", description: null });
    expect((await listCompanyValues(db, other.system)).values.map((value) => value.name)).toEqual([
      "elsewhere",
    ]);
  });

  it("is empty for an org without values and refuses the operator, who acts in no org", async () => {
    const { db } = await database();
    const org = await createTestOrg(db);

    expect(await listCompanyValues(db, org.admin.actor)).toEqual({ values: [] });
    await expectDomainError(listCompanyValues(db, OPERATOR), "forbidden");
  });
});

describe("listDepartments", () => {
  it("lists each department once, ignoring case when sorting, leavers' included, bots and blanks left out", async () => {
    const { db } = await database();
    const org = await createTestOrg(db);
    const other = await createTestOrg(db);
    const [viewer] = await org.addPeople(2, { department: "Sales" });
    await org.addPerson({ department: "engineering" });
    await org.addPerson({ department: "Marketing", active: false });
    await org.addPerson({ department: "Automation", isBot: true });
    await org.addPerson({ department: "   " });
    await org.addPerson();
    await other.addPerson({ department: "Finance" });

    const { departments } = await listDepartments(db, defined(viewer).actor);

    expect(departments).toEqual(["engineering", "Marketing", "Sales"]);
    expect(await listDepartments(db, other.system)).toEqual({ departments: ["Finance"] });
    await expectDomainError(listDepartments(db, OPERATOR), "forbidden");
  });
});

describe("getGivingRules", () => {
  it("reads the org's points range and values mode", async () => {
    const { db } = await database();
    const org = await createTestOrg(db, {
      minPointsPerRecognition: 5,
      maxPointsPerRecognition: 50,
      valuesMode: "required",
    });
    const other = await createTestOrg(db);
    const [ana] = await org.addPeople(1);

    expect(await getGivingRules(db, defined(ana).actor)).toEqual({
      minPoints: 5,
      maxPoints: 50,
      valuesMode: "required",
    });
    expect(await getGivingRules(db, other.admin.actor)).toEqual({
      minPoints: 1,
      maxPoints: 100,
      valuesMode: "optional",
    });
    await expectDomainError(getGivingRules(db, OPERATOR), "forbidden");
  });
});
