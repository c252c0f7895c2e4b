import type { z } from "zod";
import type { Executor } from "../../db/client";
import { earnedBalances } from "../ledger/accounts";
import { loadOrgContext } from "../org/org-context";
import type { Actor } from "../shared/actor";
import type { PointValue } from "../shared/money";
import { actorOrgId, authorize } from "../shared/permissions";
import { parseInput } from "../shared/validation";
import {
  activeCustomRewards,
  type CatalogItem,
  customItem,
  notOffered,
  offeredProducts,
  productItem,
  rewardChoice,
} from "./catalog";
import { loadRewardSettings } from "./reward-settings";

export type GetRewardOfferInput = z.input<typeof rewardChoice>;

export interface RewardOffer {
  item: CatalogItem;
  enabled: boolean;
  earned: number | null;
  pointValue: PointValue;
  approvalThreshold: number | null;
  /** Where a gift card will be sent: the person's own email. */
  deliveryMethod: "email" | "link";
}

/** One reward of the catalog, with what a person needs to choose how much of it to redeem. */
export async function getRewardOffer(
  db: Executor,
  actor: Actor,
  input: GetRewardOfferInput,
): Promise<RewardOffer> {
  authorize(actor, "read_rewards");
  const orgId = actorOrgId(actor);
  const choice = parseInput(rewardChoice, input);
  const [org, settings] = await Promise.all([loadOrgContext(db, orgId), loadRewardSettings(db, orgId)]);
  const item = choice.customRewardId
    ? (await activeCustomRewards(db, orgId, choice.customRewardId)).map(customItem)[0]
    : (await offeredProducts(db, orgId, settings, org.pointValue.currency, choice.productId)).flatMap(
        (product) => productItem(product, org.pointValue) ?? [],
      )[0];
  if (!item) throw notOffered(choice.customRewardId ? "customRewardId" : "productId");
  const earned = actor.kind === "person" ? await earnedBalances(db, orgId, [actor.personId]) : null;
  return {
    item,
    enabled: settings.redemptionsEnabled,
    earned: actor.kind === "person" ? (earned?.[actor.personId] ?? 0) : null,
    pointValue: org.pointValue,
    approvalThreshold: settings.approvalThreshold,
    deliveryMethod: settings.deliveryMethod,
  };
}
