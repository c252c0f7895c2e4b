import { and, asc, eq, isNull, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "../../db/client";
import { customRewards, providerProducts } from "../../db/schema";
import { DomainError } from "../shared/errors";
import type { PointValue } from "../shared/money";
import { arrayLiteral } from "../shared/sql-array";
import { text, uuid } from "../shared/validation";
import { type Denominations, denominationsFor, pointsForFaceValue } from "./face-value";
import type { RewardSettingsRow } from "./reward-settings";

export type ProductRow = typeof providerProducts.$inferSelect;
export type CustomRewardRow = typeof customRewards.$inferSelect;

/** One thing a person can redeem: a provider's gift card or charity, or one of the org's own rewards. */
export interface CatalogItem {
  kind: "gift_card" | "charity" | "custom";
  /** Exactly one of the two ids is set. */
  productId: string | null;
  customRewardId: string | null;
  name: string;
  description: string;
  imageUrl: string | null;
  category: string | null;
  disclosure: string | null;
  usageInstructions: string | null;
  /** Provider rewards: the face values on offer and what each costs. */
  denominations: Denominations | null;
  /** Custom rewards: the price in points, and what is left (null: no limit). */
  pointsPrice: number | null;
  stockLeft: number | null;
  requiresApproval: boolean;
  /** The fewest points it can be had for, for the catalog's cards. */
  fromPoints: number;
}

/** The conditions that make a synced product one the org offers, in its currency. */
function offeredProductFilter(orgId: string, settings: RewardSettingsRow, currency: string): SQL | undefined {
  const categories = arrayLiteral(settings.offeredCategories);
  return and(
    eq(providerProducts.orgId, orgId),
    eq(providerProducts.available, true),
    eq(providerProducts.currency, currency),
    sql`${providerProducts.countries} && ${arrayLiteral(settings.offeredCountries)}::text[]`,
    settings.offeredCategories.length > 0
      ? sql`(${providerProducts.category} = any(${categories}::text[])
          or ${providerProducts.subcategory} = any(${categories}::text[]))`
      : undefined,
    sql`not (${providerProducts.productId} = any(${arrayLiteral(settings.excludedProductIds)}::text[]))`,
  );
}

export function productItem(product: ProductRow, value: PointValue): CatalogItem | null {
  const denominations = denominationsFor(product.skus, value);
  const cheapest = [
    ...denominations.fixed.map((fixed) => fixed.points),
    ...denominations.ranges.map(
      (range) => pointsForFaceValue(range.minMinor, value) ?? Number.POSITIVE_INFINITY,
    ),
  ].sort((a, b) => a - b)[0];
  // A product none of whose values costs whole points at this point value cannot be offered.
  if (cheapest === undefined) return null;
  return {
    kind: product.kind === "charity" ? "charity" : "gift_card",
    productId: product.productId,
    customRewardId: null,
    name: product.name,
    description: product.description,
    imageUrl: product.imageUrl,
    category: product.subcategory ?? product.category,
    disclosure: product.disclosure,
    usageInstructions: product.usageInstructions,
    denominations,
    pointsPrice: null,
    stockLeft: null,
    requiresApproval: false,
    fromPoints: cheapest,
  };
}

export function customItem(reward: CustomRewardRow): CatalogItem {
  return {
    kind: "custom",
    productId: null,
    customRewardId: reward.id,
    name: reward.name,
    description: reward.description,
    imageUrl: null,
    category: null,
    disclosure: null,
    usageInstructions: null,
    denominations: null,
    pointsPrice: reward.pointsPrice,
    stockLeft: reward.stock,
    requiresApproval: reward.requiresApproval,
    fromPoints: reward.pointsPrice,
  };
}

export async function offeredProducts(
  db: Executor,
  orgId: string,
  settings: RewardSettingsRow,
  currency: string,
  productId?: string,
): Promise<ProductRow[]> {
  return db
    .select()
    .from(providerProducts)
    .where(
      and(
        offeredProductFilter(orgId, settings, currency),
        productId === undefined ? undefined : eq(providerProducts.productId, productId),
      ),
    )
    .orderBy(asc(providerProducts.name));
}

export async function activeCustomRewards(
  db: Executor,
  orgId: string,
  customRewardId?: string,
): Promise<CustomRewardRow[]> {
  return db
    .select()
    .from(customRewards)
    .where(
      and(
        eq(customRewards.orgId, orgId),
        isNull(customRewards.retiredAt),
        customRewardId === undefined ? undefined : eq(customRewards.id, customRewardId),
      ),
    )
    .orderBy(asc(customRewards.pointsPrice), asc(customRewards.name));
}

/** A reward of the catalog, as a request names it: a provider product or one of the org's own. */
export const rewardChoiceFields = {
  productId: text().trim().min(1).max(200).optional(),
  customRewardId: uuid("Choose a reward from the catalog.").optional(),
};

/** Exactly one of the two: `.refine(choosesOneReward, ONE_REWARD)` on any schema with `rewardChoiceFields`. */
export function choosesOneReward(choice: { productId?: string; customRewardId?: string }): boolean {
  return (choice.productId === undefined) !== (choice.customRewardId === undefined);
}

export const ONE_REWARD = { message: "Choose one reward from the catalog.", path: ["productId"] };

export const rewardChoice = z.object(rewardChoiceFields).refine(choosesOneReward, ONE_REWARD);

/** The refusal of a reward the org does not offer, blamed on the field that named it. */
export function notOffered(field: "productId" | "customRewardId" = "productId"): DomainError {
  return new DomainError("not_found", "That reward isn't offered here.", { field });
}
