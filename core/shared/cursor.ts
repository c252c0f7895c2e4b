import { DomainError } from "./errors";

/**
 * A timestamp exactly as PostgreSQL writes one in JSON (`to_json(created_at)`), which keyset cursors
 * carry to keep its microseconds. The offset stays within what PostgreSQL accepts back (±15:59): a
 * cursor edited to say `+99:00` is a bad link, not a query for the database to refuse.
 */
const DATABASE_TIME =
  /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,6})?([+-](0\d|1[0-5]):[0-5]\d|Z)$/;

/** An instant as `Date.toISOString()` writes it, the form cursors made from a JavaScript date carry. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export function isDatabaseTime(value: string): boolean {
  return DATABASE_TIME.test(value);
}

/** Only what `toISOString()` writes: a date that rolls over (February 30th) fails the round trip. */
export function isIsoInstant(value: string): boolean {
  if (!ISO_INSTANT.test(value)) return false;
  const date = new Date(value);
  return !Number.isNaN(date.getTime()) && date.toISOString() === value;
}

/** A cursor that is not one this app wrote: tampered with, cut short, or from an older version. */
export function invalidCursor(): DomainError {
  return new DomainError("invalid", "That page link is no longer valid.", { field: "cursor" });
}
