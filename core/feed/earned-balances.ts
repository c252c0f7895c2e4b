import { sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { arrayLiteral } from "../shared/sql-array";

/**
 * A person's earned balance just after each of the given recognitions: every entry on their earned
 * accounts up to that recognition's ledger transaction, gives, grants, redemptions and forfeits alike.
 * Transactions are numbered in the order they were written, which is the order the balance moved.
 */
export async function earnedBalancesAfter(
  db: Executor,
  orgId: string,
  personId: string,
  recognitionIds: readonly string[],
): Promise<Map<string, number>> {
  if (recognitionIds.length === 0) return new Map();
  const rows = await db.execute<{ id: string; earned_after: string }>(sql`
    select r.id,
           coalesce((select sum(e.amount) from ledger_entries e
                     join ledger_accounts a on a.org_id = e.org_id and a.id = e.account_id
                     where a.org_id = ${orgId}::uuid and a.person_id = ${personId}::uuid and a.kind = 'earned'
                       and e.transaction_id <= r.transaction_id), 0) as earned_after
    from recognitions r
    where r.org_id = ${orgId}::uuid and r.id = any(${arrayLiteral(recognitionIds)}::uuid[])`);
  return new Map(rows.map((row) => [row.id, Number(row.earned_after)]));
}
