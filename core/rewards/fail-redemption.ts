import { z } from "zod";
import type { Database } from "../../db/client";
import type { Actor } from "../shared/actor";
import { text } from "../shared/validation";
import type { RewardDeps } from "./order-placement";
import { decideOnRedemption, deciderId, deciderView, redemptionId } from "./redemption-decision";
import { expectStatus, releaseRedemption } from "./redemption-transitions";
import type { RedemptionView } from "./redemption-view";

const failInput = z.object({
  redemptionId,
  reason: text("Say what happened, for the person who asked.")
    .trim()
    .min(1, "Say what happened, for the person who asked.")
    .max(500, "Keep the reason under 500 characters."),
});

export type FailRedemptionInput = z.input<typeof failInput>;

/**
 * An admin closes a redemption that won't be fulfilled: a custom reward that can't be handed over, or a
 * provider order in conflict that never went through. The points go back (or, for a leaver whose
 * points the org forfeits, to the forfeited account).
 */
export async function failRedemption(
  db: Database,
  actor: Actor,
  input: FailRedemptionInput,
  deps: Pick<RewardDeps, "clock"> = {},
): Promise<RedemptionView> {
  const failed = await decideOnRedemption(
    db,
    actor,
    failInput,
    input,
    deps,
    "redemption.fail",
    (tx, row, request, at) => {
      expectStatus(row, "awaiting_fulfillment", "needs_attention");
      return releaseRedemption(
        tx,
        row,
        { status: "failed", reason: request.reason, decidedBy: deciderId(actor) },
        at,
      );
    },
  );
  return deciderView(failed, actor);
}
