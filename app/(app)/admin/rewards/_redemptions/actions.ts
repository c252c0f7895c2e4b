"use server";

import { revalidatePath } from "next/cache";
import { type FormState, formAction, textField } from "@/app/_lib/form-state";
import { rewardDeps } from "@/app/_lib/reward-deps";
import { signedIn } from "@/app/_lib/viewer";
import { approveRedemption } from "@/core/rewards/approve-redemption";
import { cancelReward } from "@/core/rewards/cancel-reward";
import { declineRedemption } from "@/core/rewards/decline-redemption";
import { failRedemption } from "@/core/rewards/fail-redemption";
import { fulfilRedemption } from "@/core/rewards/fulfil-redemption";
import type { RedemptionView } from "@/core/rewards/redemption-view";
import { resendReward } from "@/core/rewards/resend-reward";
import { retryRedemption } from "@/core/rewards/retry-redemption";
import { formatPointsWithValue } from "@/core/shared/money";
import { orderOutcomeText } from "./outcome-text";

type Decision = (redemptionId: string, form: FormData) => Promise<string>;

/**
 * One admin decision on one redemption. Every queue's count sits in the admin navigation, and the
 * person's balance and history change too, so the whole app is revalidated.
 */
async function decide(form: FormData, decision: Decision): Promise<FormState> {
  return formAction(async () => {
    const message = await decision(textField(form, "redemptionId") ?? "", form);
    revalidatePath("/", "layout");
    return message;
  });
}

const pointsBack = (view: RedemptionView) =>
  `${formatPointsWithValue(view.points, view.pointValue)} went back to ${view.person.name}`;

export async function approve(_previous: FormState, form: FormData): Promise<FormState> {
  const { db, actor, org } = await signedIn();
  return decide(form, async (redemptionId) => {
    const view = await approveRedemption(db, actor, { redemptionId }, rewardDeps());
    return `Approved ${view.person.name}'s ${view.rewardName}. ${orderOutcomeText(view, org.timeZone)}`;
  });
}

export async function decline(_previous: FormState, form: FormData): Promise<FormState> {
  const { db, actor } = await signedIn();
  return decide(form, async (redemptionId) => {
    const view = await declineRedemption(db, actor, {
      redemptionId,
      reason: textField(form, "reason") ?? "",
    });
    return `Declined ${view.person.name}'s ${view.rewardName}; ${pointsBack(view)}.`;
  });
}

export async function markFulfilled(_previous: FormState, form: FormData): Promise<FormState> {
  const { db, actor } = await signedIn();
  return decide(form, async (redemptionId) => {
    const view = await fulfilRedemption(db, actor, { redemptionId, note: textField(form, "note") });
    return `Marked ${view.person.name}'s ${view.rewardName} fulfilled.`;
  });
}

export async function markFailed(_previous: FormState, form: FormData): Promise<FormState> {
  const { db, actor } = await signedIn();
  return decide(form, async (redemptionId) => {
    const view = await failRedemption(db, actor, { redemptionId, reason: textField(form, "reason") ?? "" });
    return `Closed ${view.person.name}'s ${view.rewardName} as not fulfilled; ${pointsBack(view)}.`;
  });
}

export async function resend(_previous: FormState, form: FormData): Promise<FormState> {
  const { db, actor } = await signedIn();
  return decide(form, async (redemptionId) => {
    const view = await resendReward(
      db,
      actor,
      { redemptionId, email: textField(form, "email") ?? "" },
      rewardDeps(),
    );
    return `Sent ${view.person.name}'s ${view.rewardName} again, to ${view.recipientEmail}.`;
  });
}

export async function cancel(_previous: FormState, form: FormData): Promise<FormState> {
  const { db, actor } = await signedIn();
  return decide(form, async (redemptionId) => {
    const view = await cancelReward(db, actor, { redemptionId }, rewardDeps());
    return `Canceled ${view.person.name}'s ${view.rewardName}; ${pointsBack(view)}.`;
  });
}

export async function retry(_previous: FormState, form: FormData): Promise<FormState> {
  const { db, actor, org } = await signedIn();
  return decide(form, async (redemptionId) => {
    const view = await retryRedemption(db, actor, { redemptionId }, rewardDeps());
    return orderOutcomeText(view, org.timeZone);
  });
}
