"use server";

import { randomUUID } from "node:crypto";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formAction, formIdempotencyKey, numberField, textField } from "@/app/_lib/form-state";
import { rewardDeps } from "@/app/_lib/reward-deps";
import { signedIn } from "@/app/_lib/viewer";
import { requestRedemption } from "@/core/rewards/request-redemption";
import { DomainError, isDomainError } from "@/core/shared/errors";
import type { RedeemFormState } from "./redeem-state";

function nearestOf(details: Record<string, unknown>): number[] | undefined {
  const { nearest } = details;
  return Array.isArray(nearest) && nearest.every(Number.isSafeInteger) ? nearest : undefined;
}

/** Redeems the viewer's points for the reward the form names, then shows what became of it. */
export async function redeem(_previous: RedeemFormState, form: FormData): Promise<RedeemFormState> {
  const { db, actor } = await signedIn();
  const outcome: { redemptionId?: string; nearest?: number[]; keySpent?: boolean } = {};
  const state = await formAction(async () => {
    const { redemption } = await requestRedemption(
      db,
      actor,
      {
        productId: textField(form, "productId"),
        customRewardId: textField(form, "customRewardId"),
        // Text that is not a whole number reaches the use case as NaN, which it refuses by name.
        faceValueMinor: numberField(form, "faceValueMinor"),
        shareInFeed: form.get("shareInFeed") === "on",
        idempotencyKey: formIdempotencyKey(form),
      },
      rewardDeps(),
    ).catch((error: unknown) => {
      if (isDomainError(error, "invalid_face_value")) outcome.nearest = nearestOf(error.details);
      // The key was taken by an earlier redemption from this page whose answer never arrived.
      if (!isDomainError(error, "idempotency_conflict")) throw error;
      outcome.keySpent = true;
      throw new DomainError(
        "idempotency_conflict",
        "Your earlier redemption from this page already went through, so this one wasn't sent. Check My redemptions, then redeem again if you meant to.",
      );
    });
    outcome.redemptionId = redemption.id;
    return "";
  });
  if (outcome.redemptionId) {
    // The header's earned balance changed with the hold.
    revalidatePath("/", "layout");
    redirect(`/rewards/redemptions/${outcome.redemptionId}`);
  }
  return {
    ...state,
    nearest: outcome.nearest,
    nextIdempotencyKey: outcome.keySpent ? randomUUID() : undefined,
  };
}
