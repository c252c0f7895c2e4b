import { createCampaign } from "../../core/campaigns/create-campaign";
import { listCampaigns } from "../../core/campaigns/list-campaigns";
import type { Actor } from "../../core/shared/actor";
import { localDay } from "../../core/shared/periods";
import type { Database } from "../../db/client";
import type { HistoryTime } from "./weekdays";

export const PAST_CAMPAIGN = {
  name: "Customer Week",
  value: "customer-obsession",
  multiplier: 2,
  budget: 400,
  /** Its first and last days, in weekdays before the seed's day. */
  firstDay: 25,
  lastDay: 21,
} as const;

/**
 * A x2 week for #customer-obsession a month back, created as it would have been on its first morning,
 * before the history is written: the gives of that week then earn its bonus through the ledger.
 */
export async function schedulePastCampaign(
  db: Database,
  admin: Actor,
  at: HistoryTime,
  timeZone: string,
): Promise<void> {
  const existing = await listCampaigns(db, admin, {});
  if (
    [...existing.running, ...existing.upcoming, ...existing.ended].some((c) => c.name === PAST_CAMPAIGN.name)
  )
    return;
  const firstMorning = at(PAST_CAMPAIGN.firstDay, 0);
  await createCampaign(
    db,
    admin,
    {
      name: PAST_CAMPAIGN.name,
      startsOn: localDay(firstMorning, timeZone),
      endsOn: localDay(at(PAST_CAMPAIGN.lastDay, 0), timeZone),
      valueName: PAST_CAMPAIGN.value,
      multiplier: PAST_CAMPAIGN.multiplier,
      budget: PAST_CAMPAIGN.budget,
    },
    () => firstMorning,
  );
}
