import type { RedemptionKind, RedemptionStatus } from "@/core/rewards/redemption-view";

/** A redemption's status as an admin reads it. */
export const STATUS_TEXT: Record<RedemptionStatus, string> = {
  awaiting_approval: "Waiting for approval",
  submitted: "Ordered, waiting for the provider",
  awaiting_fulfillment: "To hand over",
  fulfilled: "Fulfilled",
  failed: "Failed",
  declined: "Declined",
  needs_attention: "Needs attention",
  canceled: "Canceled",
};

export const KIND_TEXT: Record<RedemptionKind, string> = {
  gift_card: "Gift card",
  charity: "Donation",
  custom: "Custom reward",
};
