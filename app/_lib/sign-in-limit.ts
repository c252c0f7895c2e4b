import { consumeRateLimit, rateLimit, rateLimited } from "@/core/limits/rate-limits";
import { isDomainError } from "@/core/shared/errors";
import { getDb } from "@/db/client";
import { clientAddress } from "./client-address";

/**
 * Counts one sign-in attempt from the request's address against the sign-in limit, shared by every app
 * instance. Returns the seconds to wait when the address has spent its window, else null.
 */
export async function countSignInAttempt(headers: Headers): Promise<number | null> {
  try {
    await consumeRateLimit(getDb(), rateLimit("signIn"), clientAddress(headers));
    return null;
  } catch (error) {
    if (!isDomainError(error, "rate_limited")) throw error;
    return Number(error.details.retryAfterSeconds);
  }
}

/** The sign-in page, saying how long to wait; it keeps where the visitor was going. */
export function signInLimitedPath(retryAfterSeconds: number, callbackUrl?: string): string {
  const query = new URLSearchParams({ limited: String(retryAfterSeconds) });
  if (callbackUrl && callbackUrl !== "/") query.set("callbackUrl", callbackUrl);
  return `/signin?${query}`;
}

/**
 * What the sign-in page says after a refusal, in the words the other limits use. The wait comes from the
 * page's address, so it is held to the window's length: a crafted link can't say "try again tomorrow".
 */
export function signInLimitedMessage(retryAfterSeconds: number): string {
  const limit = rateLimit("signIn");
  return rateLimited(limit, Math.min(retryAfterSeconds, limit.seconds) * 1000).message;
}
