import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import type { Actor } from "../shared/actor";
import { systemClock } from "../shared/clock";
import { failureMessage } from "../shared/errors";
import { authorize } from "../shared/permissions";
import type { RewardDeps } from "./order-placement";
import { syncRewardCatalog } from "./sync-reward-catalog";

const DAY_MS = 24 * 60 * 60_000;
/** A sync that failed is tried again after this, rather than after a day. */
const RETRY_MS = 60 * 60_000;

/**
 * Background work keeps each org's catalog fresh: once a day for orgs that redeem. The claim moves the
 * org's sync time forward first (with `skip locked`), so several workers never sync one org together;
 * a failed sync is tried again within the hour.
 */
export async function syncDueCatalogs(
  db: Database,
  actor: Actor,
  deps: RewardDeps,
): Promise<{ synced: number; errors: { orgId: string; message: string }[] }> {
  authorize(actor, "run_background_work");
  const now = (deps.clock ?? systemClock)();
  const claimed = await db.execute<{ org_id: string }>(sql`
    update reward_settings set catalog_synced_at = ${new Date(now.getTime() - DAY_MS + RETRY_MS).toISOString()}::timestamptz
    where org_id in (
      select org_id from reward_settings
      where redemptions_enabled ${actor.kind === "system" ? sql`and org_id = ${actor.orgId}::uuid` : sql``}
        and (catalog_synced_at is null or catalog_synced_at <= ${new Date(now.getTime() - DAY_MS).toISOString()}::timestamptz)
      limit 10 for update skip locked)
    returning org_id`);
  const errors: { orgId: string; message: string }[] = [];
  for (const { org_id: orgId } of claimed) {
    await syncRewardCatalog(db, { kind: "system", orgId }, deps).catch((error: unknown) => {
      errors.push({ orgId, message: failureMessage(error) });
    });
  }
  return { synced: claimed.length - errors.length, errors };
}
