import { randomBytes } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { z } from "zod";
import type { CatalogProduct } from "./catalog";
import { ApiRefusal, parseOrRefuse, payloadAt } from "./http-io";
import { readOrderRequest } from "./order-request";
import { newId, type SandboxOrder, type SandboxStore } from "./sandbox-store";
import { orderJson, rewardJson } from "./tremendous-json";
import type { WebhookSender } from "./webhook-sender";

/** Every email to this domain bounces: delivery FAILED, then a resend to a corrected address succeeds. */
export const BOUNCE_DOMAIN = "bounce.example";

/**
 * Sandbox exchange rates into the USD balance, in basis points of a dollar per unit. Every catalog
 * currency has two decimals like USD, so minor units convert at the same rate as whole units.
 */
const USD_BASIS_POINTS: Record<CatalogProduct["currency"], bigint> = {
  USD: 10_000n,
  EUR: 10_800n,
  GBP: 12_700n,
};

function chargeInUsd(minor: number, currency: CatalogProduct["currency"]): number {
  // Half up, in integers: a float product would drift on large amounts.
  return Number((BigInt(minor) * USD_BASIS_POINTS[currency] + 5_000n) / 10_000n);
}

export interface SandboxOrdersOptions {
  store: SandboxStore;
  webhooks: WebhookSender;
  /** The server's own address, for the redemption links it hands out. */
  origin: string;
  /** How long an email takes to be delivered; 0 settles it before the order is answered. */
  emailDeliveryMs: number;
  /** Aborted when the server stops, so no delivery timer outlives it. */
  signal: AbortSignal;
}

const resendBody = z.object({ updated_email: z.email().optional(), updated_phone: z.string().optional() });

/** What the API's order and reward endpoints do to the sandbox's state, each answer in Tremendous's shape. */
export function sandboxOrders({ store, webhooks, origin, emailDeliveryMs, signal }: SandboxOrdersOptions) {
  function deliverEmail(order: SandboxOrder): void {
    const { reward } = order;
    const bounced = reward.recipient.email.toLowerCase().endsWith(`@${BOUNCE_DOMAIN}`);
    reward.deliveryStatus = bounced ? "FAILED" : "SUCCEEDED";
    store.save();
    webhooks.send(
      bounced ? "REWARDS.DELIVERY.FAILED" : "REWARDS.DELIVERY.SUCCEEDED",
      { id: reward.id, type: "rewards" },
      bounced ? { failure_reason: "The recipient's mail server refused the message.", retryable: true } : {},
    );
  }

  /** Sends the email now (before the answer) or after the configured delay. */
  function startEmailDelivery(order: SandboxOrder): void {
    order.reward.deliveryStatus = "PENDING";
    if (emailDeliveryMs === 0) {
      deliverEmail(order);
      return;
    }
    sleep(emailDeliveryMs, undefined, { signal }).then(
      () => deliverEmail(order),
      () => undefined,
    );
  }

  function issueLink(rewardId: string): string {
    const token = randomBytes(18).toString("base64url");
    store.state.links[token] = rewardId;
    store.save();
    return `${origin}/redeem/${token}`;
  }

  function orderOfReward(rewardId: string): SandboxOrder {
    const order = store.findByReward(rewardId);
    if (!order) throw new ApiRefusal(404, `No reward with id ${rewardId}.`);
    return order;
  }

  /** Cancel and resend apply only to a reward whose delivery failed, as in Tremendous. */
  function failedDelivery(rewardId: string, action: string): SandboxOrder {
    const order = orderOfReward(rewardId);
    if (order.status === "CANCELED") throw new ApiRefusal(422, "The reward was canceled.");
    if (order.reward.deliveryStatus !== "FAILED") {
      throw new ApiRefusal(422, `Only a reward whose delivery failed can be ${action}.`);
    }
    return order;
  }

  // Deliveries a restart interrupted carry on.
  for (const order of store.state.orders) {
    if (order.reward.deliveryStatus === "PENDING") startEmailDelivery(order);
  }

  return {
    create(body: unknown): { status: 200 | 201; body: unknown } {
      const request = readOrderRequest(body);
      const existing = request.externalId
        ? store.state.orders.find((order) => order.externalId === request.externalId)
        : undefined;
      if (existing) {
        if (existing.fingerprint !== request.fingerprint) {
          const message = `An order with external_id ${request.externalId} exists with other parameters.`;
          throw new ApiRefusal(409, message, payloadAt(["external_id"], message));
        }
        return { status: 201, body: { order: orderJson(existing) } };
      }
      const chargedMinor = chargeInUsd(request.denominationMinor, request.product.currency);
      if (chargedMinor > store.state.balanceMinor) {
        throw new ApiRefusal(402, "The balance funding source does not cover this order.");
      }
      const createdAt = new Date().toISOString();
      const order: SandboxOrder = {
        id: newId(),
        externalId: request.externalId,
        createdAt,
        status: "EXECUTED",
        fingerprint: request.fingerprint,
        chargedMinor,
        refundedMinor: null,
        reward: {
          id: newId(),
          productId: request.product.id,
          denominationMinor: request.denominationMinor,
          currency: request.product.currency,
          recipient: request.recipient,
          deliveryMethod: request.deliveryMethod,
          // A link is delivered the moment it is handed back; an email is sent below.
          deliveryStatus: request.deliveryMethod === "LINK" ? "SUCCEEDED" : "PENDING",
          createdAt,
        },
      };
      store.state.balanceMinor -= chargedMinor;
      store.state.orders.push(order);
      store.save();
      webhooks.send("ORDERS.CREATED", { id: order.id, type: "orders" });
      if (request.deliveryMethod === "EMAIL") startEmailDelivery(order);
      const link = request.deliveryMethod === "LINK" ? issueLink(order.reward.id) : undefined;
      return { status: 200, body: { order: orderJson(order, link) } };
    },

    get(idOrExternalId: string) {
      const order = store.findOrder(idOrExternalId);
      if (!order) throw new ApiRefusal(404, `No order with id or external_id ${idOrExternalId}.`);
      return { order: orderJson(order) };
    },

    /** Newest first, as Tremendous lists them; limit 10 by default, 500 at most. */
    list(query: URLSearchParams) {
      const externalId = query.get("external_id");
      const matching = store.state.orders
        .filter((order) => !externalId || order.externalId === externalId)
        .reverse();
      const offset = Math.max(0, Number(query.get("offset")) || 0);
      const limit = Math.min(500, Math.max(1, Number(query.get("limit")) || 10));
      return {
        orders: matching.slice(offset, offset + limit).map((order) => orderJson(order)),
        total_count: matching.length,
      };
    },

    reward(rewardId: string) {
      const order = orderOfReward(rewardId);
      return { reward: rewardJson(order.reward, order.id) };
    },

    generateLink(rewardId: string) {
      const order = orderOfReward(rewardId);
      if (order.status === "CANCELED") throw new ApiRefusal(422, "The reward was canceled.");
      return { reward: { id: rewardId, link: issueLink(rewardId) } };
    },

    cancel(rewardId: string) {
      const order = failedDelivery(rewardId, "canceled");
      order.status = "CANCELED";
      order.refundedMinor = order.chargedMinor;
      store.state.balanceMinor += order.chargedMinor;
      store.save();
      webhooks.send("REWARDS.CANCELED", { id: rewardId, type: "rewards" });
      return { order: orderJson(order) };
    },

    resend(rewardId: string, body: unknown) {
      const order = failedDelivery(rewardId, "resent");
      const { updated_email } = parseOrRefuse(resendBody, body);
      if (updated_email) order.reward.recipient.email = updated_email;
      startEmailDelivery(order);
      store.save();
      return {};
    },
  };
}

export type SandboxOrders = ReturnType<typeof sandboxOrders>;
