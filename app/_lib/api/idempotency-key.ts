import { DomainError } from "@/core/shared/errors";

/** Visible ASCII, as HTTP header values allow without encoding; a UUID is the usual choice. */
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,150}$/;

/**
 * The request's required Idempotency-Key header, as the use case's key. The prefix keeps API keys apart
 * from the keys Slack and the web forms use in the same org.
 */
export function apiIdempotencyKey(request: Request): string {
  const key = request.headers.get("idempotency-key");
  if (!key || !IDEMPOTENCY_KEY.test(key)) {
    throw new DomainError(
      "invalid",
      "Send an Idempotency-Key header of up to 150 visible characters (a UUID is a good choice), " +
        "so that a retried request takes effect once.",
      { field: "Idempotency-Key" },
    );
  }
  return `api:${key}`;
}
