import type { RewardDeps } from "@/core/rewards/order-placement";
import { rewardProviders } from "@/providers/reward-providers";

/** What the reward use cases need from outside core: the provider adapters, configured from the environment. */
export function rewardDeps(): RewardDeps {
  return { providers: rewardProviders() };
}
