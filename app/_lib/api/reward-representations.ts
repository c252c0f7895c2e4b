import type { CatalogItem } from "@/core/rewards/catalog";
import { pointsForFaceValue } from "@/core/rewards/face-value";
import type { RewardCatalog } from "@/core/rewards/list-reward-catalog";
import type { RedemptionView } from "@/core/rewards/redemption-view";
import type { PointValue } from "@/core/shared/money";
import { moneyOf, pointValueJson } from "./representations";

/**
 * The integration API's JSON for rewards (described in app/api/v1/openapi.ts). Face values are minor units
 * of the org's currency; every points figure has its money value beside it. A redemption never carries
 * its gift link: that is a bearer secret for the person who redeemed, and an API key is not them.
 */

function rewardJson(item: CatalogItem, pointValue: PointValue) {
  const points = (faceValueMinor: number) => pointsForFaceValue(faceValueMinor, pointValue);
  const { denominations } = item;
  return {
    kind: item.kind,
    product_id: item.productId,
    custom_reward_id: item.customRewardId,
    name: item.name,
    description: item.description,
    image_url: item.imageUrl,
    category: item.category,
    disclosure: item.disclosure,
    usage_instructions: item.usageInstructions,
    currency: pointValue.currency,
    denominations: denominations && {
      fixed: denominations.fixed.map((fixed) => ({
        face_value_minor: fixed.faceValueMinor,
        points: fixed.points,
      })),
      ranges: denominations.ranges.map((range) => ({
        min_minor: range.minMinor,
        max_minor: range.maxMinor,
        step_minor: range.stepMinor,
        min_points: points(range.minMinor),
        max_points: points(range.maxMinor),
        step_points: points(range.stepMinor),
      })),
    },
    points_price: item.pointsPrice,
    stock_left: item.stockLeft,
    requires_approval: item.requiresApproval,
    from_points: item.fromPoints,
    from_value: moneyOf(item.fromPoints, pointValue),
  };
}

export function catalogJson(catalog: RewardCatalog) {
  const { pointValue } = catalog;
  return {
    redemptions_enabled: catalog.enabled,
    point_value: pointValueJson(pointValue),
    approval_threshold: catalog.approvalThreshold,
    rewards: catalog.items.map((item) => rewardJson(item, pointValue)),
  };
}

export function redemptionJson(redemption: RedemptionView) {
  return {
    id: redemption.id,
    person: redemption.person,
    kind: redemption.kind,
    status: redemption.status,
    reward_name: redemption.rewardName,
    brand: redemption.brand,
    points: redemption.points,
    points_value: moneyOf(redemption.points, redemption.pointValue),
    face_value:
      redemption.kind === "custom"
        ? null
        : { minor: redemption.faceValueMinor, currency: redemption.currency },
    share_in_feed: redemption.shareInFeed,
    delivery_method: redemption.deliveryMethod,
    delivery_status: redemption.deliveryStatus,
    recipient_email: redemption.recipientEmail,
    outcome_reason: redemption.outcomeReason,
    requested_at: redemption.requestedAt,
    fulfilled_at: redemption.fulfilledAt,
    closed_at: redemption.closedAt,
  };
}
