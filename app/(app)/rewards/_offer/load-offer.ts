import { cache } from "react";
import { guarded } from "@/app/_lib/page-guard";
import { signedIn } from "@/app/_lib/viewer";
import { getRewardOffer } from "@/core/rewards/get-reward-offer";

/**
 * One reward of the catalog, read once per request for the page and its title. A reward that isn't
 * offered (never was, retired, excluded, another org's) renders the 404 page.
 */
export const loadOffer = cache(async (kind: "gift" | "custom", id: string) => {
  const { db, actor } = await signedIn();
  return guarded(getRewardOffer(db, actor, kind === "gift" ? { productId: id } : { customRewardId: id }));
});
