import { sql } from "drizzle-orm";
import { expect } from "vitest";
import type { DomainError, DomainErrorCode } from "../../core/shared/errors";
import type { Executor } from "../../db/client";
import { expectDomainError } from "./assertions";

/** Every table an org's actions can write to; each has an org_id column. */
const ORG_TABLES = [
  "people",
  "company_values",
  "ledger_accounts",
  "ledger_transactions",
  "ledger_entries",
  "recognitions",
  "recognition_recipients",
  "recognition_values",
  "recognition_reactions",
  "recognition_comments",
  "slack_announcements",
  "celebrations",
  "level_achievements",
  "allowance_overrides",
  "allowance_boosts",
  "audit_log",
  "api_keys",
] as const;

/**
 * The reward and billing tables, compared by what their rows hold rather than how many there are: a
 * redemption decided, a notice sent or a bill closed changes a row in place.
 */
const DIGESTED_TABLES = [
  "reward_settings",
  "provider_products",
  "custom_rewards",
  "redemptions",
  "notifications",
  "provider_webhook_events",
  "billing_settings",
  "bills",
  "bill_lines",
  "ledger_hours_summarised",
  "analytics_watermarks",
  "campaigns",
  "levels",
] as const;

export type OrgTable = (typeof ORG_TABLES)[number];

export interface Footprint {
  rows: Record<OrgTable, number>;
  /** Cached person balances as `accountId:balance`, in account order. */
  balances: string[];
  /** A digest of the org's rows of each reward and billing table. */
  digests: Record<(typeof DIGESTED_TABLES)[number], string>;
}

/** Row counts of everything written for one org, its cached balances and its reward and billing rows. */
export async function orgFootprint(db: Executor, orgId: string): Promise<Footprint> {
  const counts = sql.join(
    ORG_TABLES.map(
      (table) =>
        sql`(select count(*) from ${sql.identifier(table)} where org_id = ${orgId}::uuid)::int as ${sql.identifier(table)}`,
    ),
    sql`, `,
  );
  const digests = sql.join(
    DIGESTED_TABLES.map(
      (table) =>
        sql`(select md5(coalesce(string_agg(t::text, ',' order by t::text), '')) from ${sql.identifier(table)} t
             where t.org_id = ${orgId}::uuid) as ${sql.identifier(table)}`,
    ),
    sql`, `,
  );
  const [row] = await db.execute<Record<OrgTable, number>>(sql`select ${counts}`);
  const [digested] = await db.execute<Footprint["digests"]>(sql`select ${digests}`);
  if (!row || !digested) throw new Error("footprint query returned no row");
  const balances = await db.execute<{ id: string; balance: string }>(sql`
    select id, balance from ledger_accounts where org_id = ${orgId}::uuid and balance is not null order by id`);
  return {
    rows: row,
    balances: balances.map((account) => `${account.id}:${account.balance}`),
    digests: digested,
  };
}

/** Runs `action` and proves it changed nothing that belongs to the org. */
export async function expectOrgUntouched<T>(
  db: Executor,
  orgId: string,
  action: () => Promise<T>,
): Promise<T> {
  const before = await orgFootprint(db, orgId);
  const result = await action();
  expect(await orgFootprint(db, orgId)).toEqual(before);
  return result;
}

/** Expects `action` to be refused with `code` and proves it wrote nothing in any of the orgs. */
export async function expectRefusedWithoutWrites(
  db: Executor,
  orgIds: readonly string[],
  code: DomainErrorCode,
  action: () => Promise<unknown>,
): Promise<DomainError> {
  const before = await Promise.all(orgIds.map((orgId) => orgFootprint(db, orgId)));
  const error = await expectDomainError(action(), code);
  expect(await Promise.all(orgIds.map((orgId) => orgFootprint(db, orgId)))).toEqual(before);
  return error;
}
