import type {
  ListFundingSources200ResponseFundingSourcesInner,
  ListProductsResponseProductsInner,
} from "tremendous";
import type {
  DeliveryStatus,
  FundingSource,
  ProviderOrder,
  ProviderOrderStatus,
  ProviderProduct,
  ProviderReward,
} from "../../core/rewards/reward-provider";
import { minorFromAmount } from "../decimal-amounts";

/** Tremendous's words for an order's state, with spaces, as the API spells them. */
const ORDER_STATUSES: Record<string, ProviderOrderStatus> = {
  EXECUTED: "executed",
  FAILED: "failed",
  CANCELED: "canceled",
  OPEN: "pending",
  "PENDING APPROVAL": "pending",
  "PENDING INTERNAL PAYMENT APPROVAL": "pending",
  "PENDING SETTLEMENT": "pending",
};

const DELIVERY_STATUSES: Record<string, DeliveryStatus> = {
  SCHEDULED: "scheduled",
  PENDING: "pending",
  SUCCEEDED: "succeeded",
  FAILED: "failed",
};

// A status this adapter does not know yet is read as still waiting: asking again is always safe, while
// calling it failed would release points for an order that may still execute.
export const orderStatusFrom = (status: string): ProviderOrderStatus => ORDER_STATUSES[status] ?? "pending";
export const deliveryStatusFrom = (status: string | undefined): DeliveryStatus =>
  DELIVERY_STATUSES[status ?? ""] ?? "pending";

/** The categories Plaudit offers: gift cards and donations, not cash-outs (bank, PayPal, Venmo). */
const OFFERED_CATEGORIES = new Set(["merchant_card", "visa_card", "charity"]);

export const isOfferedProduct = (product: ListProductsResponseProductsInner) =>
  OFFERED_CATEGORIES.has(product.category);

export function productFrom(product: ListProductsResponseProductsInner): ProviderProduct {
  // A product's skus are in its currency; Tremendous lists one per product in practice.
  const currency = product.currency_codes[0] ?? "USD";
  const image =
    product.images.find((candidate) => candidate.type === "card") ??
    product.images.find((candidate) => candidate.type === "logo");
  return {
    id: product.id,
    name: product.name,
    description: product.description,
    kind: product.category === "charity" ? "charity" : "gift_card",
    category: product.category,
    subcategory: product.subcategory ?? null,
    disclosure: product.disclosure || null,
    usageInstructions: product.usage_instructions || null,
    currency,
    countries: product.countries.map((country) => country.abbr),
    imageUrl: image?.src ?? null,
    skus: (product.skus ?? []).map((sku) => ({
      minMinor: minorFromAmount(sku.min, currency),
      maxMinor: minorFromAmount(sku.max, currency),
    })),
  };
}

export function fundingSourceFrom(source: ListFundingSources200ResponseFundingSourcesInner): FundingSource {
  return {
    id: source.id,
    method: source.method,
    // `available_cents` is already in minor units; invoices and cards leave it out.
    availableMinor: source.meta.available_cents ?? null,
    currency: source.meta.currency_code ?? null,
  };
}

/** What the create, get and list answers share: the SDK types them apart, the fields read are the same. */
interface TremendousOrder {
  id: string;
  external_id?: string | null;
  status: string;
  payment?: {
    total: number;
    fees: number;
    currency_code: string;
    refund?: { total: number; currency_code: string };
  };
  rewards?: TremendousReward[];
}

interface TremendousReward {
  id?: string;
  delivery?: TremendousDelivery;
}

interface TremendousDelivery {
  status?: string;
  /** Only in the answer to the order that created a LINK reward. */
  link?: string;
}

export function rewardFrom(id: string, delivery: TremendousDelivery | undefined): ProviderReward {
  return { id, deliveryStatus: deliveryStatusFrom(delivery?.status), link: delivery?.link ?? null };
}

export function orderFrom(order: TremendousOrder): ProviderOrder {
  // Plaudit orders one reward per order; Tremendous's single-reward order has exactly one.
  const reward = order.rewards?.[0];
  const payment = order.payment;
  return {
    id: order.id,
    externalId: order.external_id ?? null,
    status: orderStatusFrom(order.status),
    providerStatus: order.status,
    reward: reward?.id ? rewardFrom(reward.id, reward.delivery) : null,
    chargedMinor: payment ? minorFromAmount(payment.total, payment.currency_code) : null,
    feesMinor: payment ? minorFromAmount(payment.fees, payment.currency_code) : null,
    refundedMinor: payment?.refund
      ? minorFromAmount(payment.refund.total, payment.refund.currency_code)
      : null,
    currency: payment?.currency_code ?? null,
  };
}
