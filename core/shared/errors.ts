export type DomainErrorCode =
  | "invalid"
  | "forbidden"
  | "unauthenticated"
  | "not_found"
  | "conflict"
  | "idempotency_conflict"
  | "insufficient_allowance"
  | "amount_out_of_range"
  | "self_give"
  | "giver_inactive"
  | "recipient_not_found"
  | "recipient_inactive"
  | "recipient_is_bot"
  | "message_required"
  | "value_required"
  | "values_disabled"
  | "unknown_value"
  | "insufficient_points"
  | "hold_closed"
  | "redemptions_disabled"
  | "out_of_stock"
  | "invalid_face_value"
  | "provider_unavailable"
  /** An allowance or boost over the org's ceiling for managers; an admin may confirm and go past it. */
  | "over_ceiling"
  /** A request or file over its size limit. */
  | "too_large"
  /** Too many of one action in a window; `details.retryAfterSeconds` says when the next is allowed. */
  | "rate_limited";

/** Every expected failure of a use case. Adapters map `code` to an HTTP status, a form message or a Slack reply. */
export class DomainError extends Error {
  override readonly name = "DomainError";
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    /** Machine-readable facts behind the message (what is left, which field, which names). */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export function isDomainError(error: unknown, code?: DomainErrorCode): error is DomainError {
  return error instanceof DomainError && (code === undefined || error.code === code);
}

/** SQLSTATE used by the ledger's SQL functions for rule violations (see the ledger_functions migration). */
export const DOMAIN_SQLSTATE = "PLDT1";

interface PostgresErrorShape {
  code?: string;
  message?: string;
  detail?: string;
  cause?: unknown;
}

/** The rule-violation raised by a ledger SQL function, if this error is one; Drizzle may wrap it. */
export function databaseRuleViolation(
  error: unknown,
): { code: string; detail: Record<string, unknown> } | null {
  let current: unknown = error;
  for (let depth = 0; depth < 3 && current; depth++) {
    const candidate = current as PostgresErrorShape;
    if (candidate.code === DOMAIN_SQLSTATE && candidate.message) {
      return { code: candidate.message, detail: candidate.detail ? JSON.parse(candidate.detail) : {} };
    }
    current = candidate.cause;
  }
  return null;
}

/** The SQLSTATE of a PostgreSQL error, looking through Drizzle's wrapper. */
export function sqlState(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 3 && current; depth++) {
    const candidate = current as PostgresErrorShape;
    if (typeof candidate.code === "string" && candidate.code.length === 5) return candidate.code;
    current = candidate.cause;
  }
  return undefined;
}

/**
 * What went wrong, fit for a log line: a database error's own message and SQLSTATE, without the
 * statement and parameters Drizzle wraps around it (they can hold people's emails and names).
 */
export function failureMessage(error: unknown): string {
  const cause = (error as PostgresErrorShape | null)?.cause as PostgresErrorShape | undefined;
  if (cause?.message && typeof cause.code === "string") return `${cause.message} (SQLSTATE ${cause.code})`;
  return error instanceof Error ? error.message : String(error);
}
