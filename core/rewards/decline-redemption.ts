import { z } from "zod";
import type { Database } from "../../db/client";
import type { Actor } from "../shared/actor";
import { text } from "../shared/validation";
import type { RewardDeps } from "./order-placement";
import { decideOnRedemption, deciderId, deciderView, redemptionId } from "./redemption-decision";
import { expectStatus, releaseRedemption } from "./redemption-transitions";
import type { RedemptionView } from "./redemption-view";

const declineInput = z.object({
  redemptionId,
  reason: text("Say why, for the person who asked.")
    .trim()
    .min(1, "Say why, for the person who asked.")
    .max(500, "Keep the reason under 500 characters."),
});

export type DeclineRedemptionInput = z.input<typeof declineInput>;

/** An admin declines a redemption that waited for approval; the points go back, with the reason. */
export async function declineRedemption(
  db: Database,
  actor: Actor,
  input: DeclineRedemptionInput,
  deps: Pick<RewardDeps, "clock"> = {},
): Promise<RedemptionView> {
  const declined = await decideOnRedemption(
    db,
    actor,
    declineInput,
    input,
    deps,
    "redemption.decline",
    (tx, row, request, at) => {
      expectStatus(row, "awaiting_approval");
      return releaseRedemption(
        tx,
        row,
        { status: "declined", reason: request.reason, decidedBy: deciderId(actor) },
        at,
      );
    },
  );
  return deciderView(declined, actor);
}
