import { and, eq, inArray, isNotNull, or, type SQL } from "drizzle-orm";
import { redemptions } from "../../db/schema";

/** What an admin has to act on: approvals, custom rewards to hand over, or anything needing attention. */
export const REDEMPTION_QUEUES = ["approvals", "fulfilment", "attention"] as const;

export type RedemptionQueue = (typeof REDEMPTION_QUEUES)[number];

/** The redemptions waiting in one of an admin's queues. */
export function queueFilter(queue: RedemptionQueue): SQL | undefined {
  if (queue === "approvals") return eq(redemptions.status, "awaiting_approval");
  if (queue === "fulfilment") return eq(redemptions.status, "awaiting_fulfillment");
  // Parked for a decision, or still held with something an admin must fix, or delivered nowhere.
  return or(
    eq(redemptions.status, "needs_attention"),
    and(inArray(redemptions.status, ["submitted", "fulfilled"]), isNotNull(redemptions.attentionReason)),
  );
}
