import { z } from "zod";
import type { Database } from "../../db/client";
import { rewardSettings } from "../../db/schema";
import { recordAudit } from "../org/audit";
import type { Actor } from "../shared/actor";
import { type Clock, systemClock } from "../shared/clock";
import { actorOrgId, authorize } from "../shared/permissions";
import { sealSecret } from "../shared/secret-box";
import { parseInput, text } from "../shared/validation";
import { loadRewardSettings, type RewardSettingsRow } from "./reward-settings";

const countryCode = text()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, "Use two-letter country codes such as US or GB.");
const listOf = <T extends z.ZodType>(item: T, max: number) => z.array(item).max(max);

const updateInput = z
  .object({
    redemptionsEnabled: z.boolean("Choose whether people can redeem."),
    provider: z.enum(["sandbox", "tremendous"], "Choose the built-in sandbox or Tremendous."),
    environment: z.enum(["sandbox", "production"], "Choose Tremendous's sandbox or production."),
    /** A new key replaces the stored one; leaving it out keeps it. */
    apiKey: text().trim().min(10, "That doesn't look like an API key.").max(500),
    webhookKey: text().trim().min(10, "That doesn't look like a webhook key.").max(500),
    fundingSourceId: text().trim().min(1).max(100).nullable(),
    deliveryMethod: z.enum(["email", "link"], "Choose email or link delivery."),
    approvalThreshold: z
      .number("Enter a number of points.")
      .int("Points are whole numbers.")
      .min(0, "The threshold can't be negative.")
      .max(100_000_000)
      .nullable(),
    offeredCountries: listOf(countryCode, 250).min(1, "Offer rewards in at least one country."),
    offeredCategories: listOf(text().trim().min(1).max(60), 100),
    excludedProductIds: listOf(text().trim().min(1).max(200), 5000),
  })
  .partial()
  .strict();

export type UpdateRewardSettingsInput = z.input<typeof updateInput>;

export interface UpdateRewardSettingsResult {
  /** The provider, its environment or its key changed: the catalog should be synced again. */
  connectionChanged: boolean;
}

const CONNECTION = ["provider", "environment", "apiKey"] as const;

/**
 * An admin changes how the org redeems. Keys are sealed with the secret box and never shown again;
 * the audit log records that one was set, never what it is.
 */
export async function updateRewardSettings(
  db: Database,
  actor: Actor,
  input: UpdateRewardSettingsInput,
  clock: Clock = systemClock,
): Promise<UpdateRewardSettingsResult> {
  authorize(actor, "manage_rewards");
  const orgId = actorOrgId(actor);
  const { apiKey, webhookKey, ...plain } = parseInput(updateInput, input);
  return db.transaction(async (tx) => {
    const before = await loadRewardSettings(tx, orgId);
    // Only what differs is written and audited; a save that changes nothing leaves no trace.
    const changedPlain = Object.fromEntries(
      Object.entries(plain).filter(
        ([key, value]) =>
          value !== undefined &&
          JSON.stringify(value) !== JSON.stringify(before[key as keyof RewardSettingsRow]),
      ),
    ) as Partial<RewardSettingsRow>;
    const changes: Partial<RewardSettingsRow> = {
      ...changedPlain,
      ...(apiKey ? { apiKeyEncrypted: sealSecret(apiKey) } : {}),
      ...(webhookKey ? { webhookKeyEncrypted: sealSecret(webhookKey) } : {}),
    };
    if (Object.keys(changes).length === 0) return { connectionChanged: false };
    await tx
      .insert(rewardSettings)
      .values({ ...before, ...changes, orgId, updatedAt: clock() })
      .onConflictDoUpdate({ target: rewardSettings.orgId, set: { ...changes, updatedAt: clock() } });
    const shown = (settings: Partial<RewardSettingsRow>) => {
      const { apiKeyEncrypted, webhookKeyEncrypted, ...rest } = settings;
      return {
        ...rest,
        ...(apiKeyEncrypted ? { apiKey: "set" } : {}),
        ...(webhookKeyEncrypted ? { webhookKey: "set" } : {}),
      };
    };
    await recordAudit(tx, actor, {
      orgId,
      action: "rewards.update_settings",
      targetType: "organization",
      targetId: orgId,
      before: shown(
        Object.fromEntries(Object.keys(changes).map((key) => [key, before[key as keyof RewardSettingsRow]])),
      ),
      after: shown(changes),
    });
    const connectionChanged = CONNECTION.some((setting) =>
      setting === "apiKey" ? apiKey !== undefined : setting in changedPlain,
    );
    return { connectionChanged };
  });
}
