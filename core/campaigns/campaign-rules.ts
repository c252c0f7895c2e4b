import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "../../db/client";
import { campaigns, companyValues } from "../../db/schema";
import { DomainError } from "../shared/errors";
import { isCalendarDay } from "../shared/periods";
import { text } from "../shared/validation";

export const MULTIPLIERS = [2, 3, 4, 5] as const;

export type CampaignStatus = "upcoming" | "running" | "ended";

export interface Campaign {
  id: string;
  name: string;
  /** `YYYY-MM-DD` in the org's time zone, both days included. */
  startsOn: string;
  endsOn: string | null;
  valueName: string | null;
  multiplier: number;
  budget: number | null;
  /** Bonus points paid to recipients so far (for a budget, what it has spent). */
  bonusPaid: number;
  endedAt: Date | null;
  status: CampaignStatus;
}

/** Upcoming before its first day, ended after its last or once ended by hand, running in between. */
export function campaignStatus(
  campaign: { startsOn: string; endsOn: string | null; endedAt: Date | null },
  today: string,
  now: Date,
): CampaignStatus {
  if (campaign.endedAt && campaign.endedAt <= now) return "ended";
  if (campaign.endsOn !== null && campaign.endsOn < today) return "ended";
  return campaign.startsOn > today ? "upcoming" : "running";
}

export const campaignDay = (what: string) =>
  text(`Enter the ${what} date.`)
    .regex(/^\d{4}-\d{2}-\d{2}$/, `Enter the ${what} date as YYYY-MM-DD.`)
    .refine(isCalendarDay, `The ${what} date isn't a day on the calendar.`)
    .refine((day) => day >= "2000-01-01" && day <= "2100-12-31", `The ${what} date must fall in 2000-2100.`);

export const campaignName = text("Name the campaign.")
  .trim()
  .min(1, "Name the campaign.")
  .max(80, "Keep the name to 80 characters.");

export const campaignMultiplier = z.union(
  MULTIPLIERS.map((multiplier) => z.literal(multiplier)),
  "Choose a multiplier: x2, x3, x4 or x5.",
);

export const campaignBudget = z
  .number("Enter the budget as a number of points.")
  .int("Points are whole numbers.")
  .positive("A budget is at least 1 point; leave it empty for no limit.")
  .max(1_000_000_000, "That budget is larger than Plaudit can track.");

/** The columns a campaign is read with; `today` and `now` decide its status. */
export async function readCampaigns(
  db: Executor,
  orgId: string,
  where: ReturnType<typeof and> | undefined,
  today: string,
  now: Date,
): Promise<Campaign[]> {
  const rows = await db
    .select({
      id: campaigns.id,
      name: campaigns.name,
      startsOn: campaigns.startsOn,
      endsOn: campaigns.endsOn,
      valueName: companyValues.name,
      multiplier: campaigns.multiplier,
      budget: campaigns.budget,
      // Budgeted campaigns keep the sum up to date; the others are never written, so it is summed here.
      bonusPaid: sql<string>`case when "campaigns"."budget" is not null then "campaigns"."bonus_spent" else (
        select coalesce(sum(rr.amount - r.amount_per_recipient), 0)
        from recognitions r join recognition_recipients rr on rr.org_id = r.org_id and rr.recognition_id = r.id
        where r.org_id = "campaigns"."org_id" and r.campaign_id = "campaigns"."id") end`,
      endedAt: campaigns.endedAt,
    })
    .from(campaigns)
    .leftJoin(
      companyValues,
      and(eq(companyValues.orgId, campaigns.orgId), eq(companyValues.id, campaigns.valueId)),
    )
    .where(and(eq(campaigns.orgId, orgId), where))
    .orderBy(sql`${campaigns.startsOn} desc`, campaigns.createdAt);
  return rows.map((row) => ({
    ...row,
    bonusPaid: Number(row.bonusPaid),
    status: campaignStatus(row, today, now),
  }));
}

export function campaignNotFound(): DomainError {
  return new DomainError("not_found", "That campaign doesn't exist.", { entity: "campaign" });
}
