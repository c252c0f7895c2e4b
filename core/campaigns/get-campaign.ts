import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "../../db/client";
import { campaigns } from "../../db/schema";
import { loadOrgContext } from "../org/org-context";
import type { Actor } from "../shared/actor";
import { type Clock, systemClock } from "../shared/clock";
import type { PointValue } from "../shared/money";
import { addDays, daysBetween, localDay, parseIsoDate, startOfLocalDay } from "../shared/periods";
import { actorOrgId, authorize } from "../shared/permissions";
import { parseInput, uuid } from "../shared/validation";
import { type Campaign, campaignNotFound, readCampaigns } from "./campaign-rules";

const getCampaignInput = z.object({ campaignId: uuid("Choose a campaign.") });

export interface CampaignReport {
  campaign: Campaign;
  pointValue: PointValue;
  /** Days of the campaign so far, and in all (null while it has no end date). */
  daysElapsed: number;
  daysTotal: number | null;
  recognitions: number;
  /** Of those, the ones whose recipients got the bonus. */
  withBonus: number;
  peopleRecognised: number;
  topValues: { name: string; recognitions: number }[];
}

const TOP_VALUES = 5;
/** A campaign's page: how far it has run, what its bonus cost against the budget, which values it drew. */
export async function getCampaign(
  db: Executor,
  actor: Actor,
  input: z.input<typeof getCampaignInput>,
  clock: Clock = systemClock,
): Promise<CampaignReport> {
  authorize(actor, "read_campaigns");
  const orgId = actorOrgId(actor);
  const { campaignId } = parseInput(getCampaignInput, input);
  const org = await loadOrgContext(db, orgId);
  const now = clock();
  const today = localDay(now, org.timeZone);
  const [campaign] = await readCampaigns(db, orgId, eq(campaigns.id, campaignId), today, now);
  if (!campaign) throw campaignNotFound();

  const from = startOfLocalDay(parseIsoDate(campaign.startsOn), org.timeZone);
  const endOfLastDay = campaign.endsOn
    ? startOfLocalDay(addDays(parseIsoDate(campaign.endsOn), 1), org.timeZone)
    : null;
  const until = new Date(
    Math.min(now.getTime(), campaign.endedAt?.getTime() ?? Infinity, endOfLastDay?.getTime() ?? Infinity),
  );
  const [figures] = await db.execute<{
    recognitions: number;
    with_bonus: number;
    people: number;
  }>(sql`
    select count(*)::int as recognitions,
           count(*) filter (where r.campaign_id = ${campaignId}::uuid)::int as with_bonus,
           (select count(distinct rr.person_id)::int from recognitions r3
            join recognition_recipients rr on rr.org_id = r3.org_id and rr.recognition_id = r3.id
            where r3.org_id = ${orgId}::uuid and r3.created_at >= ${from.toISOString()}::timestamptz and r3.created_at < ${until.toISOString()}::timestamptz
              and r3.giver_id is not null and r3.add_on_to is null) as people
    from recognitions r
    where r.org_id = ${orgId}::uuid and r.created_at >= ${from.toISOString()}::timestamptz and r.created_at < ${until.toISOString()}::timestamptz
      and r.giver_id is not null and r.add_on_to is null`);
  const topValues = await db.execute<{ name: string; recognitions: number }>(sql`
    select v.name, count(*)::int as recognitions
    from recognitions r
    join recognition_values rv on rv.org_id = r.org_id and rv.recognition_id = r.id
    join company_values v on v.org_id = rv.org_id and v.id = rv.value_id
    where r.org_id = ${orgId}::uuid and r.created_at >= ${from.toISOString()}::timestamptz and r.created_at < ${until.toISOString()}::timestamptz and r.giver_id is not null
    group by v.name
    order by recognitions desc, v.name
    limit ${TOP_VALUES}`);

  const lastCounted =
    campaign.status === "upcoming"
      ? null
      : until < now
        ? localDay(new Date(until.getTime() - 1), org.timeZone)
        : today;
  return {
    campaign,
    pointValue: org.pointValue,
    daysElapsed: lastCounted ? daysBetween(campaign.startsOn, lastCounted) + 1 : 0,
    daysTotal: campaign.endsOn ? daysBetween(campaign.startsOn, campaign.endsOn) + 1 : null,
    recognitions: figures?.recognitions ?? 0,
    withBonus: figures?.with_bonus ?? 0,
    peopleRecognised: figures?.people ?? 0,
    topValues: [...topValues],
  };
}
