import { sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import type { transactionKind } from "../../db/schema";

export type TransactionKind = (typeof transactionKind.enumValues)[number];

export interface Posting {
  orgId: string;
  kind: TransactionKind;
  idempotencyKey: string;
  requestHash: string;
  actorPersonId?: string | null;
  memo?: string | null;
  /** For a settle or release: the hold it closes. */
  closesTransactionId?: number | null;
  entries: { accountId: number; amount: number }[];
  /** When the event it records happened (a grant's, a redemption's); now when left out. */
  at?: Date;
}

/**
 * Writes a balanced transaction through `plaudit_post`, the single place that inserts entries and moves
 * cached balances; it refuses an unbalanced set of entries.
 */
export async function post(db: Executor, posting: Posting): Promise<number> {
  const accounts = `{${posting.entries.map((e) => e.accountId).join(",")}}`;
  const amounts = `{${posting.entries.map((e) => e.amount).join(",")}}`;
  const rows = await db.execute<{ id: string }>(sql`
    select plaudit_post(${posting.orgId}::uuid, ${posting.kind}::transaction_kind, ${posting.idempotencyKey},
      ${posting.requestHash}, ${posting.actorPersonId ?? null}::uuid, ${posting.memo ?? null},
      ${posting.closesTransactionId ?? null}::bigint, ${accounts}::bigint[], ${amounts}::bigint[],
      ${posting.at?.toISOString() ?? null}::timestamptz) as id`);
  return Number(rows[0]?.id);
}

/** Stores what the caller of a transaction was told, so a replay of the same request is told the same. */
export async function recordResult(db: Executor, transactionId: number, result: unknown): Promise<void> {
  await db.execute(
    sql`update ledger_transactions set result = ${JSON.stringify(result)}::jsonb where id = ${transactionId}`,
  );
}
