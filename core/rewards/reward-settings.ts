import { eq } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { rewardSettings } from "../../db/schema";
import { DomainError } from "../shared/errors";
import { openSecret } from "../shared/secret-box";
import type { ProviderConnection } from "./reward-provider";

export type RewardSettingsRow = typeof rewardSettings.$inferSelect;

/** An org that never opened Admin > Rewards: redemptions off, the built-in sandbox, email delivery. */
function defaults(orgId: string): RewardSettingsRow {
  return {
    orgId,
    redemptionsEnabled: false,
    provider: "sandbox",
    environment: "sandbox",
    apiKeyEncrypted: null,
    webhookKeyEncrypted: null,
    fundingSourceId: null,
    deliveryMethod: "email",
    approvalThreshold: null,
    offeredCountries: ["US"],
    offeredCategories: [],
    excludedProductIds: [],
    catalogSyncedAt: null,
    updatedAt: new Date(0),
  };
}

export async function loadRewardSettings(db: Executor, orgId: string): Promise<RewardSettingsRow> {
  const [row] = await db.select().from(rewardSettings).where(eq(rewardSettings.orgId, orgId));
  return row ?? defaults(orgId);
}

/** How to reach the org's provider; a Tremendous connection needs its API key. */
export function providerConnection(settings: RewardSettingsRow): ProviderConnection {
  if (settings.provider === "sandbox") return { provider: "sandbox" };
  if (!settings.apiKeyEncrypted) {
    throw new DomainError("provider_unavailable", "Add the Tremendous API key under Admin > Rewards first.", {
      field: "apiKey",
    });
  }
  return {
    provider: "tremendous",
    environment: settings.environment,
    apiKey: openSecret(settings.apiKeyEncrypted),
  };
}

/** The funding source orders are paid from: the one chosen, else the account's own balance. */
export function fundingSourceOf(settings: RewardSettingsRow): string {
  return settings.fundingSourceId ?? "balance";
}
