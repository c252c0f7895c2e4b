import { cache } from "react";
import { signedIn } from "@/app/_lib/viewer";
import { countRedemptionQueues, type RedemptionQueueCounts } from "@/core/rewards/count-redemption-queues";
import { can } from "@/core/shared/permissions";

/**
 * How many redemptions wait for the viewer, read once per request for the admin navigation and the
 * Rewards tabs; null for anyone who doesn't decide on redemptions.
 */
export const redemptionQueueCounts = cache(async (): Promise<RedemptionQueueCounts | null> => {
  const { db, actor } = await signedIn();
  return can(actor, "decide_redemptions") ? countRedemptionQueues(db, actor) : null;
});
