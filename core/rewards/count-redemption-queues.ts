import { and, eq, or, sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { redemptions } from "../../db/schema";
import type { Actor } from "../shared/actor";
import { actorOrgId, authorize } from "../shared/permissions";
import { queueFilter, REDEMPTION_QUEUES, type RedemptionQueue } from "./redemption-queue";

export type RedemptionQueueCounts = Record<RedemptionQueue, number>;

/**
 * How many redemptions wait in each of an admin's queues, for the badges beside the admin navigation:
 * one statement that counts the three together, with the same filters as the queues' lists.
 */
export async function countRedemptionQueues(db: Executor, actor: Actor): Promise<RedemptionQueueCounts> {
  authorize(actor, "decide_redemptions");
  const orgId = actorOrgId(actor);
  const counted = (queue: RedemptionQueue) =>
    sql<number>`count(*) filter (where ${queueFilter(queue)})`.mapWith(Number);
  const [row] = await db
    .select({
      approvals: counted("approvals"),
      fulfilment: counted("fulfilment"),
      attention: counted("attention"),
    })
    .from(redemptions)
    .where(and(eq(redemptions.orgId, orgId), or(...REDEMPTION_QUEUES.map(queueFilter))));
  return row ?? { approvals: 0, fulfilment: 0, attention: 0 };
}
