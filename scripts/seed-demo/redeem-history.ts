import { updatePerson } from "../../core/people/update-person";
import { createCustomReward } from "../../core/rewards/create-custom-reward";
import { declineRedemption } from "../../core/rewards/decline-redemption";
import { fulfilRedemption } from "../../core/rewards/fulfil-redemption";
import { listCustomRewards } from "../../core/rewards/list-custom-rewards";
import { listRedemptions } from "../../core/rewards/list-redemptions";
import { requestRedemption } from "../../core/rewards/request-redemption";
import type { RewardProviders } from "../../core/rewards/reward-provider";
import { syncRewardCatalog } from "../../core/rewards/sync-reward-catalog";
import { updateRewardSettings } from "../../core/rewards/update-reward-settings";
import type { Clock } from "../../core/shared/clock";
import type { Database } from "../../db/client";
import { STAFF } from "./org-chart";
import {
  BOUNCE_DOMAIN,
  CLOSED_FUNDING_SOURCE,
  CUSTOM_REWARDS,
  type PlannedRedemption,
  REDEMPTION_MINUTE,
  REDEMPTIONS,
  REWARD_SETTINGS,
} from "./rewards";
import { emailFor, type PersonActor, type Staff } from "./staff";
import type { HistoryTime } from "./weekdays";

/**
 * Switches redemptions on with the built-in sandbox, copies its catalog and adds Acme's own rewards;
 * done once the custom rewards exist, so a resumed seed does not repeat it.
 */
export async function setUpRewards(
  db: Database,
  admin: PersonActor,
  providers: RewardProviders,
  clock: Clock,
): Promise<void> {
  if ((await listCustomRewards(db, admin)).length > 0) return;
  await updateRewardSettings(db, admin, { ...REWARD_SETTINGS, deliveryMethod: "email" }, clock);
  await syncRewardCatalog(db, admin, { providers, clock });
  for (const reward of CUSTOM_REWARDS) await createCustomReward(db, admin, reward, clock);
}

/**
 * Three months of redemptions, each through the use cases an employee and an admin would use, back-dated
 * by their clocks and keyed by their place in the plan, so that a resumed seed replays what exists.
 * The settings a redemption depends on (link delivery, a closed funding source, a mistyped email) are
 * set before it and put back after, as an admin would have.
 */
export async function redeemHistory(
  db: Database,
  admin: PersonActor,
  staff: Staff,
  at: HistoryTime,
  providers: RewardProviders,
): Promise<void> {
  const customIds = new Map((await listCustomRewards(db, admin)).map((reward) => [reward.name, reward.id]));
  // Each redemption is one transaction, made in the plan's order: those that exist are the plan's first.
  const made = await countRedemptions(db, admin);
  for (const [n, planned] of REDEMPTIONS.entries()) {
    const clock = () => at(planned.daysAgo, REDEMPTION_MINUTE);
    const person = actorOf(staff, planned.person);
    const reward =
      "custom" in planned.reward
        ? { customRewardId: customIds.get(planned.reward.custom) ?? "" }
        : planned.reward;
    if (n >= made) await arrange(db, admin, staff, planned, "before", clock);
    const { redemption } = await requestRedemption(
      db,
      person,
      { ...reward, shareInFeed: planned.shareInFeed ?? false, idempotencyKey: `seed:redeem:${n}` },
      { providers, clock },
      // History written at once: a year of one person's redemptions is not a burst to limit.
      null,
    );
    await arrange(db, admin, staff, planned, "after", clock);
    const decided = () => at(Math.max(planned.daysAgo - 1, 0), REDEMPTION_MINUTE);
    if (
      planned.afterwards &&
      "fulfil" in planned.afterwards &&
      redemption.status === "awaiting_fulfillment"
    ) {
      await fulfilRedemption(
        db,
        admin,
        { redemptionId: redemption.id, note: planned.afterwards.fulfil },
        { clock: decided },
      );
    }
    if (planned.afterwards && "decline" in planned.afterwards && redemption.status === "awaiting_approval") {
      await declineRedemption(
        db,
        admin,
        { redemptionId: redemption.id, reason: planned.afterwards.decline },
        { clock: decided },
      );
    }
  }
  await updateRewardSettings(db, admin, { deliveryMethod: REWARD_SETTINGS.deliveryMethod });
}

async function countRedemptions(db: Database, admin: PersonActor): Promise<number> {
  let count = 0;
  let cursor: string | undefined;
  do {
    const page = await listRedemptions(db, admin, { everyone: true, limit: 100, cursor });
    count += page.items.length;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return count;
}

function actorOf(staff: Staff, name: string): PersonActor {
  const index = STAFF.findIndex((member) => member.name === name);
  if (index < 0) throw new Error(`${name} is not in the demo's org chart`);
  return staff.actorAt(index);
}

/** The state a planned redemption needs while it is made, and the state after it. */
async function arrange(
  db: Database,
  admin: PersonActor,
  staff: Staff,
  planned: PlannedRedemption,
  moment: "before" | "after",
  clock: Clock,
): Promise<void> {
  const before = moment === "before";
  if (planned.delivery || planned.closedFundingSource) {
    await updateRewardSettings(
      db,
      admin,
      {
        deliveryMethod: before
          ? (planned.delivery ?? REWARD_SETTINGS.deliveryMethod)
          : REWARD_SETTINGS.deliveryMethod,
        ...(planned.closedFundingSource ? { fundingSourceId: before ? CLOSED_FUNDING_SOURCE : null } : {}),
      },
      clock,
    );
  }
  if (planned.bouncingEmail) {
    const email = emailFor(planned.person);
    const typo = email.replace(/@.*$/, `@${BOUNCE_DOMAIN}`);
    await updatePerson(
      db,
      admin,
      { personId: staff.idOf(planned.person), email: before ? typo : email },
      clock,
    );
  }
}
