import { z } from "zod";
import type { Executor } from "../../db/client";
import type { Actor } from "../shared/actor";
import { DomainError } from "../shared/errors";
import { actorOrgId, authorize } from "../shared/permissions";
import { parseInput, text } from "../shared/validation";
import type { RewardDeps } from "./order-placement";
import { type FundingSource, isProviderError, type ProviderConnection } from "./reward-provider";
import { loadRewardSettings, providerConnection } from "./reward-settings";

const testInput = z.object({
  /** Try a connection before saving it; otherwise the saved one. */
  provider: z.enum(["sandbox", "tremendous"]).optional(),
  environment: z.enum(["sandbox", "production"]).optional(),
  apiKey: text().trim().min(10, "That doesn't look like an API key.").max(500).optional(),
});

export type TestProviderConnectionInput = z.input<typeof testInput>;

export interface ProviderConnectionCheck {
  fundingSources: FundingSource[];
  products: number;
}

/**
 * Asks the provider for its funding sources and catalog with the connection an admin is setting up, so
 * a wrong key or environment shows up before anyone redeems; the answer fills the funding source list.
 */
export async function testProviderConnection(
  db: Executor,
  actor: Actor,
  input: TestProviderConnectionInput,
  deps: Pick<RewardDeps, "providers">,
): Promise<ProviderConnectionCheck> {
  authorize(actor, "manage_rewards");
  const orgId = actorOrgId(actor);
  const request = parseInput(testInput, input);
  const saved = await loadRewardSettings(db, orgId);
  const provider = request.provider ?? saved.provider;
  const connection: ProviderConnection =
    provider === "sandbox"
      ? { provider }
      : request.apiKey
        ? { provider, environment: request.environment ?? saved.environment, apiKey: request.apiKey }
        : providerConnection({ ...saved, provider, environment: request.environment ?? saved.environment });
  const adapter = deps.providers(connection);
  try {
    const [fundingSources, products] = await Promise.all([
      adapter.listFundingSources(),
      adapter.listProducts(),
    ]);
    return { fundingSources, products: products.length };
  } catch (error) {
    if (!isProviderError(error)) throw error;
    throw new DomainError("provider_unavailable", `The provider answered: ${error.message}`, {
      kind: error.kind,
    });
  }
}
