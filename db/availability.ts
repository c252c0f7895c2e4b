/**
 * Failures that say the database can't be used just now, not that a statement was wrong: the server is
 * down, restarting, unreachable or out of connections, or a statement ran past `statement_timeout`.
 * Requests answer them with 503 and "try again shortly" rather than as a bug.
 */
const SOCKET_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
]);

/** What postgres.js calls a connection that failed to open or went away. */
const DRIVER_CODES = new Set([
  "CONNECT_TIMEOUT",
  "CONNECTION_CLOSED",
  "CONNECTION_DESTROYED",
  "CONNECTION_ENDED",
]);

/**
 * SQLSTATEs: 57P01-57P03 the server is shutting down, crashed or starting; 53300 too many connections;
 * 57014 a statement cancelled, which for Plaudit means `statement_timeout`. Class 08 is a broken connection.
 */
const UNAVAILABLE_STATES = new Set(["57P01", "57P02", "57P03", "53300", "57014"]);

function isUnavailableCode(code: unknown): code is string {
  if (typeof code !== "string") return false;
  return (
    SOCKET_CODES.has(code) ||
    DRIVER_CODES.has(code) ||
    UNAVAILABLE_STATES.has(code) ||
    /^08[0-9A-Z]{3}$/.test(code)
  );
}

/**
 * The code that says `error`, or what it wraps (Drizzle wraps the driver's error as its cause), is such a
 * failure (`ECONNREFUSED`, `57P01`, ...), or undefined when it is not one.
 */
export function unavailabilityCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && typeof current === "object" && current !== null; depth++) {
    const code = (current as { code?: unknown }).code;
    if (isUnavailableCode(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

export function isDatabaseUnavailable(error: unknown): boolean {
  return unavailabilityCode(error) !== undefined;
}
