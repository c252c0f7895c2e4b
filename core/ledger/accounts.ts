import { sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { arrayLiteral } from "../shared/sql-array";

type SystemAccountKind =
  | "allowance_issuance"
  | "company_grants"
  | "redemption_hold"
  | "redeemed"
  | "forfeited"
  | "adjustments"
  | "campaign_bonus";

export async function systemAccountId(db: Executor, orgId: string, kind: SystemAccountKind): Promise<number> {
  const rows = await db.execute<{ id: string }>(
    sql`select plaudit_system_account(${orgId}::uuid, ${kind}::account_kind) as id`,
  );
  const id = rows[0]?.id;
  if (id == null) throw new Error(`org ${orgId} has no ${kind} account`);
  return Number(id);
}

/**
 * The earned account (slot 0) that credits other than gives land in, opened on first use; returned as
 * person id → account id.
 */
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
    where org_id = ${orgId}::uuid and kind = 'earned' and slot = 0 and person_id = any(${ids}::uuid[])`);
  return new Map(rows.map((row) => [row.person_id, Number(row.id)]));
}

export interface EarnedSlot {
  accountId: number;
  balance: number;
}

/**
 * All of a person's earned slots, locked until the transaction ends (in the order every writer uses),
 * so that what they add up to cannot change under a debit.
 */
export async function lockEarnedSlots(db: Executor, orgId: string, personId: string): Promise<EarnedSlot[]> {
  const rows = await db.execute<{ id: string; balance: string }>(sql`
    select id, balance from ledger_accounts
    where org_id = ${orgId}::uuid and person_id = ${personId}::uuid and kind = 'earned'
    order by slot for no key update`);
  return rows.map((row) => ({ accountId: Number(row.id), balance: Number(row.balance) }));
}

/** Each person's earned balance: the sum over their slots. */
export async function earnedBalances(
  db: Executor,
  orgId: string,
  personIds: readonly string[],
): Promise<Record<string, number>> {
  const rows = await db.execute<{ person_id: string; balance: string }>(sql`
    select person_id, sum(balance) as balance from ledger_accounts
    where org_id = ${orgId}::uuid and kind = 'earned' and person_id = any(${arrayLiteral(personIds)}::uuid[])
    group by person_id`);
  return Object.fromEntries(rows.map((row) => [row.person_id, Number(row.balance)]));
}
