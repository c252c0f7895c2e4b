import type { CatalogItem } from "@/core/rewards/catalog";

export const KIND_LABELS: Record<CatalogItem["kind"], { one: string; many: string }> = {
  gift_card: { one: "Gift card", many: "Gift cards" },
  charity: { one: "Charity", many: "Charities" },
  custom: { one: "Company reward", many: "Company rewards" },
};

/** The page of one reward of the catalog. */
export function rewardHref(item: Pick<CatalogItem, "productId" | "customRewardId">): string {
  return item.customRewardId
    ? `/rewards/custom/${item.customRewardId}`
    : `/rewards/gift/${encodeURIComponent(item.productId ?? "")}`;
}
