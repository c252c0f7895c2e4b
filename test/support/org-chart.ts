import { eq } from "drizzle-orm";
import { grantPoints } from "../../core/giving/grant-points";
import { createApiKey } from "../../core/org/create-api-key";
import { API_SCOPES } from "../../core/shared/api-scopes";
import { createCompanyValue } from "../../core/values/create-company-value";
import type { Database } from "../../db/client";
import { people } from "../../db/schema";
import { createTestOrg, key, type TestOrg, type TestPerson } from "./factories";
import { giveAt } from "./giving";

/**
 * An org with a reporting chain and a little of everything a read can show:
 *
 *   admin ── employee, colleague        manager ── directReport (a manager too) ── indirectReport
 *   finance (no manager)
 *
 * Everyone has given or received this month, the org has two values, a spot award, an API key and audit
 * entries. Every name, email and department, one value and the org's own name carry the org's slug, so
 * anything of this org that shows up in another org's results is easy to spot.
 */
export interface OrgChart {
  org: TestOrg;
  admin: TestPerson;
  finance: TestPerson;
  manager: TestPerson;
  directReport: TestPerson;
  indirectReport: TestPerson;
  employee: TestPerson;
  /** Outside the manager's reporting line. */
  colleague: TestPerson;
  emailOf: (person: TestPerson) => string;
  /** A company value named after the org's slug. */
  valueId: string;
  apiKeyId: string;
}

/** Builds the chart with every dated row at `at`. */
export async function createOrgChart(db: Database, at: Date): Promise<OrgChart> {
  const org = await createTestOrg(db);
  const clock = () => at;
  const admin = org.admin;
  const department = `Dept ${org.slug}`;
  const person = (role: string, options: Parameters<TestOrg["addPerson"]>[0] = {}) =>
    org.addPerson({ name: `${role} ${org.slug}`, department, ...options });

  const finance = await person("Finance", { roles: ["employee", "finance"] });
  const manager = await person("Manager", { roles: ["employee", "manager"] });
  const directReport = await person("Direct", { roles: ["employee", "manager"], managerId: manager.id });
  const indirectReport = await person("Indirect", { managerId: directReport.id });
  const employee = await person("Employee", { managerId: admin.id });
  const colleague = await person("Colleague", { managerId: admin.id });

  await createCompanyValue(db, admin.actor, { name: "teamwork" });
  const value = await createCompanyValue(db, admin.actor, { name: `kudos-${org.slug}` });
  await giveAt(db, employee, [colleague], 5, { at, values: ["teamwork"] });
  await giveAt(db, colleague, [indirectReport], 5, { at, values: [value.name] });
  await giveAt(db, indirectReport, [manager], 5, { at });
  await giveAt(db, finance, [directReport], 5, { at });
  await grantPoints(
    db,
    admin.actor,
    { recipientIds: [directReport.id, finance.id], amount: 20, message: "Spot award", idempotencyKey: key() },
    clock,
  );
  const apiKey = await createApiKey(db, admin.actor, { name: "HR sync", scopes: [...API_SCOPES] }, clock);

  const rows = await db
    .select({ id: people.id, email: people.email })
    .from(people)
    .where(eq(people.orgId, org.id));
  const emails = new Map(rows.map((row) => [row.id, row.email]));
  const emailOf = (of: TestPerson) => {
    const email = emails.get(of.id);
    if (!email) throw new Error(`no email for ${of.name}`);
    return email;
  };
  return {
    org,
    admin,
    finance,
    manager,
    directReport,
    indirectReport,
    employee,
    colleague,
    emailOf,
    valueId: value.id,
    apiKeyId: apiKey.id,
  };
}
