import type postgres from "postgres";
import { createOrganization } from "../core/org/create-organization";
import type { Database } from "../db/client";

/**
 * Person n (1-based) has this uuid, so that pgbench scripts can turn `random(1, :n)` into a person
 * without a lookup. The JS and SQL forms must agree.
 */
const PERSON_UUID_PREFIX = "00000000-0000-4000-8000-";

export function personId(n: number): string {
  return `${PERSON_UUID_PREFIX}${String(n).padStart(12, "0")}`;
}

/** `personId` as a SQL expression over an integer expression. */
export function personIdSql(n: string): string {
  return `('${PERSON_UUID_PREFIX}' || lpad((${n})::text, 12, '0'))::uuid`;
}

function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** The database DATABASE_URL names, with libpq's default (the user name) when it names none. */
export function databaseName(url: URL): string {
  return decodeURIComponent(url.pathname.slice(1)) || decodeURIComponent(url.username) || "postgres";
}

export function withDatabase(url: URL, name: string): string {
  const copy = new URL(url);
  copy.pathname = `/${encodeURIComponent(name)}`;
  return copy.toString();
}

export async function recreateDatabase(admin: postgres.Sql, name: string): Promise<void> {
  await dropDatabase(admin, name);
  await admin.unsafe(`create database ${quoteIdentifier(name)}`);
}

export async function dropDatabase(admin: postgres.Sql, name: string): Promise<void> {
  // FORCE ends sessions a crashed earlier run may have left behind.
  await admin.unsafe(`drop database if exists ${quoteIdentifier(name)} with (force)`);
}

export interface BenchOrg {
  orgId: string;
  people: number;
}

/**
 * An org of `people` people, numbered 1..people, who can keep giving for the whole run: the allowance
 * is raised far above what a run gives.
 */
export async function seedOrg(db: Database, sql: postgres.Sql, people: number): Promise<BenchOrg> {
  const { orgId } = await createOrganization(
    db,
    { kind: "operator" },
    { name: "Bench", slug: "bench", admin: { name: "Bench Admin", email: "admin@bench.test" } },
  );
  await sql`
    update organizations set default_monthly_allowance = 1000000000, max_points_per_recognition = 1000
    where id = ${orgId}`;
  await sql.unsafe(
    `insert into people (id, org_id, name, email)
     select ${personIdSql("n")}, $1, 'Person ' || n, 'p' || n || '@bench.test'
     from generate_series(1, $2::int) n`,
    [orgId, people],
  );
  // A person's first give of a month opens their allowance account and issues the month's allowance;
  // opening all of them here makes the runs measure the steady state that every other give sees.
  await sql`
    select count(plaudit_allowance_account(p.org_id, p.id, plaudit_period(o.time_zone, now())))
    from people p join organizations o on o.id = p.org_id
    where p.org_id = ${orgId}`;
  await sql`
    insert into ledger_accounts (org_id, person_id, kind, balance)
    select org_id, id, 'earned', 0 from people where org_id = ${orgId}`;
  return { orgId, people };
}

/**
 * The row for the hot-row baseline. A table of its own, because bumping a ledger balance directly
 * would leave the cached balance different from the sum of entries (and BENCH_KEEP_DB keeps the
 * database for inspection).
 */
export async function createHotRow(sql: postgres.Sql): Promise<void> {
  await sql`create table bench_hot_row (id integer primary key, balance bigint not null check (balance >= 0))`;
  await sql`insert into bench_hot_row values (1, 0)`;
}
