import { eq } from "drizzle-orm";
import type { CustomRewardRow } from "../../core/rewards/catalog";
import { createCustomReward } from "../../core/rewards/create-custom-reward";
import { failRedemption } from "../../core/rewards/fail-redemption";
import { fulfilRedemption } from "../../core/rewards/fulfil-redemption";
import type { RedemptionView } from "../../core/rewards/redemption-view";
import { requestRedemption } from "../../core/rewards/request-redemption";
import type { RewardProviders } from "../../core/rewards/reward-provider";
import { updateRewardSettings } from "../../core/rewards/update-reward-settings";
import type { Database, Executor } from "../../db/client";
import { redemptions } from "../../db/schema";
import { defined } from "./assertions";
import { key, type TestPerson } from "./factories";

/**
 * Points held, settled and released the way the product does it: a person redeems one of the org's
 * custom rewards (its points are held, the redemption awaits fulfilment) and an admin hands it over
 * (settle) or fails it (release). The ledger's checks expect every hold to belong to a redemption.
 */

/**
 * An admin hands a custom reward over; no provider order is ever placed for one. A call here means a
 * test took the provider path it did not mean to, so it fails loudly rather than ordering anything.
 */
const noProvider: RewardProviders = () => {
  throw new Error("a custom reward never reaches a reward provider");
};

export interface RewardOptions {
  name?: string;
  /** How many there are; unlimited when left out. */
  stock?: number | null;
  requiresApproval?: boolean;
}

export interface RewardShop {
  /** A custom reward of the org at `pointsPrice` points. */
  addReward: (pointsPrice: number, options?: RewardOptions) => Promise<CustomRewardRow>;
  /**
   * `person` redeems `reward`, or a reward added on the spot at that many points: its points are held
   * and the redemption awaits fulfilment (or approval, for a reward that requires it).
   */
  redeem: (person: TestPerson, reward: CustomRewardRow | number) => Promise<RedemptionView>;
  /** The admin hands it over: the hold is settled into redeemed. */
  fulfil: (redemption: { id: string }) => Promise<RedemptionView>;
  /** The admin fails it: the hold is released to the person, or forfeited for a leaver. */
  fail: (redemption: { id: string }, reason?: string) => Promise<RedemptionView>;
}

/** Switches redemptions on for the org, as its admin, and returns what its tests redeem with. */
export async function openRewardShop(db: Database, org: { admin: TestPerson }): Promise<RewardShop> {
  const admin = org.admin.actor;
  await updateRewardSettings(db, admin, { redemptionsEnabled: true });
  let rewards = 0;
  const addReward = (pointsPrice: number, options: RewardOptions = {}) => {
    rewards += 1;
    return createCustomReward(db, admin, { name: `Reward ${rewards}`, pointsPrice, ...options });
  };
  return {
    addReward,
    redeem: async (person, reward) => {
      const { id } = typeof reward === "number" ? await addReward(reward) : reward;
      const { redemption } = await requestRedemption(
        db,
        person.actor,
        { customRewardId: id, idempotencyKey: key() },
        { providers: noProvider },
        // The ledger's holds, stock and races are under test here, at rates no person could reach past
        // the per-person redemption limit; that limit has its own tests.
        null,
      );
      return redemption;
    },
    fulfil: ({ id }) => fulfilRedemption(db, admin, { redemptionId: id }),
    fail: ({ id }, reason = "We could not hand it over.") =>
      failRedemption(db, admin, { redemptionId: id, reason }),
  };
}

/** The ledger transaction that holds a redemption's points, for tests of the ledger beneath it. */
export async function holdTransactionOf(db: Executor, redemption: { id: string }): Promise<number> {
  const [row] = await db
    .select({ holdTransactionId: redemptions.holdTransactionId })
    .from(redemptions)
    .where(eq(redemptions.id, redemption.id));
  return defined(row, `redemption ${redemption.id}`).holdTransactionId;
}
