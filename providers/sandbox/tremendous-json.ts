import { amountFromMinor } from "../decimal-amounts";
import type { CatalogProduct } from "./catalog";
import type { SandboxOrder, SandboxReward } from "./sandbox-store";

/** The sandbox's records in the shapes Tremendous's API v2 answers with (see the SDK's models). */

/** The balance funding source is kept in US dollars; other currencies are charged at sandbox rates. */
const FUNDING_CURRENCY = "USD";

export function productJson(product: CatalogProduct, origin: string) {
  const image = (type: "card" | "logo") => ({
    src: `${origin}/images/${product.id}${type === "logo" ? "-logo" : ""}.svg`,
    type,
    content_type: "image/svg+xml",
  });
  return {
    id: product.id,
    name: product.name,
    description: product.description,
    category: product.category,
    ...(product.subcategory ? { subcategory: product.subcategory } : {}),
    disclosure: `${product.name} is not a sponsor of this sandbox. Sandbox rewards have no value.`,
    skus: product.skus.map((sku) => ({
      min: amountFromMinor(sku.minMinor, product.currency),
      max: amountFromMinor(sku.maxMinor, product.currency),
    })),
    currency_codes: [product.currency],
    countries: product.countries.map((abbr) => ({ abbr })),
    images: [image("card"), image("logo")],
    usage_instructions: "Open the link in the email, or the one you were given, to see the card.",
  };
}

export function balanceFundingSourceJson(balanceMinor: number) {
  return {
    id: "balance",
    method: "balance",
    status: "active",
    type: "COMMERCIAL",
    usage_permissions: ["API"],
    meta: {
      available_cents: balanceMinor,
      available_amount: amountFromMinor(balanceMinor, FUNDING_CURRENCY),
      pending_cents: 0,
      pending_amount: 0,
      currency_code: FUNDING_CURRENCY,
    },
  };
}

/** A reward; `link` only where Tremendous gives one: the answer that created a LINK reward. */
export function rewardJson(reward: SandboxReward, orderId: string, link?: string) {
  return {
    id: reward.id,
    order_id: orderId,
    created_at: reward.createdAt,
    expires_at: null,
    value: {
      denomination: amountFromMinor(reward.denominationMinor, reward.currency),
      currency_code: reward.currency,
    },
    recipient: reward.recipient,
    custom_fields: [],
    delivery: {
      method: reward.deliveryMethod,
      status: reward.deliveryStatus,
      ...(link ? { link } : {}),
    },
  };
}

export function orderJson(order: SandboxOrder, link?: string) {
  const money = (minor: number) => amountFromMinor(minor, FUNDING_CURRENCY);
  return {
    id: order.id,
    external_id: order.externalId,
    campaign_id: null,
    created_at: order.createdAt,
    status: order.status,
    channel: "API",
    payment: {
      subtotal: money(order.chargedMinor),
      total: money(order.chargedMinor),
      fees: 0,
      discount: 0,
      currency_code: FUNDING_CURRENCY,
      ...(order.refundedMinor === null
        ? {}
        : { refund: { total: money(order.refundedMinor), currency_code: FUNDING_CURRENCY } }),
    },
    rewards: [rewardJson(order.reward, order.id, link)],
  };
}
