"use server";

import { revalidatePath } from "next/cache";
import { type FormState, formAction, numberField, textField } from "@/app/_lib/form-state";
import { signedIn } from "@/app/_lib/viewer";
import { createCampaign } from "@/core/campaigns/create-campaign";
import { endCampaign } from "@/core/campaigns/end-campaign";

// A campaign shows on the feed, the give form and its own page.
function revalidateCampaigns() {
  revalidatePath("/", "layout");
}

export async function startCampaign(_previous: FormState, form: FormData): Promise<FormState> {
  const { db, actor } = await signedIn();
  return formAction(async () => {
    const campaign = await createCampaign(db, actor, {
      name: textField(form, "name") ?? "",
      startsOn: textField(form, "startsOn") ?? "",
      endsOn: textField(form, "endsOn") ?? null,
      valueName: textField(form, "valueName") ?? null,
      multiplier: numberField(form, "multiplier") as 2,
      budget: numberField(form, "budget") ?? null,
    });
    revalidateCampaigns();
    return campaign.status === "running"
      ? `${campaign.name} is on: every give now earns its recipients ×${campaign.multiplier}.`
      : `${campaign.name} is scheduled to start on ${campaign.startsOn}.`;
  });
}

export async function stopCampaign(_previous: FormState, form: FormData): Promise<FormState> {
  const { db, actor } = await signedIn();
  return formAction(async () => {
    const campaign = await endCampaign(db, actor, { campaignId: textField(form, "campaignId") ?? "" });
    revalidateCampaigns();
    return `${campaign.name} has ended; gives from now on earn no bonus.`;
  });
}
