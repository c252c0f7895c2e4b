import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import type { Actor } from "../shared/actor";
import { type Clock, systemClock } from "../shared/clock";
import { failureMessage } from "../shared/errors";
import { authorize } from "../shared/permissions";
import { settledUntilAt, summariseSettledHours } from "./ledger-hours";

/** Orgs taken per pass: a long history takes a while, and the other tasks wait their turn. */
const ORGS_PER_PASS = 10;

/**
 * Background work summarises each org's settled hours (its first pass, a whole history) before anyone
 * asks for the liability or the roll-forward, which would otherwise wait for it. An org whose last
 * settled hour is summarised is left alone; an hour a back-dated posting cleared is summarised on the
 * next read.
 */
export async function summariseLedgerHours(
  db: Database,
  actor: Actor,
  clock: Clock = systemClock,
): Promise<{ hours: number; errors: { orgId: string; message: string }[] }> {
  authorize(actor, "run_background_work");
  const now = clock();
  const lastSettled = settledUntilAt(now);
  const due = await db.execute<{ id: string }>(sql`
    select o.id from organizations o
    where exists (select 1 from ledger_transactions t
        where t.org_id = o.id and t.created_at < ${lastSettled.toISOString()}::timestamptz)
      and not exists (select 1 from ledger_hours_summarised s
        where s.org_id = o.id and s.hour = ${lastSettled.toISOString()}::timestamptz - interval '1 hour')
      ${actor.kind === "system" ? sql`and o.id = ${actor.orgId}::uuid` : sql``}
    order by o.id
    limit ${ORGS_PER_PASS}`);
  const errors: { orgId: string; message: string }[] = [];
  let hours = 0;
  for (const { id } of due) {
    await summariseSettledHours(db, id, now).then(
      (summarised) => {
        hours += summarised;
      },
      (error: unknown) => errors.push({ orgId: id, message: failureMessage(error) }),
    );
  }
  return { hours, errors };
}
