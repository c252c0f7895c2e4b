import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Database, Transaction } from "../../db/client";
import { campaigns, companyValues } from "../../db/schema";
import { recordAudit } from "../org/audit";
import { loadOrgContext } from "../org/org-context";
import type { Actor } from "../shared/actor";
import { type Clock, systemClock } from "../shared/clock";
import { DomainError } from "../shared/errors";
import { localDay } from "../shared/periods";
import { actorOrgId, authorize } from "../shared/permissions";
import { parseInput, text } from "../shared/validation";
import { normaliseValueName } from "../values/value-names";
import {
  type Campaign,
  campaignBudget,
  campaignDay,
  campaignMultiplier,
  campaignName,
  campaignStatus,
} from "./campaign-rules";

const createCampaignInput = z
  .object({
    name: campaignName,
    startsOn: campaignDay("start"),
    /** Empty: the campaign runs until an admin ends it. */
    endsOn: campaignDay("end").nullish(),
    /** Only gives tagged with this company value earn the bonus; empty: every give. */
    valueName: text().max(60).nullish(),
    multiplier: campaignMultiplier,
    budget: campaignBudget.nullish(),
  })
  .refine((input) => !input.endsOn || input.endsOn >= input.startsOn, {
    message: "The end date can't be before the start date.",
    path: ["endsOn"],
  });

export type CreateCampaignInput = z.input<typeof createCampaignInput>;

/**
 * An admin starts a double-points campaign (or schedules one). Gives on its days, in the org's time
 * zone, credit recipients amount x multiplier; the giver's allowance pays the base and the company the
 * bonus, up to the budget when there is one (see the campaign_bonus migration).
 */
export async function createCampaign(
  db: Database,
  actor: Actor,
  input: CreateCampaignInput,
  clock: Clock = systemClock,
): Promise<Campaign> {
  authorize(actor, "manage_campaigns");
  const orgId = actorOrgId(actor);
  const request = parseInput(createCampaignInput, input);
  const now = clock();
  return db.transaction(async (tx) => {
    const org = await loadOrgContext(tx, orgId);
    const today = localDay(now, org.timeZone);
    if (request.startsOn < today) {
      throw new DomainError("invalid", `Start today (${today}) or later: past gives keep what they earned.`, {
        field: "startsOn",
      });
    }
    const valueId = request.valueName
      ? await activeValueId(tx, orgId, request.valueName, org.valuesMode)
      : null;
    const [created] = await tx
      .insert(campaigns)
      .values({
        orgId,
        name: request.name,
        startsOn: request.startsOn,
        endsOn: request.endsOn ?? null,
        valueId,
        multiplier: request.multiplier,
        budget: request.budget ?? null,
        createdBy: actor.kind === "person" ? actor.personId : null,
      })
      .returning({ id: campaigns.id });
    if (!created) throw new Error("campaign insert returned nothing");
    const campaign = {
      id: created.id,
      name: request.name,
      startsOn: request.startsOn,
      endsOn: request.endsOn ?? null,
      valueName: request.valueName ? normaliseValueName(request.valueName) : null,
      multiplier: request.multiplier,
      budget: request.budget ?? null,
      bonusPaid: 0,
      endedAt: null,
    };
    await recordAudit(tx, actor, {
      orgId,
      action: "campaign.create",
      targetType: "campaign",
      targetId: created.id,
      after: campaign,
    });
    return { ...campaign, status: campaignStatus(campaign, today, now) };
  });
}

async function activeValueId(
  tx: Transaction,
  orgId: string,
  name: string,
  valuesMode: "off" | "optional" | "required",
): Promise<string> {
  if (valuesMode === "off") {
    throw new DomainError("invalid", "Company values are turned off, so a campaign can't be for one.", {
      field: "valueName",
    });
  }
  const [value] = await tx
    .select({ id: companyValues.id })
    .from(companyValues)
    .where(
      and(
        eq(companyValues.orgId, orgId),
        eq(companyValues.name, normaliseValueName(name)),
        isNull(companyValues.retiredAt),
      ),
    );
  if (!value) {
    throw new DomainError("invalid", `#${normaliseValueName(name)} isn't one of the company's values.`, {
      field: "valueName",
    });
  }
  return value.id;
}
