import { createHash, randomBytes } from "node:crypto";

/** Marks the string as a Plaudit key, so secret scanners and people can recognise a leaked one. */
const KEY_MARKER = "plaudit_";
const SECRET_BYTES = 32;
/** The marker plus 8 characters of the secret: enough to tell keys apart, far too few to guess the rest. */
const SHOWN_PREFIX_LENGTH = KEY_MARKER.length + 8;

/** The exact shape of a key this module issues: the marker and 32 bytes as unpadded base64url. */
export const API_KEY_PATTERN = /^plaudit_[A-Za-z0-9_-]{43}$/;

/**
 * A fast hash is right here: the key is 256 random bits, so nothing can be brute-forced from the hash,
 * and a slow hash would cost every API request.
 */
export function hashApiKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

/** A new key, and the part of it that is kept in the clear to tell keys apart. */
export function newApiKey(): { key: string; prefix: string } {
  const key = `${KEY_MARKER}${randomBytes(SECRET_BYTES).toString("base64url")}`;
  return { key, prefix: key.slice(0, SHOWN_PREFIX_LENGTH) };
}
