import { z } from "zod";
import type { Database } from "../../db/client";
import type { Actor } from "../shared/actor";
import type { RewardDeps } from "./order-placement";
import { decideOnFailedDelivery, redemptionId } from "./redemption-decision";
import { reverseRedemption } from "./redemption-transitions";
import type { RedemptionView } from "./redemption-view";

const cancelInput = z.object({ redemptionId });

export type CancelRewardInput = z.input<typeof cancelInput>;

/**
 * An admin cancels a reward whose delivery failed and that nobody redeemed: the provider refunds it,
 * and the points go back to the person (a reversal, which the next bill shows as a credit).
 */
export function cancelReward(
  db: Database,
  actor: Actor,
  input: CancelRewardInput,
  deps: RewardDeps,
): Promise<RedemptionView> {
  return decideOnFailedDelivery(
    db,
    actor,
    cancelInput,
    input,
    deps,
    "redemption.cancel",
    { what: "cancel it", call: (provider, rewardId) => provider.cancelReward(rewardId) },
    (tx, row, refunded, at) =>
      reverseRedemption(
        tx,
        row,
        "The reward could not be delivered and was canceled. Your points are back.",
        at,
        { providerStatus: refunded.providerStatus },
      ),
  );
}
