import { and, gt, gte, isNull, lte, or } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "../../db/client";
import { campaigns } from "../../db/schema";
import { loadOrgContext } from "../org/org-context";
import type { Actor } from "../shared/actor";
import { type Clock, systemClock } from "../shared/clock";
import { localDay } from "../shared/periods";
import { actorOrgId, authorize } from "../shared/permissions";
import { parseInput } from "../shared/validation";
import { type Campaign, readCampaigns } from "./campaign-rules";

export interface CampaignList {
  running: Campaign[];
  upcoming: Campaign[];
  ended: Campaign[];
  /** The org's local day, `YYYY-MM-DD`: what the statuses were decided on. */
  today: string;
}

const listCampaignsInput = z.object({
  /** Only the campaigns running now: what a give is worth today, for the feed. */
  runningOnly: z.boolean().default(false),
});

/**
 * The org's campaigns, running first. Everyone in the org may see them: a campaign is news, and the
 * give form tells the giver what their points will be worth.
 */
export async function listCampaigns(
  db: Executor,
  actor: Actor,
  input: z.input<typeof listCampaignsInput> = {},
  clock: Clock = systemClock,
): Promise<CampaignList> {
  authorize(actor, "read_campaigns");
  const orgId = actorOrgId(actor);
  const { runningOnly } = parseInput(listCampaignsInput, input);
  const org = await loadOrgContext(db, orgId);
  const now = clock();
  const today = localDay(now, org.timeZone);
  // The same rule as campaignStatus, in SQL: the feed reads only these, however many have ended.
  const running = and(
    lte(campaigns.startsOn, today),
    or(isNull(campaigns.endsOn), gte(campaigns.endsOn, today)),
    or(isNull(campaigns.endedAt), gt(campaigns.endedAt, now)),
  );
  const all = await readCampaigns(db, orgId, runningOnly ? running : undefined, today, now);
  return {
    running: all.filter((campaign) => campaign.status === "running"),
    // Soonest first.
    upcoming: all.filter((campaign) => campaign.status === "upcoming").reverse(),
    ended: all.filter((campaign) => campaign.status === "ended"),
    today,
  };
}
