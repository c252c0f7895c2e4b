import { z } from "zod";
import type { Executor } from "../../db/client";
import { earnedBalances } from "../ledger/accounts";
import { loadOrgContext } from "../org/org-context";
import type { Actor } from "../shared/actor";
import type { PointValue } from "../shared/money";
import { actorOrgId, authorize } from "../shared/permissions";
import { parseInput, text } from "../shared/validation";
import { activeCustomRewards, type CatalogItem, customItem, offeredProducts, productItem } from "./catalog";
import { loadRewardSettings } from "./reward-settings";

const catalogInput = z.object({
  query: text().trim().max(100, "Search for at most 100 characters.").optional(),
  kind: z
    .enum(["gift_card", "charity", "custom"], "Choose gift cards, charities or company rewards.")
    .optional(),
});

export type ListRewardCatalogInput = z.input<typeof catalogInput>;

export interface RewardCatalog {
  /** False while an admin has redemptions switched off: the catalog is shown, nothing can be redeemed. */
  enabled: boolean;
  /** The viewer's earned balance; null for an org-level actor, which has none. */
  earned: number | null;
  pointValue: PointValue;
  /** Redemptions of more points than this wait for an admin's approval. */
  approvalThreshold: number | null;
  items: CatalogItem[];
  /** How many items each tab holds before the search narrows them. */
  counts: Record<CatalogItem["kind"], number>;
}

/** The rewards a person can redeem their earned points for: gift cards, charities and the org's own. */
export async function listRewardCatalog(
  db: Executor,
  actor: Actor,
  input: ListRewardCatalogInput = {},
): Promise<RewardCatalog> {
  authorize(actor, "read_rewards");
  const orgId = actorOrgId(actor);
  const request = parseInput(catalogInput, input);
  const [org, settings] = await Promise.all([loadOrgContext(db, orgId), loadRewardSettings(db, orgId)]);
  const [products, custom, earned] = await Promise.all([
    offeredProducts(db, orgId, settings, org.pointValue.currency),
    activeCustomRewards(db, orgId),
    actor.kind === "person" ? earnedBalances(db, orgId, [actor.personId]) : Promise.resolve(null),
  ]);
  const all = [
    ...products.flatMap((product) => productItem(product, org.pointValue) ?? []),
    ...custom.map(customItem),
  ];
  const counts = { gift_card: 0, charity: 0, custom: 0 };
  for (const item of all) counts[item.kind] += 1;
  const query = request.query?.toLowerCase();
  const items = all.filter(
    (item) =>
      (!request.kind || item.kind === request.kind) &&
      (!query || item.name.toLowerCase().includes(query) || item.description.toLowerCase().includes(query)),
  );
  return {
    enabled: settings.redemptionsEnabled,
    earned: actor.kind === "person" ? (earned?.[actor.personId] ?? 0) : null,
    pointValue: org.pointValue,
    approvalThreshold: settings.approvalThreshold,
    items,
    counts,
  };
}
