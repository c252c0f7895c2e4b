import type postgres from "postgres";
import { createOrganization } from "../../core/org/create-organization";
import type { Actor } from "../../core/shared/actor";
import type { Database } from "../../db/client";
import { personId, personIdSql } from "../setup";
import { DEPARTMENTS } from "../web/seed";

export const TIME_ZONE = "America/New_York";
const COST_CENTERS = 40;
/** Person 1 works in finance: who closes, downloads and reads the liability in the bench. */
const FINANCE_PERSON = 1;

const FIRST_NAMES = ["Ana", "Ben", "Chen", "Dara", "Eli", "Fatima", "Goran", "Hana", "Ivan", "Jade", "Kofi"];
const LAST_NAMES = ["Okafor", "Silva", "Novak", "Tanaka", "Moreau", "Haddad", "Kowalski", "Reyes", "Lund"];

function textArray(items: readonly string[]): string {
  return `array[${items.map((item) => `'${item.replace(/'/g, "''")}'`).join(", ")}]`;
}

export interface BillOrgPeople {
  orgId: string;
  adminId: string;
  finance: Actor & { kind: "person" };
}

/** The org, through the product (so it has its system accounts and first admin), in New York, in USD. */
export async function createBillOrg(db: Database, monthlyAllowance: number): Promise<BillOrgPeople> {
  const { orgId, adminId } = await createOrganization(
    db,
    { kind: "operator" },
    {
      name: "Bench Bill",
      slug: "bench-bill",
      timeZone: TIME_ZONE,
      currency: "USD",
      admin: { name: "Avery Admin", email: "admin@bench-bill.test" },
    },
  );
  // The entitlement the seeded allowance issues give, so the org's settings agree with its ledger.
  await db.$client`update organizations set default_monthly_allowance = ${monthlyAllowance} where id = ${orgId}`;
  return {
    orgId,
    adminId,
    finance: { kind: "person", orgId, personId: personId(FINANCE_PERSON), roles: ["employee", "finance"] },
  };
}

/**
 * People 1..count, each in a department and a cost center and with an HR id, as an HR import leaves
 * them. One in 25 is written "Last, First": a name with a comma, which the CSV must quote.
 */
export async function insertPeople(
  sql: postgres.TransactionSql,
  orgId: string,
  count: number,
): Promise<void> {
  const first = `(${textArray(FIRST_NAMES)})[1 + n % ${FIRST_NAMES.length}]`;
  const last = `(${textArray(LAST_NAMES)})[1 + (n / ${FIRST_NAMES.length}) % ${LAST_NAMES.length}]`;
  await sql.unsafe(
    `insert into people (id, org_id, name, email, roles, department, cost_center, external_employee_id)
     select ${personIdSql("n")}, $1,
       case when n % 25 = 0 then ${last} || ', ' || ${first} || ' ' || n else ${first} || ' ' || ${last} || ' ' || n end,
       'person' || n || '@bench-bill.test',
       case when n = ${FINANCE_PERSON} then '{employee,finance}' else '{employee}' end::person_role[],
       (${textArray(DEPARTMENTS)})[1 + n % ${DEPARTMENTS.length}],
       'CC-' || lpad((1 + n % ${COST_CENTERS})::text, 3, '0'),
       'E' || lpad(n::text, 7, '0')
     from generate_series(1, $2::int) n`,
    [orgId, count],
  );
}
