import { and, inArray, lt } from "drizzle-orm";
import type { Database } from "../../db/client";
import { rateLimits } from "../../db/schema";
import type { Actor } from "../shared/actor";
import { type Clock, systemClock } from "../shared/clock";
import { authorize } from "../shared/permissions";

/** A window that ended this long ago can't matter to anyone still counting. */
const KEEP_ENDED_MS = 60 * 60_000;
/** Rows deleted in one pass, so that a backlog never holds a long lock; the next pass takes more. */
const BATCH = 5000;

/**
 * Background work deletes the rate limits' counters whose window ended over an hour ago: one row per
 * address that ever tried to sign in would otherwise stay for good. Any number of workers may run it at
 * once: each deletes what is still there.
 */
export async function purgeRateLimits(
  db: Database,
  actor: Actor,
  clock: Clock = systemClock,
): Promise<{ purged: number }> {
  authorize(actor, "purge_rate_limits");
  const endedBefore = new Date(clock().getTime() - KEEP_ENDED_MS);
  const ended = db
    .select({ key: rateLimits.key })
    .from(rateLimits)
    .where(lt(rateLimits.expire, endedBefore))
    .limit(BATCH);
  // The window is checked again on the row deleted: a counter that restarted meanwhile is kept.
  const purged = await db
    .delete(rateLimits)
    .where(and(inArray(rateLimits.key, ended), lt(rateLimits.expire, endedBefore)))
    .returning({ key: rateLimits.key });
  return { purged: purged.length };
}
