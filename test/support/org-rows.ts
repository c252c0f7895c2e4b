import { sql } from "drizzle-orm";
import { expect } from "vitest";
import type { Actor } from "../../core/actor";
import { checkLedger } from "../../core/check-ledger";
import type { Database } from "../../db/client";

const TABLES = [
  "ledger_accounts",
  "ledger_transactions",
  "ledger_entries",
  "recognitions",
  "recognition_recipients",
  "recognition_values",
  "allowance_overrides",
  "allowance_boosts",
  "audit_log",
] as const;

/** Row counts of everything an org's actions can write, plus its person balances. */
export async function orgRows(db: Database, orgId: string): Promise<Record<string, unknown>> {
  const counts = await db.execute<Record<string, string>>(
    sql.raw(
      `select ${TABLES.map((table) => `(select count(*) from ${table} where org_id = '${orgId}') as ${table}`).join(", ")}`,
    ),
  );
  const balances = await db.execute<{ id: string; balance: string }>(
    sql`select id, balance from ledger_accounts where org_id = ${orgId}::uuid and balance is not null order by id`,
  );
  return { ...counts[0], balances: balances.map((row) => `${row.id}:${row.balance}`) };
}

/** Runs `action`, expects it to fail with `code`, and proves it wrote nothing in the org. */
export async function expectRefusedWithoutWrites(
  db: Database,
  orgId: string,
  code: string,
  action: () => Promise<unknown>,
): Promise<void> {
  const before = await orgRows(db, orgId);
  await expect(action()).rejects.toMatchObject({ name: "DomainError", code });
  expect(await orgRows(db, orgId)).toEqual(before);
}

/** Runs the reconciliation over the admin's org (admins may run it). */
export async function expectLedgerConsistent(db: Database, admin: Actor): Promise<void> {
  expect(await checkLedger(db, admin)).toEqual([]);
}
