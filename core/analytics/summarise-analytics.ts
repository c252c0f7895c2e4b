import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import type { Actor } from "../shared/actor";
import { type Clock, systemClock } from "../shared/clock";
import { failureMessage } from "../shared/errors";
import { authorize } from "../shared/permissions";
import { advanceAnalyticsRollups } from "./analytics-rollups";

/** Orgs taken per pass: a first summing of a long history takes a while, and other tasks wait. */
const ORGS_PER_PASS = 10;

/**
 * Background work keeps each org's analytics rollups close behind its recognitions, so that the
 * analytics page reads a few minutes of recognitions one by one rather than months of them. An org is
 * due when it has none yet, when they were summed in another time zone, or when recognitions have come
 * in since its watermark and it is more than a few minutes behind. Safe with any number of workers:
 * each stretch is summed under the org's lock and moves the watermark in the same transaction.
 */
export async function summariseAnalytics(
  db: Database,
  actor: Actor,
  clock: Clock = systemClock,
): Promise<{ stretches: number; errors: { orgId: string; message: string }[] }> {
  authorize(actor, "run_background_work");
  const now = clock();
  const due = await db.execute<{ id: string }>(sql`
    select o.id from organizations o
    left join analytics_watermarks w on w.org_id = o.id
    where ((w.org_id is null and exists (select 1 from recognitions r where r.org_id = o.id))
      or w.time_zone <> o.time_zone
      or (w.through < least(${now.toISOString()}::timestamptz, now()) - interval '20 minutes'
        and exists (select 1 from recognitions r where r.org_id = o.id and r.created_at >= w.through)))
      ${actor.kind === "system" ? sql`and o.id = ${actor.orgId}::uuid` : sql``}
    order by o.id
    limit ${ORGS_PER_PASS}`);
  const errors: { orgId: string; message: string }[] = [];
  let stretches = 0;
  for (const { id } of due) {
    await advanceAnalyticsRollups(db, id, now).then(
      (summed) => {
        stretches += summed;
      },
      (error: unknown) => errors.push({ orgId: id, message: failureMessage(error) }),
    );
  }
  return { stretches, errors };
}
