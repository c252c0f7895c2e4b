import type { RedemptionView } from "@/core/rewards/redemption-view";
import { formatInZone } from "../../_components/format-time";

/**
 * Where a provider order stands after an admin pushed it (approved it, or tried it again), in words
 * for that admin: delivered, waiting and why, refused with the points back, or parked for a decision.
 */
export function orderOutcomeText(view: RedemptionView, timeZone: string): string {
  const who = view.person.name;
  const handling = view.handling;
  switch (view.status) {
    case "awaiting_fulfillment":
      return `Hand “${view.rewardName}” over to ${who}, then mark it fulfilled.`;
    case "fulfilled":
      if (view.deliveryStatus === "failed") {
        return `The order went through, but delivery to ${view.recipientEmail ?? who} failed: see Needs attention.`;
      }
      return view.deliveryMethod === "link"
        ? `The order went through: ${who} can open their ${view.rewardName} in Plaudit.`
        : `The order went through: ${view.rewardName} is on its way to ${view.recipientEmail ?? who}.`;
    case "submitted": {
      const next = handling?.nextAttemptAt
        ? ` Plaudit tries again ${formatInZone(handling.nextAttemptAt, timeZone)}.`
        : "";
      if (handling?.attentionReason) return `The order is waiting: ${handling.attentionReason}`;
      if (handling?.lastError)
        return `The provider didn't take the order yet (${handling.lastError}).${next}`;
      return `The provider hasn't confirmed the order yet.${next}`;
    }
    case "failed": {
      const why = handling?.lastError ?? handling?.providerStatus ?? view.outcomeReason;
      return `The provider refused the order${why ? ` (${why})` : ""}; ${who}'s points went back.`;
    }
    case "needs_attention":
      return "The provider has a different order under this redemption's id: see Needs attention.";
    default:
      return `The redemption is now ${view.status.replaceAll("_", " ")}.`;
  }
}
