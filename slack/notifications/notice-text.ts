import { z } from "zod";
import type { NotificationKind } from "@/core/notifications/outbox";
import { formatPointsWithValue } from "@/core/shared/money";
import { escapeMrkdwn } from "../blocks/mrkdwn";
import { celebrationDirectText } from "./celebration-text";
import { levelText } from "./level-text";
import { link } from "./notice-link";
import { nudgeText } from "./nudge-text";

/** What core's redemption notices carry (`redemptionNotice` in core/rewards/redemption-transitions.ts). */
const redemptionFacts = z.object({
  redemptionId: z.string().min(1),
  rewardName: z.string(),
  points: z.number().int(),
  pointValue: z.object({
    points: z.number().int().positive(),
    minor: z.number().int(),
    currency: z.string(),
  }),
  requester: z.string(),
  reason: z.string().optional(),
});

type RedemptionFacts = z.output<typeof redemptionFacts>;

type RedemptionNoticeKind = Extract<NotificationKind, `redemption.${string}`>;

/** A reason typed by an admin or a provider, quoted under the message line by line. */
function quoted(reason: string | undefined): string[] {
  if (!reason) return [];
  return reason.split("\n").map((line) => `>${escapeMrkdwn(line)}`);
}

const BACK = "and the points are back in your balance.";

/** Each kind's message: to the person who redeemed, or to an admin for an approval. */
const MESSAGES: Record<
  RedemptionNoticeKind,
  (facts: RedemptionFacts, reward: string, cost: string) => string[]
> = {
  "redemption.fulfilled": ({ redemptionId }, reward, cost) => [
    `Your redemption went through: *${reward}* for ${cost}. ${link(`/rewards/redemptions/${redemptionId}`, "Open it in Plaudit")}`,
  ],
  "redemption.declined": ({ redemptionId, reason }, reward, cost) => [
    `An admin declined your redemption of *${reward}* (${cost}), ${BACK}`,
    ...quoted(reason),
    link(`/rewards/redemptions/${redemptionId}`, "See it in Plaudit"),
  ],
  "redemption.failed": ({ redemptionId, reason }, reward, cost) => [
    `Your redemption of *${reward}* (${cost}) didn't go through, ${BACK}`,
    ...quoted(reason),
    link(`/rewards/redemptions/${redemptionId}`, "See it in Plaudit"),
  ],
  "redemption.canceled": ({ redemptionId, reason }, reward, cost) => [
    `Your *${reward}* (${cost}) was canceled, ${BACK}`,
    ...quoted(reason),
    link(`/rewards/redemptions/${redemptionId}`, "See it in Plaudit"),
  ],
  "redemption.delivery_failed": ({ redemptionId }, reward, cost) => [
    `Your *${reward}* (${cost}) couldn't be delivered. An admin has been told, and will send it again or give your points back.`,
    link(`/rewards/redemptions/${redemptionId}`, "See it in Plaudit"),
  ],
  "redemption.awaiting_approval": ({ requester }, reward, cost) => [
    `${escapeMrkdwn(requester)} asks to redeem ${cost} for *${reward}*. ${link("/admin/rewards/approvals", "Review it in Plaudit")}`,
  ],
};

/**
 * The direct message a notice becomes, in Slack's mrkdwn, with the points' money value and a link to the
 * page to act on it; null when the notice is not one this sender can read.
 */
export function noticeText(kind: string, payload: unknown): string | null {
  if (kind === "celebration.direct") return celebrationDirectText(payload);
  if (!Object.hasOwn(MESSAGES, kind)) return nudgeText(kind, payload) ?? levelText(kind, payload);
  const message = MESSAGES[kind as RedemptionNoticeKind];
  const facts = redemptionFacts.safeParse(payload);
  if (!message || !facts.success) return null;
  const { rewardName, points, pointValue } = facts.data;
  return message(facts.data, escapeMrkdwn(rewardName), formatPointsWithValue(points, pointValue)).join("\n");
}
