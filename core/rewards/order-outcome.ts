import type { Executor } from "../../db/client";
import { queueNotifications } from "../notifications/outbox";
import { sealSecret } from "../shared/secret-box";
import {
  type RedemptionPatch,
  redemptionNotice,
  releaseRedemption,
  settleRedemption,
  updateRedemption,
} from "./redemption-transitions";
import type { RedemptionRow } from "./redemption-view";
import type { ProviderError, ProviderOrder, ProviderReward } from "./reward-provider";

/** What an attempt to place or find a provider order came to. */
export type OrderOutcome =
  | { kind: "order"; order: ProviderOrder; link: string | null }
  | { kind: "error"; error: ProviderError };

/** After the nth failed attempt, wait this long before the next (the last figure repeats). */
const BACKOFF_MS = [5_000, 15_000, 60_000, 5 * 60_000, 15 * 60_000, 60 * 60_000];
/** An order the provider holds for approval or settlement is asked about again after this. */
const PENDING_POLL_MS = 10 * 60_000;
const FUNDING_RETRY_MS = 15 * 60_000;
/**
 * A delivery still under way is read back after this, in case its webhook never comes (a deployment
 * without webhooks set up); after DELIVERY_WATCH_MS from fulfilment the webhook alone can wake it.
 */
const DELIVERY_CHECK_MS = 30 * 60_000;
const DELIVERY_WATCH_MS = 2 * 24 * 60 * 60_000;
const CONNECTION_RETRY_MS = 60 * 60_000;

function backoff(attempts: number): number {
  return BACKOFF_MS[Math.min(attempts, BACKOFF_MS.length) - 1] ?? 5_000;
}

function orderFacts(order: ProviderOrder, link: string | null): RedemptionPatch {
  return {
    providerOrderId: order.id,
    providerRewardId: order.reward?.id ?? null,
    providerStatus: order.providerStatus,
    deliveryStatus: order.reward?.deliveryStatus ?? null,
    chargedMinor: order.chargedMinor,
    feesMinor: order.feesMinor,
    chargedCurrency: order.currency,
    ...(link ? { giftLinkEncrypted: sealSecret(link) } : {}),
  };
}

/**
 * Applies an attempt's outcome to a submitted redemption, locked by the caller: settle when the order
 * executed, release when it never will, park it for a person on a conflict, and otherwise keep the
 * points held and say when to try again (with the same external id, asking for the order first).
 */
export async function applyOrderOutcome(
  tx: Executor,
  row: RedemptionRow,
  outcome: OrderOutcome,
  at: Date,
): Promise<RedemptionRow> {
  const attempts = row.attempts + 1;
  const later = (ms: number) => new Date(at.getTime() + ms);
  if (outcome.kind === "order") {
    const { order } = outcome;
    const facts = { ...orderFacts(order, outcome.link), attempts };
    if (order.status === "executed") {
      const delivery = order.reward?.deliveryStatus;
      const settled = await settleRedemption(
        tx,
        row,
        { ...facts, nextAttemptAt: deliveryUnderWay(delivery) ? later(DELIVERY_CHECK_MS) : null },
        at,
      );
      return delivery === "failed" ? deliveryFailed(tx, settled, at) : settled;
    }
    if (order.status === "pending") {
      return updateRedemption(
        tx,
        row,
        { ...facts, lastError: null, nextAttemptAt: later(PENDING_POLL_MS) },
        at,
      );
    }
    const reason = `The provider did not complete the order (${order.providerStatus}). Your points are back.`;
    return releaseRedemption(tx, row, { status: "failed", reason }, at, facts);
  }

  const { error } = outcome;
  switch (error.kind) {
    case "invalid":
      return releaseRedemption(
        tx,
        row,
        {
          status: "failed",
          reason: `The provider refused the order: ${error.message} Your points are back.`,
        },
        at,
        { attempts, lastError: error.message },
      );
    case "conflict":
      return updateRedemption(
        tx,
        row,
        {
          status: "needs_attention",
          attempts,
          lastError: error.message,
          nextAttemptAt: null,
          attentionReason:
            "The provider has a different order under this redemption's id. Look it up there, then mark this redemption fulfilled or failed.",
        },
        at,
      );
    case "insufficient_funds":
      return updateRedemption(
        tx,
        row,
        {
          attempts,
          lastError: error.message,
          nextAttemptAt: later(FUNDING_RETRY_MS),
          attentionReason:
            "The funding source can't pay for this order. Top it up (or choose another); the order is tried again every 15 minutes.",
        },
        at,
      );
    case "unauthorized":
      return updateRedemption(
        tx,
        row,
        {
          attempts,
          lastError: error.message,
          nextAttemptAt: later(CONNECTION_RETRY_MS),
          attentionReason:
            "The provider refused Plaudit's connection. Check the API key under Admin > Rewards; the order is tried again every hour.",
        },
        at,
      );
    case "rate_limited":
      return updateRedemption(
        tx,
        row,
        { attempts, lastError: error.message, nextAttemptAt: later(error.retryAfterMs ?? backoff(attempts)) },
        at,
      );
    default:
      return updateRedemption(
        tx,
        row,
        { attempts, lastError: error.message, nextAttemptAt: later(backoff(attempts)) },
        at,
      );
  }
}

/** A fulfilled reward's delivery as the provider now reports it. */
export async function applyDelivery(
  tx: Executor,
  row: RedemptionRow,
  reward: ProviderReward,
  at: Date,
): Promise<RedemptionRow> {
  if (reward.deliveryStatus === "failed") {
    if (row.deliveryStatus === "failed") return updateRedemption(tx, row, { nextAttemptAt: null }, at);
    return deliveryFailed(tx, await updateRedemption(tx, row, { deliveryStatus: "failed" }, at), at);
  }
  const cleared = reward.deliveryStatus === "succeeded" ? { attentionReason: null } : {};
  const watchEnds = (row.fulfilledAt ?? at).getTime() + DELIVERY_WATCH_MS;
  const nextAttemptAt =
    deliveryUnderWay(reward.deliveryStatus) && at.getTime() < watchEnds
      ? new Date(at.getTime() + DELIVERY_CHECK_MS)
      : null;
  return updateRedemption(tx, row, { deliveryStatus: reward.deliveryStatus, nextAttemptAt, ...cleared }, at);
}

function deliveryUnderWay(status: ProviderReward["deliveryStatus"] | undefined): boolean {
  return status === "scheduled" || status === "pending";
}

async function deliveryFailed(tx: Executor, row: RedemptionRow, at: Date): Promise<RedemptionRow> {
  const updated = await updateRedemption(
    tx,
    row,
    {
      nextAttemptAt: null,
      attentionReason: `Delivery to ${row.recipientEmail ?? "the recipient"} failed. Resend it to a corrected email, or cancel it to give the points back.`,
    },
    at,
  );
  await queueNotifications(tx, [redemptionNotice(updated, "redemption.delivery_failed")]);
  return updated;
}
