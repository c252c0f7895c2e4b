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
import { findRedemption, updateRedemption } from "./redemption-transitions";
import type { RedemptionView } from "./redemption-view";

const resendInput = z.object({
  redemptionId,
  email: z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address.")),
});

export type ResendRewardInput = z.input<typeof resendInput>;

/** An admin sends a reward whose delivery failed again, to a corrected email. */
export async function resendReward(
  db: Database,
  actor: Actor,
  input: ResendRewardInput,
  deps: RewardDeps,
): Promise<RedemptionView> {
  authorize(actor, "decide_redemptions");
  const orgId = actorOrgId(actor);
  const request = parseInput(resendInput, input);
  const rewardId = expectFailedDelivery(await findRedemption(db, orgId, request.redemptionId));
  const provider = await orgProvider(db, deps, orgId);
  await provider.resendReward(rewardId, request.email).catch((error: unknown) => {
    throw providerRefusal(error, "resend it");
  });
  const resent = await decideOnRedemption(
    db,
    actor,
    resendInput,
    input,
    deps,
    "redemption.resend",
    (tx, row, _, at) => {
      expectFailedDelivery(row);
      return updateRedemption(
        tx,
        row,
        { recipientEmail: request.email, deliveryStatus: "pending", attentionReason: null },
        at,
      );
    },
  );
  return deciderView(resent, actor);
}
