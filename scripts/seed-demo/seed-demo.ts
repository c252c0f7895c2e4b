import { createOrganization } from "../../core/org/create-organization";
import { getDemoSeedStatus } from "../../core/org/get-demo-seed-status";
import { getOrgSettings } from "../../core/org/get-org-settings";
import { markDemoSeeded } from "../../core/org/mark-demo-seeded";
import type { RewardProviders } from "../../core/rewards/reward-provider";
import type { Actor } from "../../core/shared/actor";
import { type Clock, systemClock } from "../../core/shared/clock";
import { DomainError } from "../../core/shared/errors";
import type { Database } from "../../db/client";
import { rewardProviders } from "../../providers/reward-providers";
import { celebrateHistory } from "./celebrate-history";
import { PAST_OCCASIONS } from "./celebrations";
import { furnishOrg } from "./furnish-org";
import { HISTORY_WEEKDAYS } from "./history-shape";
import { setUpLevels } from "./levels";
import { ACME, ADMIN, STAFF } from "./org-chart";
import { schedulePastCampaign } from "./past-campaign";
import { planGives } from "./plan-gives";
import { redeemHistory, setUpRewards } from "./redeem-history";
import { reactAndComment } from "./social";
import { SPOT_AWARDS } from "./spot-awards";
import { adminActor, emailFor, loadStaff } from "./staff";
import { weekdayTimes } from "./weekdays";
import { deactivateLeavers, giveHistory, paySpotAwards } from "./write-history";

/**
 * The demo organization: Acme, about 40 people in four departments with three months of recognition,
 * a few birthdays and work anniversaries (celebrated, or a few days ahead), a past x2 campaign and the
 * Bronze, Silver and Gold levels reached by whoever's points qualify, all derived from the data beside
 * this file and a fixed PRNG seed, so every run plans the same. It is
 * written only through the core use cases (but for one bot, see ./bot.ts), as the operator and then as
 * the org's first admin; a seed that was interrupted is finished by running it again.
 */

const OPERATOR: Actor = { kind: "operator" };
const DEMO = { slug: ACME.slug, adminEmail: emailFor(ADMIN) };

/** Whether `npm start` should seed: the database has no organization yet, or a demo seed was interrupted. */
export async function needsDemoSeed(db: Database): Promise<boolean> {
  const status = await getDemoSeedStatus(db, OPERATOR, DEMO);
  if (status.kind === "absent") return !status.anyOrganization;
  return status.kind === "demo" && !status.complete;
}

export interface DemoSeedResult {
  orgId: string;
  slug: string;
  /** Sign in as this person to see the demo as an admin. */
  adminEmail: string;
  people: number;
  recognitions: number;
  /** True when the demo was already complete and nothing was written. */
  alreadySeeded: boolean;
}

/**
 * Creates (or finishes creating) the Acme demo org. Refuses, with a conflict, when an org called
 * `acme` exists that is not the demo; does nothing when the demo is already complete.
 */
export async function seedDemo(
  db: Database,
  clock: Clock = systemClock,
  providers: RewardProviders = rewardProviders(),
): Promise<DemoSeedResult> {
  const status = await getDemoSeedStatus(db, OPERATOR, DEMO);
  if (status.kind === "foreign") {
    const message = `An organization with the slug "${ACME.slug}" already exists and is not the demo.`;
    throw new DomainError("conflict", message, { field: "slug" });
  }
  const { orgId, adminId } =
    status.kind === "demo"
      ? status
      : await createOrganization(db, OPERATOR, {
          name: ACME.name,
          slug: ACME.slug,
          timeZone: ACME.timeZone,
          currency: ACME.currency,
          admin: { name: ADMIN, email: DEMO.adminEmail },
        });
  const admin = adminActor(orgId, adminId);
  const settings = await getOrgSettings(db, admin);
  const plan = planGives(settings);
  const summary = {
    orgId,
    slug: ACME.slug,
    adminEmail: DEMO.adminEmail,
    people: STAFF.length + 1,
    recognitions: plan.length + SPOT_AWARDS.length + PAST_OCCASIONS,
  };
  if (status.kind === "demo" && status.complete) return { ...summary, alreadySeeded: true };

  await furnishOrg(db, admin, clock);
  const staff = await loadStaff(db, admin);
  const at = weekdayTimes(clock(), settings.timeZone, HISTORY_WEEKDAYS);
  await schedulePastCampaign(db, admin, at, settings.timeZone);
  await giveHistory(db, staff, plan, at);
  await paySpotAwards(db, admin, staff, at);
  await setUpRewards(db, admin, providers, clock);
  await redeemHistory(db, admin, staff, at, providers);
  await deactivateLeavers(db, admin, staff, at);
  await celebrateHistory(db, admin, staff, settings.timeZone, clock);
  await reactAndComment(db, admin, staff, clock);
  await setUpLevels(db, admin, clock);
  await markDemoSeeded(db, OPERATOR, { orgId, people: summary.people, recognitions: summary.recognitions });
  return { ...summary, alreadySeeded: false };
}
