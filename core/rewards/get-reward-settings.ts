import { asc, eq } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { providerProducts } from "../../db/schema";
import type { Actor } from "../shared/actor";
import { actorOrgId, authorize } from "../shared/permissions";
import { loadRewardSettings } from "./reward-settings";

export interface CatalogProductSummary {
  productId: string;
  name: string;
  kind: "gift_card" | "charity";
  category: string;
  subcategory: string | null;
  currency: string;
  countries: string[];
  available: boolean;
  /** Not switched off by an admin; whether it is shown still depends on countries, categories, currency. */
  offered: boolean;
}

export interface RewardSettingsView {
  redemptionsEnabled: boolean;
  provider: "sandbox" | "tremendous";
  environment: "sandbox" | "production";
  /** Whether a key is stored; the key itself is never shown again. */
  apiKeySet: boolean;
  webhookKeySet: boolean;
  fundingSourceId: string | null;
  deliveryMethod: "email" | "link";
  approvalThreshold: number | null;
  offeredCountries: string[];
  offeredCategories: string[];
  catalogSyncedAt: Date | null;
  products: CatalogProductSummary[];
}

/** The org's reward settings as an admin edits them, with the synced catalog to choose from. */
export async function getRewardSettings(db: Executor, actor: Actor): Promise<RewardSettingsView> {
  authorize(actor, "manage_rewards");
  const orgId = actorOrgId(actor);
  const [settings, products] = await Promise.all([
    loadRewardSettings(db, orgId),
    db
      .select()
      .from(providerProducts)
      .where(eq(providerProducts.orgId, orgId))
      .orderBy(asc(providerProducts.name)),
  ]);
  const excluded = new Set(settings.excludedProductIds);
  return {
    redemptionsEnabled: settings.redemptionsEnabled,
    provider: settings.provider,
    environment: settings.environment,
    apiKeySet: settings.apiKeyEncrypted !== null,
    webhookKeySet: settings.webhookKeyEncrypted !== null,
    fundingSourceId: settings.fundingSourceId,
    deliveryMethod: settings.deliveryMethod,
    approvalThreshold: settings.approvalThreshold,
    offeredCountries: settings.offeredCountries,
    offeredCategories: settings.offeredCategories,
    catalogSyncedAt: settings.catalogSyncedAt,
    products: products.map((product) => ({
      productId: product.productId,
      name: product.name,
      kind: product.kind === "charity" ? "charity" : "gift_card",
      category: product.category,
      subcategory: product.subcategory,
      currency: product.currency,
      countries: product.countries,
      available: product.available,
      offered: !excluded.has(product.productId),
    })),
  };
}
