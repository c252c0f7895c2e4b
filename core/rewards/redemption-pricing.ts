import { and, eq, isNull, or, sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { customRewards } from "../../db/schema";
import { DomainError } from "../shared/errors";
import { formatMoney, type PointValue } from "../shared/money";
import {
  activeCustomRewards,
  type CustomRewardRow,
  notOffered,
  offeredProducts,
  type ProductRow,
} from "./catalog";
import { nearestValidFaceValues, pointsForFaceValue, skuAllows } from "./face-value";
import type { RewardSettingsRow } from "./reward-settings";

/** What a redemption of a provider product at a face value costs, or why that face value is refused. */
function priceProduct(product: ProductRow, faceValueMinor: number | undefined, value: PointValue): number {
  const money = (minor: number) => formatMoney(minor, value.currency);
  if (value.minor <= 0) {
    throw new DomainError("invalid", "Points have no money value in this org, so they can't buy gift cards.");
  }
  if (faceValueMinor === undefined) {
    throw new DomainError("invalid_face_value", "Choose how much the gift card is worth.", {
      field: "faceValueMinor",
    });
  }
  // No face value of the product costs whole points: the catalog leaves it out, and so does this.
  const refuse = (message: string, nearest: number[]) =>
    nearest.length === 0
      ? notOffered()
      : new DomainError("invalid_face_value", message, { field: "faceValueMinor", nearest });
  if (!skuAllows(product.skus, faceValueMinor)) {
    const nearest = nearestValidFaceValues(product.skus, faceValueMinor, value);
    throw refuse(
      `${product.name} isn't sold at ${money(faceValueMinor)}. Try ${nearest.map(money).join(" or ")}.`,
      nearest,
    );
  }
  const points = pointsForFaceValue(faceValueMinor, value);
  if (points === null) {
    const nearest = nearestValidFaceValues(product.skus, faceValueMinor, value);
    throw refuse(
      `${money(faceValueMinor)} isn't a whole number of points. Try ${nearest.map(money).join(" or ")}.`,
      nearest,
    );
  }
  return points;
}

/**
 * Takes one of a custom reward off the shelf, in the caller's transaction: a guarded update, so that
 * however many ask at once, no more are handed out than there are.
 */
async function takeFromStock(tx: Executor, reward: CustomRewardRow): Promise<void> {
  const [taken] = await tx
    .update(customRewards)
    .set({ stock: sql`${customRewards.stock} - 1` })
    .where(
      and(
        eq(customRewards.orgId, reward.orgId),
        eq(customRewards.id, reward.id),
        isNull(customRewards.retiredAt),
        or(isNull(customRewards.stock), sql`${customRewards.stock} > 0`),
      ),
    )
    .returning({ id: customRewards.id });
  if (!taken) {
    throw new DomainError("out_of_stock", `${reward.name} is out of stock.`, { field: "customRewardId" });
  }
}

export interface ChosenReward {
  kind: "gift_card" | "charity" | "custom";
  custom: boolean;
  points: number;
  faceValueMinor: number;
  productId: string | null;
  customRewardId: string | null;
  brand: string;
  rewardName: string;
  internalCostMinor: number | null;
  requiresApproval: boolean;
}

/** The reward a request names, priced, with a custom one taken off the shelf; refused if not offered. */
export async function chooseReward(
  tx: Executor,
  orgId: string,
  request: { productId?: string; customRewardId?: string; faceValueMinor?: number },
  value: PointValue,
  settings: RewardSettingsRow,
): Promise<ChosenReward> {
  if (request.customRewardId) {
    const [reward] = await activeCustomRewards(tx, orgId, request.customRewardId);
    if (!reward) throw notOffered("customRewardId");
    await takeFromStock(tx, reward);
    return {
      kind: "custom",
      custom: true,
      points: reward.pointsPrice,
      faceValueMinor: 0,
      productId: null,
      customRewardId: reward.id,
      brand: "Company reward",
      rewardName: reward.name,
      internalCostMinor: reward.internalCostMinor,
      requiresApproval: reward.requiresApproval,
    };
  }
  const [product] = await offeredProducts(tx, orgId, settings, value.currency, request.productId);
  if (!product) throw notOffered();
  const points = priceProduct(product, request.faceValueMinor, value);
  return {
    kind: product.kind === "charity" ? "charity" : "gift_card",
    custom: false,
    points,
    faceValueMinor: request.faceValueMinor ?? 0,
    productId: product.productId,
    customRewardId: null,
    brand: product.name,
    rewardName: product.kind === "charity" ? `Donation to ${product.name}` : `${product.name} gift card`,
    internalCostMinor: null,
    requiresApproval: false,
  };
}
