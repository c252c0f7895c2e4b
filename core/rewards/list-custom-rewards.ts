import { asc, eq, sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { customRewards } from "../../db/schema";
import type { Actor } from "../shared/actor";
import { actorOrgId, authorize } from "../shared/permissions";
import type { CustomRewardRow } from "./catalog";

/** Every one of the org's own rewards, retired ones last, for the admin page. */
export async function listCustomRewards(db: Executor, actor: Actor): Promise<CustomRewardRow[]> {
  authorize(actor, "manage_rewards");
  const orgId = actorOrgId(actor);
  return db
    .select()
    .from(customRewards)
    .where(eq(customRewards.orgId, orgId))
    .orderBy(sql`${customRewards.retiredAt} is not null`, asc(customRewards.name));
}
