import { and, eq, notInArray, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { providerProducts, rewardSettings } from "../../db/schema";
import type { Actor } from "../shared/actor";
import { systemClock } from "../shared/clock";
import { DomainError } from "../shared/errors";
import { actorOrgId, authorize, can } from "../shared/permissions";
import { orgProvider, type RewardDeps } from "./order-placement";
import { isProviderError } from "./reward-provider";
import { loadRewardSettings } from "./reward-settings";

/**
 * Copies the provider's catalog into the org's, so the Rewards page never waits on the provider (nor
 * spends its rate limit). Products the provider no longer lists stay, marked unavailable, because
 * earlier redemptions name them. An admin runs it (Refresh catalog); background work runs it daily.
 */
export async function syncRewardCatalog(
  db: Database,
  actor: Actor,
  deps: RewardDeps,
): Promise<{ products: number }> {
  if (!can(actor, "run_background_work")) authorize(actor, "manage_rewards");
  const orgId = actorOrgId(actor);
  const products = await (await orgProvider(db, deps, orgId)).listProducts().catch((error: unknown) => {
    if (!isProviderError(error)) throw error;
    throw new DomainError("provider_unavailable", `The provider answered: ${error.message}`);
  });
  const now = (deps.clock ?? systemClock)();
  await db.transaction(async (tx) => {
    const rows = products.map((product) => ({
      orgId,
      productId: product.id,
      name: product.name,
      description: product.description,
      kind: product.kind,
      category: product.category,
      subcategory: product.subcategory,
      disclosure: product.disclosure,
      usageInstructions: product.usageInstructions,
      currency: product.currency,
      countries: product.countries,
      imageUrl: product.imageUrl,
      skus: product.skus,
      available: true,
      syncedAt: now,
    }));
    if (rows.length > 0) {
      await tx
        .insert(providerProducts)
        .values(rows)
        .onConflictDoUpdate({
          target: [providerProducts.orgId, providerProducts.productId],
          set: Object.fromEntries(
            Object.keys(rows[0] ?? {})
              .filter((column) => column !== "orgId" && column !== "productId")
              .map((column) => [column, sql.raw(`excluded.${toSnake(column)}`)]),
          ),
        });
    }
    await tx
      .update(providerProducts)
      .set({ available: false })
      .where(
        and(
          eq(providerProducts.orgId, orgId),
          products.length > 0
            ? notInArray(
                providerProducts.productId,
                products.map((p) => p.id),
              )
            : undefined,
        ),
      );
    const settings = await loadRewardSettings(tx, orgId);
    await tx
      .insert(rewardSettings)
      .values({ ...settings, catalogSyncedAt: now })
      .onConflictDoUpdate({ target: rewardSettings.orgId, set: { catalogSyncedAt: now } });
  });
  return { products: products.length };
}

function toSnake(column: string): string {
  return column.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}
