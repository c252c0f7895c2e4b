import { and, eq } from "drizzle-orm";
import type { Database, Transaction } from "../../db/client";
import { ledgerTransactions } from "../../db/schema";
import { DomainError, sqlState } from "../shared/errors";
import type { TransactionKind } from "./postings";

export interface Idempotent<Result> {
  result: Result;
  replayed: boolean;
}

async function findReplay<Result>(
  db: Database | Transaction,
  orgId: string,
  key: string,
  hash: string,
  kind: TransactionKind,
): Promise<Result | null> {
  const [existing] = await db
    .select({
      hash: ledgerTransactions.requestHash,
      kind: ledgerTransactions.kind,
      result: ledgerTransactions.result,
    })
    .from(ledgerTransactions)
    .where(and(eq(ledgerTransactions.orgId, orgId), eq(ledgerTransactions.idempotencyKey, key)));
  if (!existing) return null;
  if (existing.hash !== hash || existing.kind !== kind) {
    throw new DomainError(
      "idempotency_conflict",
      "This request reuses the key of a different request. Send it with a new idempotency key.",
    );
  }
  return existing.result as Result;
}

/**
 * Runs `work` in a transaction at most once per (org, key). A request seen before gets the first
 * result back; two identical requests racing each other collide on the unique key, and the loser
 * returns the winner's result instead of failing.
 */
export async function runOnce<Result>(
  db: Database,
  scope: { orgId: string; key: string; hash: string; kind: TransactionKind },
  work: (tx: Transaction) => Promise<Result>,
): Promise<Idempotent<Result>> {
  const { orgId, key, hash, kind } = scope;
  const earlier = await findReplay<Result>(db, orgId, key, hash, kind);
  if (earlier !== null) return { result: earlier, replayed: true };
  try {
    return { result: await db.transaction(work), replayed: false };
  } catch (error) {
    if (sqlState(error) !== "23505") throw error;
    const winner = await findReplay<Result>(db, orgId, key, hash, kind);
    if (winner === null) throw error;
    return { result: winner, replayed: true };
  }
}
