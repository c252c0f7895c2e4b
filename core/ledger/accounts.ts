import { sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { arrayLiteral } from "../sql-array";

type SystemAccountKind =
  | "allowance_issuance"
  | "company_grants"
  | "redemption_hold"
  | "redeemed"
  | "forfeited"
  | "adjustments";

export async function systemAccountId(db: Executor, orgId: string, kind: SystemAccountKind): Promise<number> {
  const rows = await db.execute<{ id: string }>(
    sql`select plaudit_system_account(${orgId}::uuid, ${kind}::account_kind) as id`,
  );
  const id = rows[0]?.id;
  if (id == null) throw new Error(`org ${orgId} has no ${kind} account`);
  return Number(id);
}

/** Earned accounts of these people, opened on first use; returned as person id → account id. */
export async function earnedAccountIds(
  db: Executor,
  orgId: string,
  personIds: readonly string[],
): Promise<Map<string, number>> {
  const ids = arrayLiteral(personIds);
  await db.execute(sql`
    insert into ledger_accounts (org_id, person_id, kind, balance)
    select ${orgId}::uuid, p, 'earned', 0 from unnest(${ids}::uuid[]) as p
    on conflict on constraint ledger_accounts_owner_unique do nothing`);
  const rows = await db.execute<{ id: string; person_id: string }>(sql`
    select id, person_id from ledger_accounts
    where org_id = ${orgId}::uuid and kind = 'earned' and person_id = any(${ids}::uuid[])`);
  return new Map(rows.map((row) => [row.person_id, Number(row.id)]));
}

/** Current balance of a person account, locking it until the transaction ends. */
export async function lockedBalance(db: Executor, accountId: number): Promise<number> {
  const rows = await db.execute<{ balance: string }>(
    sql`select balance from ledger_accounts where id = ${accountId} for no key update`,
  );
  return Number(rows[0]?.balance ?? 0);
}
