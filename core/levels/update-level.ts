import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../../db/client";
import { levels } from "../../db/schema";
import { recordAudit } from "../org/audit";
import type { Actor } from "../shared/actor";
import { actorOrgId, authorize } from "../shared/permissions";
import { parseInput, uuid } from "../shared/validation";
import {
  duplicateLevelRace,
  LEVEL_COLUMNS,
  type Level,
  levelFields,
  lockLevel,
  refuseDuplicateLevel,
} from "./level-fields";

const updateLevelInput = z.object({ levelId: uuid("Choose a level."), ...levelFields });

export type UpdateLevelInput = z.input<typeof updateLevelInput>;

/**
 * An admin renames a level or changes its threshold or grant. Whoever reached it keeps that: an
 * achievement happens once, and a changed grant applies to those who reach the level from now on.
 */
export async function updateLevel(db: Database, actor: Actor, input: UpdateLevelInput): Promise<Level> {
  authorize(actor, "update_org_settings");
  const orgId = actorOrgId(actor);
  const { levelId, ...next } = parseInput(updateLevelInput, input);
  try {
    return await db.transaction(async (tx) => {
      const current = await lockLevel(tx, orgId, levelId);
      const { id: _, ...before } = current;
      if (JSON.stringify(before) === JSON.stringify(next)) return current;
      await refuseDuplicateLevel(tx, orgId, next, levelId);
      const [updated] = await tx
        .update(levels)
        .set(next)
        .where(and(eq(levels.orgId, orgId), eq(levels.id, levelId)))
        .returning(LEVEL_COLUMNS);
      if (!updated) throw new Error("level update returned nothing");
      await recordAudit(tx, actor, {
        orgId,
        action: "level.update",
        targetType: "level",
        targetId: levelId,
        before,
        after: next,
      });
      return updated;
    });
  } catch (error) {
    throw duplicateLevelRace(error) ?? error;
  }
}
