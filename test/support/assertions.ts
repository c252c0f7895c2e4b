import { expect } from "vitest";
import { checkLedger, type LedgerViolation } from "../../core/check-ledger";
import { type DomainError, type DomainErrorCode, isDomainError } from "../../core/errors";
import type { Executor } from "../../db/client";

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

/** The reconciliation run as the operator (all orgs of the worker database), narrowed to one org. */
export async function ledgerViolations(db: Executor, orgId: string): Promise<LedgerViolation[]> {
  const violations = await checkLedger(db, { kind: "operator" });
  return violations.filter((violation) => violation.orgId === orgId);
}

export async function expectLedgerClean(db: Executor, orgId: string): Promise<void> {
  expect(await ledgerViolations(db, orgId)).toEqual([]);
}
