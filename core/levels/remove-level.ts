import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../../db/client";
import { levels } from "../../db/schema";
import { recordAudit } from "../org/audit";
import type { Actor } from "../shared/actor";
import { actorOrgId, authorize } from "../shared/permissions";
import { parseInput, uuid } from "../shared/validation";
import { type Level, lockLevel } from "./level-fields";

const removeLevelInput = z.object({ levelId: uuid("Choose a level.") });

export type RemoveLevelInput = z.input<typeof removeLevelInput>;

/**
 * An admin takes a level off the ladder. Its achievements go with it (the schema cascades); grants it
 * paid stay paid, and from then on count as points received like any company grant, since no level
 * claims them any more.
 */
export async function removeLevel(db: Database, actor: Actor, input: RemoveLevelInput): Promise<Level> {
  authorize(actor, "update_org_settings");
  const orgId = actorOrgId(actor);
  const { levelId } = parseInput(removeLevelInput, input);
  return db.transaction(async (tx) => {
    const level = await lockLevel(tx, orgId, levelId);
    await tx.delete(levels).where(and(eq(levels.orgId, orgId), eq(levels.id, levelId)));
    const { id: _, ...before } = level;
    await recordAudit(tx, actor, {
      orgId,
      action: "level.remove",
      targetType: "level",
      targetId: levelId,
      before,
    });
    return level;
  });
}
