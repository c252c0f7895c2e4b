import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../../db/client";
import { campaigns } from "../../db/schema";
import { recordAudit } from "../org/audit";
import { loadOrgContext } from "../org/org-context";
import type { Actor } from "../shared/actor";
import { type Clock, systemClock } from "../shared/clock";
import { localDay } from "../shared/periods";
import { actorOrgId, authorize } from "../shared/permissions";
import { parseInput, uuid } from "../shared/validation";
import { type Campaign, campaignNotFound, readCampaigns } from "./campaign-rules";

const endCampaignInput = z.object({ campaignId: uuid("Choose a campaign.") });

export type EndCampaignInput = z.input<typeof endCampaignInput>;

/**
 * An admin ends a running campaign now, or calls off one that hasn't started. Gives already made keep
 * their bonus; gives from this moment earn none. Ending an ended campaign changes nothing.
 */
export async function endCampaign(
  db: Database,
  actor: Actor,
  input: EndCampaignInput,
  clock: Clock = systemClock,
): Promise<Campaign> {
  authorize(actor, "manage_campaigns");
  const orgId = actorOrgId(actor);
  const { campaignId } = parseInput(endCampaignInput, input);
  const now = clock();
  return db.transaction(async (tx) => {
    const org = await loadOrgContext(tx, orgId);
    const today = localDay(now, org.timeZone);
    const ofOrg = and(eq(campaigns.orgId, orgId), eq(campaigns.id, campaignId));
    // Locks the row: a give spending its budget finishes first, and one arriving later sees it ended.
    const [locked] = await tx.select({ id: campaigns.id }).from(campaigns).where(ofOrg).for("update");
    if (!locked) throw campaignNotFound();
    const [current] = await readCampaigns(tx, orgId, eq(campaigns.id, campaignId), today, now);
    if (!current) throw campaignNotFound();
    if (current.status === "ended") return current;
    await tx.update(campaigns).set({ endedAt: now }).where(ofOrg);
    await recordAudit(tx, actor, {
      orgId,
      action: "campaign.end",
      targetType: "campaign",
      targetId: campaignId,
      before: { endedAt: null },
      after: { endedAt: now },
    });
    return { ...current, endedAt: now, status: "ended" };
  });
}
