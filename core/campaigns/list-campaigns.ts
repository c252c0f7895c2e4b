import type { Executor } from "../../db/client";
import { loadOrgContext } from "../org/org-context";
import type { Actor } from "../shared/actor";
import { type Clock, systemClock } from "../shared/clock";
import { localDay } from "../shared/periods";
import { actorOrgId, authorize } from "../shared/permissions";
import { type Campaign, readCampaigns } from "./campaign-rules";

export interface CampaignList {
  running: Campaign[];
  upcoming: Campaign[];
  ended: Campaign[];
  /** The org's local day, `YYYY-MM-DD`: what the statuses were decided on. */
  today: string;
}

/**
 * The org's campaigns, running first. Everyone in the org may see them: a campaign is news, and the
 * give form tells the giver what their points will be worth.
 */
export async function listCampaigns(
  db: Executor,
  actor: Actor,
  clock: Clock = systemClock,
): Promise<CampaignList> {
  authorize(actor, "read_campaigns");
  const orgId = actorOrgId(actor);
  const org = await loadOrgContext(db, orgId);
  const now = clock();
  const today = localDay(now, org.timeZone);
  const all = await readCampaigns(db, orgId, undefined, today, now);
  return {
    running: all.filter((campaign) => campaign.status === "running"),
    // Soonest first.
    upcoming: all.filter((campaign) => campaign.status === "upcoming").reverse(),
    ended: all.filter((campaign) => campaign.status === "ended"),
    today,
  };
}
