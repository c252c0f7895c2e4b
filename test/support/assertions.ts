import type { SQL } from "drizzle-orm";
import { expect } from "vitest";
import { checkLedger, type LedgerViolation } from "../../core/ledger/check-ledger";
import { type DomainError, type DomainErrorCode, isDomainError, sqlState } from "../../core/shared/errors";
import type { Database, Executor } from "../../db/client";

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
 * Runs one statement in a transaction that is always rolled back, so a statement the database wrongly
 * accepts leaves no trace. Returns the SQLSTATE it failed with, or undefined when it succeeded.
 */
export async function sqlStateOfFailure(db: Database, statement: SQL): Promise<string | undefined> {
  const rolledBack = new Error("rolled back");
  try {
    await db.transaction(async (tx) => {
      await tx.execute(statement);
      throw rolledBack;
    });
  } catch (error) {
    if (error === rolledBack) return undefined;
    return sqlState(error);
  }
  return undefined;
}
