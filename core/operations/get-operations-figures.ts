import { sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { redemptionStatus } from "../../db/schema";
import { AUTOMATIC_CLOSE_AT, automaticCloseDue } from "../billing/bill-closing";
import { noticeDue } from "../notifications/outbox";
import { attemptDue } from "../rewards/redemption-attempts";
import type { Actor } from "../shared/actor";
import { type Clock, systemClock } from "../shared/clock";
import { authorize } from "../shared/permissions";

export type RedemptionStatus = (typeof redemptionStatus.enumValues)[number];

export const BACKGROUND_WORK = ["redemptions", "notices", "bills"] as const;
export type BackgroundWork = (typeof BACKGROUND_WORK)[number];

export interface Backlog {
  /** Rows background work should have taken up by now. */
  due: number;
  /** How long the one waiting longest has been due; 0 when none is. */
  oldestDueSeconds: number;
}

export interface OperationsFigures {
  redemptionsByStatus: Record<RedemptionStatus, number>;
  backlog: Record<BackgroundWork, Backlog>;
}

/**
 * What the deployment's metrics show of its database, across every org: how many redemptions are in each
 * status, and for each kind of background work (redemptions to advance, notices to send, bills to close)
 * how many rows are due and how long the oldest has waited, by the same conditions the work claims them
 * by. The deployment's own figures, so the operator alone reads them; they name no org.
 */
export async function getOperationsFigures(
  db: Executor,
  actor: Actor,
  clock: Clock = systemClock,
): Promise<OperationsFigures> {
  authorize(actor, "read_operations_figures");
  const now = clock();
  const [statuses, backlogs] = await Promise.all([
    db.execute<{ status: RedemptionStatus; count: number }>(
      sql`select status, count(*)::int as count from redemptions group by status`,
    ),
    db.execute<{ work: BackgroundWork; due: number; waited: number }>(sql`
      with due as (
        select 'redemptions' as work, next_attempt_at as due_at from redemptions where ${attemptDue(now)}
        union all
        select 'notices', next_attempt_at from notifications where ${noticeDue(now)}
        union all
        select 'bills', ${AUTOMATIC_CLOSE_AT}
          from bills b left join billing_settings s on s.org_id = b.org_id where ${automaticCloseDue(now)})
      select work, count(*)::int as due,
        extract(epoch from ${now.toISOString()}::timestamptz - min(due_at))::float8 as waited
      from due group by work`),
  ]);
  const redemptionsByStatus = Object.fromEntries(
    redemptionStatus.enumValues.map((status) => [status, 0]),
  ) as Record<RedemptionStatus, number>;
  for (const { status, count } of statuses) redemptionsByStatus[status] = count;
  const backlog = Object.fromEntries(
    BACKGROUND_WORK.map((work) => [work, { due: 0, oldestDueSeconds: 0 }]),
  ) as Record<BackgroundWork, Backlog>;
  for (const { work, due, waited } of backlogs)
    backlog[work] = { due, oldestDueSeconds: Math.max(0, waited) };
  return { redemptionsByStatus, backlog };
}
