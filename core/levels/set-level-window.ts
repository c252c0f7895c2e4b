import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../../db/client";
import { organizations } from "../../db/schema";
import { recordAudit } from "../org/audit";
import type { Actor } from "../shared/actor";
import { actorOrgId, authorize } from "../shared/permissions";
import { parseInput } from "../shared/validation";
import { LEVEL_WINDOWS, type LevelWindow } from "./level-window";

const setLevelWindowInput = z.object({
  window: z.enum(LEVEL_WINDOWS, "Choose the last 12 months or all time."),
});

export type SetLevelWindowInput = z.input<typeof setLevelWindowInput>;

/** An admin chooses which points received count towards levels: the last 12 months, or all time. */
export async function setLevelWindow(
  db: Database,
  actor: Actor,
  input: SetLevelWindowInput,
): Promise<{ window: LevelWindow }> {
  authorize(actor, "update_org_settings");
  const orgId = actorOrgId(actor);
  const { window } = parseInput(setLevelWindowInput, input);
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({ window: organizations.levelWindow })
      .from(organizations)
      .where(eq(organizations.id, orgId))
      .for("update");
    if (!current || current.window === window) return { window };
    await tx.update(organizations).set({ levelWindow: window }).where(eq(organizations.id, orgId));
    await recordAudit(tx, actor, {
      orgId,
      action: "level.window",
      targetType: "organization",
      targetId: orgId,
      before: { window: current.window },
      after: { window },
    });
    return { window };
  });
}
