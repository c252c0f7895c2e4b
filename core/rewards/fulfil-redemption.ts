import { z } from "zod";
import type { Database } from "../../db/client";
import type { Actor } from "../shared/actor";
import { text } from "../shared/validation";
import type { RewardDeps } from "./order-placement";
import { decideOnRedemption, deciderId, deciderView, redemptionId } from "./redemption-decision";
import { expectStatus, settleRedemption } from "./redemption-transitions";
import type { RedemptionView } from "./redemption-view";

const fulfilInput = z.object({
  redemptionId,
  note: text().trim().max(500, "Keep the note under 500 characters.").optional(),
});

export type FulfilRedemptionInput = z.input<typeof fulfilInput>;

/**
 * An admin marks a redemption fulfilled: a custom reward handed over, or a provider order that needed
 * attention and turned out to have gone through. The points are settled; the audit log keeps the note.
 */
export async function fulfilRedemption(
  db: Database,
  actor: Actor,
  input: FulfilRedemptionInput,
  deps: Pick<RewardDeps, "clock"> = {},
): Promise<RedemptionView> {
  const fulfilled = await decideOnRedemption(
    db,
    actor,
    fulfilInput,
    input,
    deps,
    "redemption.fulfil",
    (tx, row, request, at) => {
      expectStatus(row, "awaiting_fulfillment", "needs_attention");
      return settleRedemption(
        tx,
        row,
        { decidedBy: deciderId(actor), decidedAt: at, outcomeReason: request.note ?? null },
        at,
      );
    },
  );
  return deciderView(fulfilled, actor);
}
