import { z } from "zod";
import type { Database } from "../../db/client";
import type { Actor } from "../shared/actor";
import { actorOrgId, authorize } from "../shared/permissions";
import { parseInput } from "../shared/validation";
import { pushRedemption, type RewardDeps } from "./order-placement";
import { redemptionId } from "./redemption-decision";
import type { RedemptionStatus } from "./redemption-view";

const advanceInput = z.object({ redemptionId });

export type AdvanceRedemptionInput = z.input<typeof advanceInput>;

/**
 * Background work takes a redemption one step further with its provider: places or finds its order,
 * or reads back a delivery the provider reported on. Safe to run any number of times, at once too.
 */
export async function advanceRedemption(
  db: Database,
  actor: Actor,
  input: AdvanceRedemptionInput,
  deps: RewardDeps,
): Promise<{ status: RedemptionStatus }> {
  authorize(actor, "run_background_work");
  const orgId = actorOrgId(actor);
  const request = parseInput(advanceInput, input);
  const row = await pushRedemption(db, deps, orgId, request.redemptionId);
  return { status: row.status };
}
