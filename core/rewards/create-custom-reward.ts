import { z } from "zod";
import type { Database } from "../../db/client";
import { customRewards } from "../../db/schema";
import { recordAudit } from "../org/audit";
import type { Actor } from "../shared/actor";
import { type Clock, systemClock } from "../shared/clock";
import { actorOrgId, authorize } from "../shared/permissions";
import { parseInput } from "../shared/validation";
import type { CustomRewardRow } from "./catalog";
import { customRewardFields } from "./custom-reward-fields";

const createInput = z.object(customRewardFields);

export type CreateCustomRewardInput = z.input<typeof createInput>;

/** An admin adds one of the org's own rewards to the catalog; it is billed at nothing. */
export async function createCustomReward(
  db: Database,
  actor: Actor,
  input: CreateCustomRewardInput,
  clock: Clock = systemClock,
): Promise<CustomRewardRow> {
  authorize(actor, "manage_rewards");
  const orgId = actorOrgId(actor);
  const request = parseInput(createInput, input);
  return db.transaction(async (tx) => {
    const now = clock();
    const [reward] = await tx
      .insert(customRewards)
      .values({ ...request, orgId, createdAt: now, updatedAt: now })
      .returning();
    if (!reward) throw new Error("custom reward insert returned nothing");
    await recordAudit(tx, actor, {
      orgId,
      action: "custom_reward.create",
      targetType: "custom_reward",
      targetId: reward.id,
      after: request,
    });
    return reward;
  });
}
