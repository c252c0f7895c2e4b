import { z } from "zod";
import type { Executor } from "../../db/client";
import type { Actor } from "../shared/actor";
import { DomainError } from "../shared/errors";
import { actorOrgId, can } from "../shared/permissions";
import { parseInput } from "../shared/validation";
import { redemptionId } from "./redemption-decision";
import { findRedemption } from "./redemption-transitions";
import { type RedemptionView, redemptionView } from "./redemption-view";

const getInput = z.object({ redemptionId });

export type GetRedemptionInput = z.input<typeof getInput>;

/**
 * One redemption, for its owner (with the gift link) or for those who may read anyone's. Anyone else
 * is told it does not exist, exactly as for an id of another org.
 */
export async function getRedemption(
  db: Executor,
  actor: Actor,
  input: GetRedemptionInput,
): Promise<RedemptionView> {
  const orgId = actorOrgId(actor);
  const request = parseInput(getInput, input);
  const row = await findRedemption(db, orgId, request.redemptionId);
  const isOwner = actor.kind === "person" && actor.personId === row.personId;
  if (!can(actor, "read_redemptions", { self: isOwner })) {
    throw new DomainError("not_found", "That redemption doesn't exist.", { field: "redemptionId" });
  }
  return redemptionView(row, { isOwner, handles: can(actor, "decide_redemptions") });
}
