"use server";

import { revalidatePath } from "next/cache";
import { type FormState, formAction, numberField, textField } from "@/app/_lib/form-state";
import { rewardDeps } from "@/app/_lib/reward-deps";
import { signedIn } from "@/app/_lib/viewer";
import { syncRewardCatalog } from "@/core/rewards/sync-reward-catalog";
import { testProviderConnection } from "@/core/rewards/test-provider-connection";
import { type UpdateRewardSettingsInput, updateRewardSettings } from "@/core/rewards/update-reward-settings";
import { DomainError, isDomainError } from "@/core/shared/errors";
import { formatPointsWithValue } from "@/core/shared/money";
import { type ConnectionCheck, connectionCheck } from "./connection-check";
import { parseCountryCodes } from "./countries";

type Connection = Pick<UpdateRewardSettingsInput, "provider" | "environment">;

// Whether people can redeem, and what they see, shows up across the app (the header, the catalog).
function revalidateRewards() {
  revalidatePath("/", "layout");
}

function texts(form: FormData, name: string): string[] {
  return form.getAll(name).filter((value): value is string => typeof value === "string");
}

/** The provider and environment as the form chose them; the use case refuses anything else by name. */
function connectionFromForm(form: FormData): Required<Connection> {
  return {
    provider: textField(form, "provider") as Required<Connection>["provider"],
    environment: (textField(form, "environment") ?? "sandbox") as Required<Connection>["environment"],
  };
}

export async function saveRedemptionRules(_previous: FormState, form: FormData): Promise<FormState> {
  const { db, actor, org } = await signedIn();
  return formAction(async () => {
    const enabled = form.get("redemptionsEnabled") === "on";
    // An empty threshold means none: nothing waits for approval unless the reward asks for it.
    const threshold = numberField(form, "approvalThreshold") ?? null;
    await updateRewardSettings(db, actor, { redemptionsEnabled: enabled, approvalThreshold: threshold });
    revalidateRewards();
    const approval =
      threshold === null
        ? "No redemption needs approval unless its reward asks for it."
        : `Redemptions over ${formatPointsWithValue(threshold, org.pointValue)} need approval.`;
    return `Saved. Redemptions are ${enabled ? "on" : "off"}. ${approval}`;
  });
}

/**
 * Saves how the org reaches its provider. Keys are sent only when typed (leaving a field out keeps the
 * saved key). A new provider, environment or key brings a new catalog, synced here at once.
 */
export async function saveConnection(_previous: FormState, form: FormData): Promise<FormState> {
  const { db, actor } = await signedIn();
  return formAction(async () => {
    const { provider, environment } = connectionFromForm(form);
    const { connectionChanged } = await updateRewardSettings(db, actor, {
      provider,
      ...(provider === "tremendous"
        ? { environment, apiKey: textField(form, "apiKey"), webhookKey: textField(form, "webhookKey") }
        : {}),
      fundingSourceId: textField(form, "fundingSourceId") ?? null,
      deliveryMethod: textField(form, "deliveryMethod") as UpdateRewardSettingsInput["deliveryMethod"],
    });
    revalidateRewards();
    if (!connectionChanged) return "Connection saved.";
    try {
      const { products } = await syncRewardCatalog(db, actor, rewardDeps());
      return `Connection saved, and the catalog synced from it: ${products} product${products === 1 ? "" : "s"}.`;
    } catch (error) {
      if (!isDomainError(error)) throw error;
      throw new DomainError(
        error.code,
        `The connection is saved, but its catalog couldn't be synced. ${error.message}`,
        error.details,
      );
    }
  });
}

/** Asks the provider with the connection as typed, before it is saved: a wrong key shows up here. */
export async function testConnection(form: FormData): Promise<ConnectionCheck> {
  const { db, actor } = await signedIn();
  const connection = connectionFromForm(form);
  return connectionCheck(
    connection,
    testProviderConnection(
      db,
      actor,
      connection.provider === "tremendous"
        ? { ...connection, apiKey: textField(form, "apiKey") }
        : { provider: connection.provider },
      rewardDeps(),
    ),
  );
}

export async function refreshCatalog(_previous: FormState, _form: FormData): Promise<FormState> {
  const { db, actor } = await signedIn();
  return formAction(async () => {
    const { products } = await syncRewardCatalog(db, actor, rewardDeps());
    revalidateRewards();
    return `Catalog synced: ${products} product${products === 1 ? "" : "s"}.`;
  });
}

/** The countries, categories and products people are offered; products are sent as those left out. */
export async function saveOffer(_previous: FormState, form: FormData): Promise<FormState> {
  const { db, actor } = await signedIn();
  return formAction(async () => {
    const countries = parseCountryCodes(
      texts(form, "offeredCountries"),
      textField(form, "otherCountries") ?? "",
    );
    if (!countries.ok) throw new DomainError("invalid", countries.message, { field: "offeredCountries" });
    await updateRewardSettings(db, actor, {
      offeredCountries: countries.codes,
      offeredCategories: texts(form, "offeredCategories"),
      excludedProductIds: texts(form, "excludedProductIds"),
    });
    revalidateRewards();
    return "Saved what's offered.";
  });
}
