import { createHash } from "node:crypto";

/** Fingerprint of a request, stored beside its idempotency key so a reused key with other content is caught. */
export function requestHash(request: Record<string, unknown>): string {
  return createHash("sha256").update(JSON.stringify(request)).digest("hex");
}
