import { sql } from "drizzle-orm";
import type { Executor } from "../../db/client";

/** The recognitions made under each give key that starts with `prefix` (`api:`, `slack:command:`). */
export async function recognitionsByKey(
  db: Executor,
  orgId: string,
  prefix: string,
): Promise<Map<string, string[]>> {
  const rows = await db.execute<{ key: string; ids: string[] }>(sql`
    select t.idempotency_key as key, array_agg(r.id::text order by r.id) as ids
    from ledger_transactions t join recognitions r on r.org_id = t.org_id and r.transaction_id = t.id
    where t.org_id = ${orgId}::uuid and starts_with(t.idempotency_key, ${prefix})
    group by t.idempotency_key`);
  return new Map(rows.map((row) => [row.key, row.ids]));
}

export async function recognitionCount(
  db: Executor,
  orgId: string,
  source: "api" | "slack",
): Promise<number> {
  const [row] = await db.execute<{ count: number }>(sql`
    select count(*)::int as count from recognitions where org_id = ${orgId}::uuid and source = ${source}`);
  return row?.count ?? 0;
}

export interface RedemptionState {
  id: string;
  status: string;
  nextAttemptAt: Date | null;
  /** The settle or release that closed the hold; null while the points are held. */
  closeTransactionId: number | null;
}

/** The org's redemptions by their idempotency key (`api:<key>` for the API's). */
export async function redemptionsByKey(db: Executor, orgId: string): Promise<Map<string, RedemptionState[]>> {
  const rows = await db.execute<{
    key: string;
    id: string;
    status: string;
    next_attempt_at: string | null;
    close_transaction_id: string | null;
  }>(sql`
    select idempotency_key as key, id, status, next_attempt_at, close_transaction_id
    from redemptions where org_id = ${orgId}::uuid order by requested_at`);
  const byKey = new Map<string, RedemptionState[]>();
  for (const row of rows) {
    const state = {
      id: row.id,
      status: row.status,
      nextAttemptAt: row.next_attempt_at === null ? null : new Date(row.next_attempt_at),
      closeTransactionId: row.close_transaction_id === null ? null : Number(row.close_transaction_id),
    };
    byKey.set(row.key, [...(byKey.get(row.key) ?? []), state]);
  }
  return byKey;
}
