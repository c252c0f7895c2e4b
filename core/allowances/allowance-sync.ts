import { sql } from "drizzle-orm";
import type { Executor } from "../../db/client";

/**
 * Brings a person's allowance for the current month in line with their entitlement after a change,
 * never below what they have already given. Returns what remains this month.
 */
export async function syncCurrentAllowance(
  tx: Executor,
  orgId: string,
  personId: string,
  actorPersonId: string | null,
  now: Date,
): Promise<number> {
  const rows = await tx.execute<{ remaining: string }>(sql`
    select plaudit_sync_allowance(o.id, ${personId}::uuid, plaudit_period(o.time_zone, ${now.toISOString()}::timestamptz),
      ${actorPersonId}::uuid) as remaining
    from organizations o where o.id = ${orgId}::uuid`);
  return Number(rows[0]?.remaining ?? 0);
}
