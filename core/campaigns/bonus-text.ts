import type { GiveRecord } from "../giving/give-statement";
import { formatPoints } from "../shared/money";

/**
 * What a give's confirmation adds about a campaign, on the web and in Slack alike: the bonus each
 * recipient got, or that the campaign's budget ran out and the give went at x1. Empty otherwise.
 */
export function describeGiveBonus(
  result: Pick<GiveRecord, "bonus" | "budgetSpentCampaign">,
  amount: number,
): string {
  if (result.bonus) {
    const { multiplier, campaignName, perRecipient } = result.bonus;
    return `×${multiplier} ${campaignName}: each gets ${formatPoints(amount + perRecipient)}, ${formatPoints(perRecipient)} of it from the company.`;
  }
  if (result.budgetSpentCampaign) {
    return `${result.budgetSpentCampaign}'s bonus budget is spent, so this give counted ×1.`;
  }
  return "";
}
