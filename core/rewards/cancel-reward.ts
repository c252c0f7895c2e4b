import { z } from "zod";
import type { Database } from "../../db/client";
import type { Actor } from "../shared/actor";
import { actorOrgId, authorize } from "../shared/permissions";
import { parseInput } from "../shared/validation";
import { orgProvider, type RewardDeps } from "./order-placement";
import {
  decideOnRedemption,
  deciderView,
  expectFailedDelivery,
  providerRefusal,
  redemptionId,
} from "./redemption-decision";
import { findRedemption, reverseRedemption } from "./redemption-transitions";
import type { RedemptionView } from "./redemption-view";

const cancelInput = z.object({ redemptionId });

export type CancelRewardInput = z.input<typeof cancelInput>;

/**
 * An admin cancels a reward whose delivery failed and that nobody redeemed: the provider refunds it,
 * and the points go back to the person (a reversal, which the next bill shows as a credit).
 */
export async function cancelReward(
  db: Database,
  actor: Actor,
  input: CancelRewardInput,
  deps: RewardDeps,
): Promise<RedemptionView> {
  authorize(actor, "decide_redemptions");
  const orgId = actorOrgId(actor);
  const request = parseInput(cancelInput, input);
  const rewardId = expectFailedDelivery(await findRedemption(db, orgId, request.redemptionId));
  const provider = await orgProvider(db, deps, orgId);
  const refunded = await provider.cancelReward(rewardId).catch((error: unknown) => {
    throw providerRefusal(error, "cancel it");
  });
  const canceled = await decideOnRedemption(
    db,
    actor,
    cancelInput,
    input,
    deps,
    "redemption.cancel",
    (tx, row, _, at) => {
      expectFailedDelivery(row);
      return reverseRedemption(
        tx,
        row,
        "The reward could not be delivered and was cancelled. Your points are back.",
        at,
        { providerStatus: refunded.providerStatus },
      );
    },
  );
  return deciderView(canceled, actor);
}
