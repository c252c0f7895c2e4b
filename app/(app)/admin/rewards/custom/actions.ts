"use server";

import { revalidatePath } from "next/cache";
import { type FormState, formAction, textField } from "@/app/_lib/form-state";
import { signedIn } from "@/app/_lib/viewer";
import type { CustomRewardRow } from "@/core/rewards/catalog";
import { createCustomReward } from "@/core/rewards/create-custom-reward";
import { listCustomRewards } from "@/core/rewards/list-custom-rewards";
import { updateCustomReward } from "@/core/rewards/update-custom-reward";
import { DomainError } from "@/core/shared/errors";
import { customRewardFromForm } from "./custom-reward-form-data";

// The catalog people redeem from shows custom rewards too.
function revalidateRewards() {
  revalidatePath("/", "layout");
}

export async function addCustomReward(_previous: FormState, form: FormData): Promise<FormState> {
  const { db, actor, org } = await signedIn();
  return formAction(async () => {
    const reward = await createCustomReward(db, actor, customRewardFromForm(form, org.pointValue.currency));
    revalidateRewards();
    return `Added “${reward.name}” to the catalog.`;
  });
}

export async function editCustomReward(_previous: FormState, form: FormData): Promise<FormState> {
  const { db, actor, org } = await signedIn();
  return formAction(async () => {
    const reward = await updateCustomReward(db, actor, {
      customRewardId: textField(form, "customRewardId") ?? "",
      ...customRewardFromForm(form, org.pointValue.currency),
    });
    revalidateRewards();
    return `Saved “${reward.name}”.`;
  });
}

/**
 * Retiring and restoring change nothing else, so the reward's fields are sent again as they are now
 * (the use case sets them all), read at the moment of the change rather than as the page showed them.
 */
async function setRetired(form: FormData, retired: boolean): Promise<FormState> {
  const { db, actor } = await signedIn();
  return formAction(async () => {
    const customRewardId = textField(form, "customRewardId") ?? "";
    const current = (await listCustomRewards(db, actor)).find((reward) => reward.id === customRewardId);
    if (!current) throw new DomainError("not_found", "That reward doesn't exist any more.");
    const reward = await updateCustomReward(db, actor, { customRewardId, ...fieldsOf(current), retired });
    revalidateRewards();
    return retired
      ? `Retired “${reward.name}”: it has left the catalog.`
      : `Restored “${reward.name}” to the catalog.`;
  });
}

function fieldsOf(reward: CustomRewardRow) {
  const { name, description, pointsPrice, stock, requiresApproval, internalCostMinor } = reward;
  return { name, description, pointsPrice, stock, requiresApproval, internalCostMinor };
}

export async function retireCustomReward(_previous: FormState, form: FormData): Promise<FormState> {
  return setRetired(form, true);
}

export async function restoreCustomReward(_previous: FormState, form: FormData): Promise<FormState> {
  return setRetired(form, false);
}
