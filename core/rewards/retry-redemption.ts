import { z } from "zod";
import type { Database } from "../../db/client";
import type { Actor } from "../shared/actor";
import { ATTEMPT_LEASE_MS, pushRedemption, type RewardDeps } from "./order-placement";
import { decideOnRedemption, deciderView, redemptionId } from "./redemption-decision";
import { expectStatus, updateRedemption } from "./redemption-transitions";
import type { RedemptionView } from "./redemption-view";

const retryInput = z.object({ redemptionId });

export type RetryRedemptionInput = z.input<typeof retryInput>;

/**
 * An admin asks the provider again now rather than at the next scheduled attempt (after topping up the
 * funding source, or fixing the API key). The same external id is sent, so it can never order twice.
 */
export async function retryRedemption(
  db: Database,
  actor: Actor,
  input: RetryRedemptionInput,
  deps: RewardDeps,
): Promise<RedemptionView> {
  const leased = await decideOnRedemption(
    db,
    actor,
    retryInput,
    input,
    deps,
    "redemption.retry",
    (tx, row, _, at) => {
      expectStatus(row, "submitted");
      return updateRedemption(tx, row, { nextAttemptAt: new Date(at.getTime() + ATTEMPT_LEASE_MS) }, at);
    },
  );
  return deciderView(await pushRedemption(db, deps, leased.orgId, leased.id), actor);
}
