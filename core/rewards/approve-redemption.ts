import { z } from "zod";
import type { Database } from "../../db/client";
import type { Actor } from "../shared/actor";
import { ATTEMPT_LEASE_MS, pushRedemption, type RewardDeps } from "./order-placement";
import { decideOnRedemption, deciderId, deciderView, redemptionId } from "./redemption-decision";
import { expectStatus, updateRedemption } from "./redemption-transitions";
import type { RedemptionView } from "./redemption-view";

const approveInput = z.object({ redemptionId });

export type ApproveRedemptionInput = z.input<typeof approveInput>;

/**
 * An admin approves a redemption that waited for it: a provider reward is ordered at once, a custom
 * reward waits to be handed over.
 */
export async function approveRedemption(
  db: Database,
  actor: Actor,
  input: ApproveRedemptionInput,
  deps: RewardDeps,
): Promise<RedemptionView> {
  const approved = await decideOnRedemption(
    db,
    actor,
    approveInput,
    input,
    deps,
    "redemption.approve",
    (tx, row, _, at) => {
      expectStatus(row, "awaiting_approval");
      const custom = row.kind === "custom";
      return updateRedemption(
        tx,
        row,
        {
          status: custom ? "awaiting_fulfillment" : "submitted",
          decidedBy: deciderId(actor),
          decidedAt: at,
          nextAttemptAt: custom ? null : new Date(at.getTime() + ATTEMPT_LEASE_MS),
        },
        at,
      );
    },
  );
  const pushed =
    approved.status === "submitted" ? await pushRedemption(db, deps, approved.orgId, approved.id) : approved;
  return deciderView(pushed, actor);
}
