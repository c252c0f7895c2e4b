import { randomUUID } from "node:crypto";
import type postgres from "postgres";
import { givePoints } from "../../core/giving/give-points";
import { createOrganization } from "../../core/org/create-organization";
import type { Actor, Role } from "../../core/shared/actor";
import type { Database } from "../../db/client";
import { personId, personIdSql } from "../setup";

export const DEPARTMENTS = [
  "Engineering",
  "Sales",
  "Customer Success",
  "Marketing",
  "Operations",
  "Finance",
  "Product",
  "Design",
  "People",
  "Legal",
] as const;

export const VALUES = ["ownership", "teamwork", "customer-first", "craft", "courage", "learning"] as const;

/** People 1..MANAGERS are managers reporting to the CEO; everyone after them reports to one of them. */
const MANAGERS = 100;

export interface ScaleOrgOptions {
  /** Everyone, the CEO (the org's first admin) included. */
  people: number;
  recognitions: number;
  /** Gives through the real give path for the bench manager's team, this month. */
  teamGives: number;
}

export interface ScaleOrg {
  orgId: string;
  people: number;
  recognitions: number;
  /** Manager 1: whose dashboard the bench loads and whose feed it pages through. */
  manager: Actor & { kind: "person" };
  /** The CEO, the org's admin: whose analytics are the whole org's. */
  admin: Actor & { kind: "person" };
  managerReports: number;
  /**
   * A department the real gives (the newest recognitions, all in manager 1's department) do not reach,
   * so that its feed filter matches at the rate the history gives it from the first page on.
   */
  otherDepartment: string;
}

/** SQL for manager 1..MANAGERS of report number `n` (an integer expression over n > MANAGERS). */
function managerOfReport(n: string): string {
  return `1 + ((${n}) - ${MANAGERS + 1}) % ${MANAGERS}`;
}

function departmentSql(managerNumber: string): string {
  const names = DEPARTMENTS.map((name) => `'${name}'`).join(", ");
  return `(array[${names}])[1 + ((${managerNumber}) - 1) % ${DEPARTMENTS.length}]`;
}

const FIRST_NAMES = ["Ana", "Ben", "Chen", "Dara", "Eli", "Fatima", "Goran", "Hana", "Ivan", "Jade", "Kofi"];
const LAST_NAMES = ["Okafor", "Silva", "Novak", "Tanaka", "Moreau", "Haddad", "Kowalski", "Reyes", "Lund"];

function textArray(items: readonly string[]): string {
  return `array[${items.map((item) => `'${item.replace(/'/g, "''")}'`).join(", ")}]`;
}

/**
 * One org with a CEO, MANAGERS managers reporting to the CEO, and everyone else spread evenly over the
 * managers (about a hundred reports each); each manager's team shares the manager's department.
 */
async function createPeople(
  db: Database,
  sql: postgres.Sql,
  people: number,
): Promise<{ orgId: string; ceoId: string }> {
  const { orgId, adminId: ceoId } = await createOrganization(
    db,
    { kind: "operator" },
    {
      name: "Bench Web",
      slug: "bench-web",
      timeZone: "America/New_York",
      admin: { name: "Casey Ceo", email: "ceo@bench-web.test" },
    },
  );
  await sql`
    update organizations set default_monthly_allowance = 100, manager_allowance_per_report = 10
    where id = ${orgId}`;
  await sql`
    update people set roles = '{employee,manager,admin}', department = 'Executive' where id = ${ceoId}`;
  await sql`
    insert into company_values (org_id, name)
    select ${orgId}, name from unnest(${[...VALUES]}::text[]) name`;
  const manager = `case when n <= ${MANAGERS} then n else ${managerOfReport("n")} end`;
  await sql.unsafe(
    `insert into people (id, org_id, name, email, roles, manager_id, department)
     select ${personIdSql("n")}, $1,
       (${textArray(FIRST_NAMES)})[1 + n % ${FIRST_NAMES.length}] || ' '
         || (${textArray(LAST_NAMES)})[1 + (n / ${FIRST_NAMES.length}) % ${LAST_NAMES.length}] || ' ' || n,
       'person' || n || '@bench-web.test',
       case when n <= ${MANAGERS} then '{employee,manager}' else '{employee}' end::person_role[],
       case when n <= ${MANAGERS} then $2::uuid else ${personIdSql(managerOfReport("n"))} end,
       ${departmentSql(manager)}
     from generate_series(1, $3::int) n`,
    [orgId, ceoId, people - 1],
  );
  return { orgId, ceoId };
}

const MESSAGES = [
  "Thanks for staying late to get the release over the line",
  "Brilliant customer call today, they renewed on the spot",
  "Thank you for untangling the on-call handover",
  "Great onboarding docs, the new starters loved them",
  "Thanks for covering my shift at short notice",
  "That migration plan saved us a week",
  "Thank you for the calm, clear incident write-up",
  "Lovely design review, the feedback was spot on",
];

/**
 * `count` recognitions spread uniformly over the last twelve months, written set-based. They are feed
 * and dashboard history only: each gets a `give` transaction row (recognitions reference one) but no
 * ledger entries, so the ledger does not account for them; this month's allowance figures come from the
 * real gives in `giveAsTeam`. One to three recipients (80/15/5 %), none of them the giver; zero to two
 * company values (25/60/15 %).
 */
async function createHistory(sql: postgres.Sql, orgId: string, people: number, count: number): Promise<void> {
  const numbered = people - 1;
  await sql.unsafe(
    `create temporary table bench_history as
     select n, gen_random_uuid() as recognition_id,
       nextval(pg_get_serial_sequence('ledger_transactions', 'id')) as transaction_id,
       1 + floor(r_giver * ${numbered})::int as giver,
       now() - r_time * interval '365 days' as at,
       case when r_count < 0.8 then 1 when r_count < 0.95 then 2 else 3 end as recipients,
       -- Recipient j is giver + offset + j (mod the people), offset in 1..people-4: never the giver, no repeats.
       1 + floor(r_offset * (${numbered} - 4))::int as recipient_offset,
       5 * (1 + floor(r_amount * 10))::int as amount,
       case when r_values < 0.25 then 0 when r_values < 0.85 then 1 else 2 end as value_count,
       floor(r_value * ${VALUES.length})::int as value_offset
     from (
       select n, random() as r_giver, random() as r_time, random() as r_count, random() as r_offset,
         random() as r_amount, random() as r_values, random() as r_value
       from generate_series(1, $1::int) n
       -- Keeps each random() evaluated once per row however the planner rearranges the outer query.
       offset 0
     ) draws`,
    [count],
  );
  await sql.unsafe(
    `insert into ledger_transactions (id, org_id, kind, idempotency_key, request_hash, actor_person_id, memo, created_at)
     select transaction_id, $1, 'give', 'bench-history:' || n, '', ${personIdSql("giver")},
       'bench history: no ledger entries', at
     from bench_history order by at`,
    [orgId],
  );
  // In time order, as gives arrive: the heap then follows the feed index as it would in production.
  await sql.unsafe(
    `insert into recognitions (id, org_id, giver_id, source, message, amount_per_recipient, total_amount,
       transaction_id, created_at)
     select recognition_id, $1, ${personIdSql("giver")},
       case when n % 3 = 0 then 'web' else 'slack' end::recognition_source,
       (${textArray(MESSAGES)})[1 + n % ${MESSAGES.length}],
       amount, amount * recipients, transaction_id, at
     from bench_history order by at`,
    [orgId],
  );
  await sql.unsafe(
    `insert into recognition_recipients (recognition_id, person_id, org_id, amount, created_at)
     select h.recognition_id, ${personIdSql(`1 + (h.giver - 1 + h.recipient_offset + j) % ${numbered}`)}, $1,
       h.amount, h.at
     from bench_history h, generate_series(0, h.recipients - 1) j
     order by h.at`,
    [orgId],
  );
  await sql.unsafe(
    `insert into recognition_values (recognition_id, value_id, org_id)
     select h.recognition_id, v.ids[1 + (h.value_offset + j) % ${VALUES.length}], $1
     from bench_history h, generate_series(0, h.value_count - 1) j,
       (select array_agg(id order by name) as ids from company_values where org_id = $1) v`,
    [orgId],
  );
  await sql`drop table bench_history`;
}

/** The people who report directly to manager `manager` (1-based), in the numbering of `createPeople`. */
function reportsOf(manager: number, people: number): number[] {
  const reports: number[] = [];
  for (let n = MANAGERS + manager; n < people; n += MANAGERS) reports.push(n);
  return reports;
}

function pick<T>(items: readonly T[]): T {
  const item = items[Math.floor(Math.random() * items.length)];
  if (item === undefined) throw new Error("pick from an empty list");
  return item;
}

function personActor(orgId: string, n: number, roles: readonly Role[]): Actor & { kind: "person" } {
  return { kind: "person", orgId, personId: personId(n), roles };
}

/**
 * Real gives for manager 1's team, this month, through the give path: they open the team's allowance
 * accounts and make the dashboard's allowance, given and received figures real. One in ten is the
 * manager thanking a report; the rest are reports thanking a teammate or the manager.
 */
async function giveAsTeam(db: Database, orgId: string, people: number, gives: number): Promise<void> {
  const reports = reportsOf(1, people);
  const team = [1, ...reports];
  const give = async (i: number) => {
    const giver = i % 10 === 0 ? 1 : pick(reports);
    let receiver = giver === 1 ? pick(reports) : pick(team);
    while (receiver === giver) receiver = pick(team);
    await givePoints(
      db,
      personActor(orgId, giver, giver === 1 ? ["employee", "manager"] : ["employee"]),
      {
        recipientIds: [personId(receiver)],
        amount: 5 + Math.floor(Math.random() * 3),
        message: pick(MESSAGES),
        values: [pick(VALUES)],
        source: "web",
        idempotencyKey: randomUUID(),
      },
      undefined,
      // Seeding, not a person giving: a manager's team gives hundreds in seconds.
      null,
    );
  };
  const inFlight = 8;
  for (let start = 0; start < gives; start += inFlight) {
    await Promise.all(Array.from({ length: Math.min(inFlight, gives - start) }, (_, k) => give(start + k)));
  }
}

export async function seedScaleOrg(
  db: Database,
  sql: postgres.Sql,
  options: ScaleOrgOptions,
): Promise<ScaleOrg> {
  const started = Date.now();
  const { orgId, ceoId } = await createPeople(db, sql, options.people);
  await createHistory(sql, orgId, options.people, options.recognitions);
  await giveAsTeam(db, orgId, options.people, options.teamGives);
  // Autovacuum would long since have visited tables this size (and may be off on this server): vacuum
  // sets the visibility map that index-only scans rely on, analyze gives the planner real statistics.
  await sql`vacuum analyze`;
  console.log(`seeded in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  const manager = personActor(orgId, 1, ["employee", "manager"]);
  return {
    orgId,
    people: options.people,
    recognitions: options.recognitions,
    manager,
    admin: { kind: "person", orgId, personId: ceoId, roles: ["employee", "manager", "admin"] },
    managerReports: reportsOf(1, options.people).length,
    otherDepartment: DEPARTMENTS[1],
  };
}
