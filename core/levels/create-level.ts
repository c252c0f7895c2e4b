import { z } from "zod";
import type { Database } from "../../db/client";
import { levels } from "../../db/schema";
import { recordAudit } from "../org/audit";
import type { Actor } from "../shared/actor";
import { actorOrgId, authorize } from "../shared/permissions";
import { parseInput } from "../shared/validation";
import {
  duplicateLevelRace,
  LEVEL_COLUMNS,
  type Level,
  levelFields,
  refuseDuplicateLevel,
} from "./level-fields";

const createLevelInput = z.object(levelFields);

export type CreateLevelInput = z.input<typeof createLevelInput>;

/**
 * An admin adds a level to the org's ladder. Levels are part of the org's settings, so the settings
 * permission governs them. Whoever already has the points reaches it on the next level pass.
 */
export async function createLevel(db: Database, actor: Actor, input: CreateLevelInput): Promise<Level> {
  authorize(actor, "update_org_settings");
  const orgId = actorOrgId(actor);
  const request = parseInput(createLevelInput, input);
  try {
    return await db.transaction(async (tx) => {
      await refuseDuplicateLevel(tx, orgId, request);
      const [level] = await tx
        .insert(levels)
        .values({ orgId, ...request })
        .returning(LEVEL_COLUMNS);
      if (!level) throw new Error("level insert returned nothing");
      await recordAudit(tx, actor, {
        orgId,
        action: "level.create",
        targetType: "level",
        targetId: level.id,
        after: request,
      });
      return level;
    });
  } catch (error) {
    throw duplicateLevelRace(error) ?? error;
  }
}
