import { and, desc, eq } from "drizzle-orm";
import { grantPoints } from "../../core/giving/grant-points";
import { updatePerson } from "../../core/people/update-person";
import { createCustomReward } from "../../core/rewards/create-custom-reward";
import { requestRedemption } from "../../core/rewards/request-redemption";
import { syncRewardCatalog } from "../../core/rewards/sync-reward-catalog";
import { updateRewardSettings } from "../../core/rewards/update-reward-settings";
import type { Clock } from "../../core/shared/clock";
import type { Database } from "../../db/client";
import { notifications } from "../../db/schema";
import { key, type TestPerson } from "./factories";
import type { OrgChart } from "./org-chart";
import { type RewardsFixture, redemptionRow, STARBUCKS_5 } from "./rewards-fixture";

/** What a reward use case's input names, once a state is prepared (a type: refs are a string record). */
export type RewardRefs = {
  redemptionId: string;
  customRewardId: string;
  providerOrderId: string;
  notificationId: string;
};

export type PrepareRewards = (
  db: Database,
  chart: OrgChart,
  person: TestPerson,
) => Promise<Partial<RewardRefs>>;

/**
 * Puts an org chart's person into each state a reward use case acts on, through the use cases: the
 * org's redemptions switched on with the sandbox, points earned, a redemption in the state wanted.
 */
export function rewardStates(fixture: RewardsFixture, clock: Clock) {
  const deps = () => fixture.deps({ clock });

  async function switchOn(
    db: Database,
    chart: OrgChart,
    options: { sync?: boolean; threshold?: number } = {},
  ) {
    await updateRewardSettings(
      db,
      chart.admin.actor,
      { redemptionsEnabled: true, provider: "sandbox", approvalThreshold: options.threshold ?? null },
      clock,
    );
    if (options.sync !== false) await syncRewardCatalog(db, chart.admin.actor, deps());
  }

  async function earn(db: Database, chart: OrgChart, person: TestPerson) {
    const award = { recipientIds: [person.id], amount: 200, message: "Spot award", idempotencyKey: key() };
    await grantPoints(db, chart.admin.actor, award, clock);
  }

  async function redeemed(
    db: Database,
    person: TestPerson,
    choice: { customRewardId: string } | typeof STARBUCKS_5,
  ) {
    const input = { ...choice, idempotencyKey: key() };
    const { redemption } = await requestRedemption(db, person.actor, input, deps());
    const { providerOrderId } = await redemptionRow(db, redemption.id);
    return { redemptionId: redemption.id, ...(providerOrderId ? { providerOrderId } : {}) };
  }

  const customReward: PrepareRewards = async (db, chart) => {
    await switchOn(db, chart, { sync: false });
    const reward = await createCustomReward(db, chart.admin.actor, {
      name: `Reward ${chart.org.slug}`,
      pointsPrice: 30,
    });
    return { customRewardId: reward.id };
  };

  const fulfilledCard: PrepareRewards = async (db, chart, person) => {
    await switchOn(db, chart);
    await earn(db, chart, person);
    return redeemed(db, person, STARBUCKS_5);
  };

  return {
    /** Switched on with the sandbox, the catalog not yet synced. */
    unsynced: async (db, chart) => {
      await switchOn(db, chart, { sync: false });
      return {};
    },
    synced: async (db, chart) => {
      await switchOn(db, chart);
      return {};
    },
    /** Switched on and synced, with points for the person to redeem. */
    earner: async (db, chart, person) => {
      await switchOn(db, chart);
      await earn(db, chart, person);
      return {};
    },
    customReward,
    fulfilledCard,
    awaitingApproval: async (db, chart, person) => {
      await switchOn(db, chart, { threshold: 10 });
      await earn(db, chart, person);
      return redeemed(db, person, STARBUCKS_5);
    },
    awaitingFulfilment: async (db, chart, person) => {
      const { customRewardId = "" } = await customReward(db, chart, person);
      await earn(db, chart, person);
      return { customRewardId, ...(await redeemed(db, person, { customRewardId })) };
    },
    /** Ordered, but the funding source couldn't pay: submitted, waiting for the next attempt. */
    awaitingFunds: async (db, chart, person) => {
      await switchOn(db, chart);
      await earn(db, chart, person);
      fixture.sandbox.injectFault({ fault: "insufficient_funds" });
      return redeemed(db, person, STARBUCKS_5);
    },
    /** Fulfilled, its email delivery bounced. */
    deliveryFailed: async (db, chart, person) => {
      await updatePerson(
        db,
        chart.admin.actor,
        { personId: person.id, email: `${key()}@bounce.example` },
        clock,
      );
      return fulfilledCard(db, chart, person);
    },
    /** A fulfilled card whose notice to its owner waits to be sent. */
    queuedNotice: async (db, chart, person) => {
      await fulfilledCard(db, chart, person);
      const [notice] = await db
        .select({ id: notifications.id })
        .from(notifications)
        .where(and(eq(notifications.orgId, chart.org.id), eq(notifications.personId, person.id)))
        .orderBy(desc(notifications.id))
        .limit(1);
      return { notificationId: String(notice?.id) };
    },
  } satisfies Record<string, PrepareRewards>;
}
