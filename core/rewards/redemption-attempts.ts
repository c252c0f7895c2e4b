import { type SQL, sql } from "drizzle-orm";

/**
 * Redemptions whose next attempt (a provider order to place or read back, a delivery to check) is due at
 * `now`, over `redemptions`: what background work claims, and the backlog's measure. The `is not null`
 * matches the partial index the claim walks.
 */
export function attemptDue(now: Date): SQL {
  return sql`next_attempt_at is not null and next_attempt_at <= ${now.toISOString()}::timestamptz`;
}
