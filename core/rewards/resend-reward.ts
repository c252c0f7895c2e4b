import { z } from "zod";
import type { Database } from "../../db/client";
import type { Actor } from "../shared/actor";
import { text } from "../shared/validation";
import type { RewardDeps } from "./order-placement";
import { decideOnFailedDelivery, redemptionId } from "./redemption-decision";
import { updateRedemption } from "./redemption-transitions";
import type { RedemptionView } from "./redemption-view";

const resendInput = z.object({
  redemptionId,
  email: text().trim().toLowerCase().pipe(z.email("Enter a valid email address.")),
});

export type ResendRewardInput = z.input<typeof resendInput>;

/** An admin sends a reward whose delivery failed again, to a corrected email. */
export function resendReward(
  db: Database,
  actor: Actor,
  input: ResendRewardInput,
  deps: RewardDeps,
): Promise<RedemptionView> {
  return decideOnFailedDelivery(
    db,
    actor,
    resendInput,
    input,
    deps,
    "redemption.resend",
    {
      what: "resend it",
      call: async (provider, rewardId, request) => {
        await provider.resendReward(rewardId, request.email);
        return request.email;
      },
    },
    (tx, row, email, at) =>
      updateRedemption(
        tx,
        row,
        { recipientEmail: email, deliveryStatus: "pending", attentionReason: null },
        at,
      ),
  );
}
