import type { Database, Executor } from "../../db/client";
import { type Clock, systemClock } from "../shared/clock";
import { failureMessage, isDomainError } from "../shared/errors";
import { applyDelivery, applyOrderOutcome, type OrderOutcome } from "./order-outcome";
import { findRedemption, lockRedemption, updateRedemption } from "./redemption-transitions";
import type { RedemptionRow } from "./redemption-view";
import { isProviderError, ProviderError, type RewardProvider, type RewardProviders } from "./reward-provider";
import { fundingSourceOf, loadRewardSettings, providerConnection } from "./reward-settings";

export interface RewardDeps {
  providers: RewardProviders;
  clock?: Clock;
}

/** How long one attempt may take before background work may start another on the same redemption. */
export const ATTEMPT_LEASE_MS = 60_000;

/** The org's provider, as its settings connect to it. */
export async function orgProvider(db: Executor, deps: RewardDeps, orgId: string): Promise<RewardProvider> {
  return deps.providers(providerConnection(await loadRewardSettings(db, orgId)));
}

/**
 * Sorts whatever an attempt threw: a connection the org has not finished setting up waits for an admin
 * like a refused key; anything else unsorted (a network fault inside an adapter) is retried later.
 */
function asProviderError(error: unknown): ProviderError {
  if (isProviderError(error)) return error;
  if (isDomainError(error, "provider_unavailable")) return new ProviderError("unauthorized", error.message);
  const message = failureMessage(error);
  return new ProviderError("transient", message);
}

async function attemptOrder(provider: RewardProvider, row: RedemptionRow, fundingSourceId: string) {
  const known = row.attempts > 0 ? await provider.findOrder(row.id) : null;
  const order =
    known ??
    (await provider.placeOrder({
      externalId: row.id,
      productId: row.productId ?? "",
      faceValueMinor: row.faceValueMinor,
      currency: row.currency,
      recipient: { name: row.personName, email: row.recipientEmail ?? row.personEmail },
      delivery: row.deliveryMethod ?? "email",
      fundingSourceId,
    }));
  // A link comes only with the order that created the reward; an order found again needs a new one.
  const link =
    order.status === "executed" && row.deliveryMethod === "link" && order.reward
      ? (order.reward.link ?? (await provider.generateLink(order.reward.id).catch(() => null)))
      : null;
  return { kind: "order", order, link } satisfies OrderOutcome;
}

/**
 * Takes a redemption one step further with its provider, outside any transaction (a provider call can
 * take seconds), then records what happened in one: a submitted one gets its order placed or found,
 * a fulfilled one whose delivery was reported on gets its delivery status read back. The redemption's
 * id is the provider's idempotency key, so two of these racing make one order, and the locked status
 * check makes one settle.
 */
export async function pushRedemption(
  db: Database,
  deps: RewardDeps,
  orgId: string,
  redemptionId: string,
): Promise<RedemptionRow> {
  const clock = deps.clock ?? systemClock;
  const row = await findRedemption(db, orgId, redemptionId);
  if (row.kind === "custom") return row;
  const settings = await loadRewardSettings(db, orgId);

  if (row.status === "submitted") {
    const outcome: OrderOutcome = await Promise.resolve()
      .then(() => attemptOrder(deps.providers(providerConnection(settings)), row, fundingSourceOf(settings)))
      .catch((error: unknown) => ({ kind: "error", error: asProviderError(error) }) as const);
    return db.transaction(async (tx) => {
      const locked = await lockRedemption(tx, orgId, redemptionId);
      if (locked.status !== "submitted") return locked;
      return applyOrderOutcome(tx, locked, outcome, clock());
    });
  }

  const rewardId = row.providerRewardId;
  if (row.status === "fulfilled" && rewardId && row.nextAttemptAt) {
    const reward = await deps.providers(providerConnection(settings)).getReward(rewardId);
    return db.transaction(async (tx) => {
      const locked = await lockRedemption(tx, orgId, redemptionId);
      if (locked.status !== "fulfilled") return locked;
      return applyDelivery(tx, locked, reward, clock());
    });
  }
  if (!row.nextAttemptAt) return row;
  // Nothing left to ask the provider: no longer due.
  return db.transaction(async (tx) => {
    const locked = await lockRedemption(tx, orgId, redemptionId);
    if (locked.status === "submitted" || !locked.nextAttemptAt) return locked;
    return updateRedemption(tx, locked, { nextAttemptAt: null }, clock());
  });
}
