import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../../db/client";
import { customRewards } from "../../db/schema";
import { recordAudit } from "../org/audit";
import type { Actor } from "../shared/actor";
import { type Clock, systemClock } from "../shared/clock";
import { DomainError } from "../shared/errors";
import { actorOrgId, authorize } from "../shared/permissions";
import { parseInput, uuid } from "../shared/validation";
import type { CustomRewardRow } from "./catalog";
import { customRewardFields } from "./custom-reward-fields";

const updateInput = z.object({
  customRewardId: uuid("Choose a reward."),
  ...customRewardFields,
  /** Retired rewards leave the catalog; their redemptions stay. */
  retired: z.boolean().default(false),
});

export type UpdateCustomRewardInput = z.input<typeof updateInput>;

/** An admin edits, retires or restores one of the org's own rewards. Open redemptions keep their price. */
export async function updateCustomReward(
  db: Database,
  actor: Actor,
  input: UpdateCustomRewardInput,
  clock: Clock = systemClock,
): Promise<CustomRewardRow> {
  authorize(actor, "manage_rewards");
  const orgId = actorOrgId(actor);
  const { customRewardId, retired, ...fields } = parseInput(updateInput, input);
  return db.transaction(async (tx) => {
    const ofOrg = and(eq(customRewards.orgId, orgId), eq(customRewards.id, customRewardId));
    const [before] = await tx.select().from(customRewards).where(ofOrg).for("update");
    if (!before)
      throw new DomainError("not_found", "That reward doesn't exist.", { field: "customRewardId" });
    const now = clock();
    const retiredAt = retired ? (before.retiredAt ?? now) : null;
    const [after] = await tx
      .update(customRewards)
      .set({ ...fields, retiredAt, updatedAt: now })
      .where(ofOrg)
      .returning();
    if (!after) throw new Error("custom reward vanished while locked");
    const { createdAt, updatedAt, ...shownBefore } = before;
    await recordAudit(tx, actor, {
      orgId,
      action: "custom_reward.update",
      targetType: "custom_reward",
      targetId: customRewardId,
      before: shownBefore,
      after: { ...fields, retiredAt },
    });
    return after;
  });
}
