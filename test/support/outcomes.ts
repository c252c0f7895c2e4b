import { sql } from "drizzle-orm";
import { expect } from "vitest";
import { type DomainError, type DomainErrorCode, isDomainError } from "../../core/shared/errors";
import { arrayLiteral } from "../../core/shared/sql-array";
import type { Executor } from "../../db/client";
import { expectOrgUntouched, expectRefusedWithoutWrites, orgFootprint } from "./footprint";

/** How a use case call ended: its result, or the DomainError it was refused with. */
export type Settled = { result: unknown } | { error: DomainError };

/** Runs `call`; any failure other than a DomainError is rethrown. */
export async function settle(call: () => Promise<unknown>): Promise<Settled> {
  try {
    return { result: await call() };
  } catch (error) {
    if (isDomainError(error)) return { error };
    throw error;
  }
}

/**
 * What the caller learns from an outcome, with each value it sent (ids, emails) replaced by its name, so
 * that calls naming different rows can be compared.
 */
export function asSeenBy(outcome: Settled, sent: Readonly<Record<string, string>>): unknown {
  const seen =
    "error" in outcome
      ? { code: outcome.error.code, message: outcome.error.message, details: outcome.error.details }
      : outcome;
  let text = JSON.stringify(seen);
  for (const [name, value] of Object.entries(sent)) text = text.replaceAll(value, `<${name}>`);
  return JSON.parse(text);
}

/** The org rows themselves and how many orgs exist, which the footprint leaves out. */
async function orgRows(db: Executor, orgIds: readonly string[]): Promise<unknown> {
  const [row] = await db.execute<{ count: number; rows: unknown }>(sql`
    select (select count(*) from organizations)::int as count,
           (select jsonb_agg(to_jsonb(o) order by o.id) from organizations o
            where o.id = any(${arrayLiteral(orgIds)}::uuid[])) as rows`);
  return row;
}

/**
 * Expects `call` to be refused with `code` and to write nothing: no row of the orgs (see
 * expectRefusedWithoutWrites), no change to the orgs themselves and no new org.
 */
export async function expectRefused(
  db: Executor,
  orgIds: readonly string[],
  code: DomainErrorCode,
  call: () => Promise<unknown>,
): Promise<Settled> {
  const before = await orgRows(db, orgIds);
  const error = await expectRefusedWithoutWrites(db, orgIds, code, call);
  expect(await orgRows(db, orgIds), "the orgs themselves are unchanged").toEqual(before);
  return { error };
}

/**
 * Expects `call` to succeed. A read leaves both orgs as they were; a write leaves a trace in the actor's
 * org, which proves it did something rather than nothing, and none in the other.
 */
export async function expectAllowed(
  db: Executor,
  [actorOrgId, otherOrgId]: readonly [string, string],
  writes: boolean,
  call: () => Promise<unknown>,
): Promise<Settled> {
  if (!writes) {
    return {
      result: await expectOrgUntouched(db, otherOrgId, () => expectOrgUntouched(db, actorOrgId, call)),
    };
  }
  const before = await orgFootprint(db, actorOrgId);
  const result = await expectOrgUntouched(db, otherOrgId, call);
  expect(await orgFootprint(db, actorOrgId), "a successful write left a trace").not.toEqual(before);
  return { result };
}

/** Puts `title` in front of a failure, so that the report of a failed row of a table names the row. */
export async function naming(title: string, body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    if (error instanceof Error) error.message = `${title}: ${error.message}`;
    throw error;
  }
}
