import type { SQL } from "drizzle-orm";
import { expect } from "vitest";
import { checkLedger, type LedgerViolation } from "../../core/ledger/check-ledger";
import { type DomainError, type DomainErrorCode, isDomainError, sqlState } from "../../core/shared/errors";
import type { Database, Executor, Transaction } from "../../db/client";

/** Narrows away null and undefined, failing the test with a message when the value is missing. */
export function defined<T>(value: T | null | undefined, what = "value"): T {
  if (value === null || value === undefined) throw new Error(`expected ${what} to be defined`);
  return value;
}

/** Awaits `promise`, expects it to reject with a DomainError of `code`, and returns that error. */
export async function expectDomainError(
  promise: Promise<unknown>,
  code: DomainErrorCode,
): Promise<DomainError> {
  let caught: unknown;
  try {
    await promise;
  } catch (error) {
    caught = error;
  }
  expect(caught, `expected a DomainError "${code}"`).toBeDefined();
  expect(caught).toMatchObject({ name: "DomainError", code });
  if (!isDomainError(caught, code)) throw caught;
  return caught;
}

/** The reconciliation, run as the operator for one org. */
export function ledgerViolations(db: Executor, orgId: string): Promise<LedgerViolation[]> {
  return checkLedger(db, { kind: "operator" }, { orgId });
}

export async function expectLedgerClean(db: Executor, orgId: string): Promise<void> {
  expect(await ledgerViolations(db, orgId)).toEqual([]);
}

/**
 * Runs `body` in a transaction that is always rolled back, so that what it writes (a statement the
 * database wrongly accepts, a row broken on purpose) leaves no trace. Returns what `body` returned.
 */
export async function inRolledBackTransaction<T>(
  db: Database,
  body: (tx: Transaction) => Promise<T>,
): Promise<T> {
  const rolledBack = new Error("rolled back");
  let result: { value: T } | undefined;
  try {
    await db.transaction(async (tx) => {
      result = { value: await body(tx) };
      throw rolledBack;
    });
  } catch (error) {
    if (error !== rolledBack) throw error;
  }
  return defined(result, "the rolled-back result").value;
}

/**
 * Runs one statement in a transaction that is always rolled back. Returns the SQLSTATE it failed with,
 * or undefined when it succeeded.
 */
export async function sqlStateOfFailure(db: Database, statement: SQL): Promise<string | undefined> {
  try {
    await inRolledBackTransaction(db, (tx) => tx.execute(statement));
    return undefined;
  } catch (error) {
    return sqlState(error);
  }
}
