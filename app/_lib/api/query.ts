import { DomainError } from "@/core/shared/errors";

/** A query parameter's text; an empty value counts as absent. */
export function textParam(query: URLSearchParams, name: string): string | undefined {
  return query.get(name) || undefined;
}

export function wholeNumberParam(query: URLSearchParams, name: string): number | undefined {
  const text = textParam(query, name);
  if (text === undefined) return undefined;
  if (!/^\d{1,9}$/.test(text)) {
    throw new DomainError("invalid", `${name} must be a whole number.`, { field: name });
  }
  return Number(text);
}

export function booleanParam(query: URLSearchParams, name: string): boolean | undefined {
  const text = textParam(query, name);
  if (text === undefined) return undefined;
  if (text !== "true" && text !== "false") {
    throw new DomainError("invalid", `${name} must be true or false.`, { field: name });
  }
  return text === "true";
}

/** A comma-separated list such as `status=fulfilled,failed`; empty items are dropped. */
export function listParam(query: URLSearchParams, name: string): string[] | undefined {
  const text = textParam(query, name);
  if (text === undefined) return undefined;
  return text
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "");
}

// A date-time must say its offset: without one, the instant would depend on the server's time zone.
const ISO_DATE = /^(\d{4}-\d{2}-\d{2})(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;

/** An ISO 8601 date (`2026-11-01`, midnight UTC) or a date-time with its offset (`2026-11-01T09:00:00+01:00`). */
export function isoDateParam(query: URLSearchParams, name: string): string | undefined {
  const text = textParam(query, name);
  if (text === undefined) return undefined;
  const day = ISO_DATE.exec(text)?.[1];
  // Date.parse reads 2026-02-30 as March 2nd: the day must survive the round trip.
  const real = day !== undefined && isStorableInstant(Date.parse(text)) && isRealDay(day);
  if (!real) {
    throw new DomainError(
      "invalid",
      `${name} must be an ISO 8601 date such as 2026-11-01, or a date and time such as 2026-11-01T09:00:00Z.`,
      { field: name },
    );
  }
  return text;
}

// PostgreSQL has no year 0: 0000-01-01 is a valid ISO date that the database cannot take.
function isStorableInstant(instant: number): boolean {
  return !Number.isNaN(instant) && new Date(instant).getUTCFullYear() >= 1;
}

function isRealDay(day: string): boolean {
  const parsed = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(day);
}
