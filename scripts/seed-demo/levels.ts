import { awardDueLevels } from "../../core/levels/award-due-levels";
import { createLevel } from "../../core/levels/create-level";
import { listLevels } from "../../core/levels/list-levels";
import type { Clock } from "../../core/shared/clock";
import type { Database } from "../../db/client";
import type { PersonActor } from "./staff";

/** The demo's ladder: the typical three, with a grant for reaching Gold. */
export const LEVELS = [
  { name: "Bronze", threshold: 500, grantPoints: null },
  { name: "Silver", threshold: 1500, grantPoints: null },
  { name: "Gold", threshold: 4000, grantPoints: 200 },
] as const;

/**
 * Sets up the ladder (unless an interrupted seed already did) and runs the level pass at the seed's
 * clock, as background work would, so that those whose history qualifies have reached their levels.
 */
export async function setUpLevels(db: Database, admin: PersonActor, clock: Clock): Promise<void> {
  const { levels } = await listLevels(db, admin);
  if (levels.length === 0) {
    for (const level of LEVELS) await createLevel(db, admin, level);
  }
  await awardDueLevels(db, { kind: "system", orgId: admin.orgId }, {}, clock);
}
