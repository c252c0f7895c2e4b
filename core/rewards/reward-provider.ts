/**
 * What Plaudit needs of a gift-card provider, in its own terms: money in integer minor units, statuses
 * as a small union, errors sorted by what Plaudit must do about them. Adapters (providers/) implement it
 * over a real API; core never sees an SDK, an HTTP status or a decimal.
 */

/** How an org reaches its provider. The built-in sandbox is configured by the deployment, not the org. */
export type ProviderConnection =
  | { provider: "sandbox" }
  | { provider: "tremendous"; environment: "sandbox" | "production"; apiKey: string };

/** Builds the adapter for a connection; injected into the use cases that talk to a provider. */
export type RewardProviders = (connection: ProviderConnection) => RewardProvider;

/** A range of face values a product can be bought at; `minMinor === maxMinor` is one fixed value. */
export interface ProductSku {
  minMinor: number;
  maxMinor: number;
}

export interface ProviderProduct {
  id: string;
  name: string;
  description: string;
  /** Gift cards and prepaid cards are `gift_card`; donations are `charity`. */
  kind: "gift_card" | "charity";
  /** The provider's own category and subcategory (`merchant_card`, `food_and_drink`), for filtering. */
  category: string;
  subcategory: string | null;
  disclosure: string | null;
  usageInstructions: string | null;
  /** The currency the skus are in (ISO 4217). */
  currency: string;
  /** ISO 3166 alpha-2 codes of the countries it can be sent to. */
  countries: string[];
  /** A card image if the provider has one, else a logo; null when it has neither. */
  imageUrl: string | null;
  skus: ProductSku[];
}

export interface FundingSource {
  id: string;
  /** `balance`, `bank_account`, `credit_card`, `invoice`. */
  method: string;
  /** What can be spent now; null when the provider does not say (an invoice). */
  availableMinor: number | null;
  currency: string | null;
}

export interface OrderRequest {
  /** The redemption's id: the provider's idempotency key, so a retry never makes a second order. */
  externalId: string;
  productId: string;
  faceValueMinor: number;
  currency: string;
  recipient: { name: string; email: string };
  delivery: "email" | "link";
  fundingSourceId: string;
}

/**
 * `executed`: paid and the reward created; `pending`: waiting on the provider (approval, settlement);
 * `failed` and `canceled`: it will never execute.
 */
export type ProviderOrderStatus = "executed" | "pending" | "failed" | "canceled";

export type DeliveryStatus = "scheduled" | "pending" | "succeeded" | "failed";

export interface ProviderReward {
  id: string;
  deliveryStatus: DeliveryStatus;
  /** Only in the answer to the order that created it, for link delivery. */
  link: string | null;
}

export interface ProviderOrder {
  id: string;
  externalId: string | null;
  status: ProviderOrderStatus;
  /** The provider's own words for the status (`PENDING APPROVAL`), for people to read. */
  providerStatus: string;
  reward: ProviderReward | null;
  /** What the order cost, fees included, and the fees alone, in `currency`. */
  chargedMinor: number | null;
  feesMinor: number | null;
  /** What the provider paid back after a cancellation, in `currency`; null when nothing was. */
  refundedMinor: number | null;
  currency: string | null;
}

/**
 * Sorted by what Plaudit does next: `invalid` releases the points; `conflict` parks the redemption for a
 * person to decide; `insufficient_funds`, `rate_limited` and `transient` retry later with the same
 * external id; `unauthorized` waits for an admin to fix the connection; `not_found` answers a lookup.
 */
export type ProviderErrorKind =
  | "invalid"
  | "conflict"
  | "insufficient_funds"
  | "rate_limited"
  | "transient"
  | "unauthorized"
  | "not_found";

export class ProviderError extends Error {
  override readonly name = "ProviderError";
  constructor(
    readonly kind: ProviderErrorKind,
    /** Safe to show an admin: never a key, a header or a raw response. */
    message: string,
    /** For `rate_limited`: how long the provider asked to wait. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

export function isProviderError(error: unknown, kind?: ProviderErrorKind): error is ProviderError {
  return error instanceof ProviderError && (kind === undefined || error.kind === kind);
}

export interface RewardProvider {
  listProducts(): Promise<ProviderProduct[]>;
  listFundingSources(): Promise<FundingSource[]>;
  /** Places the order, or answers the one already placed with this external id and the same request. */
  placeOrder(order: OrderRequest): Promise<ProviderOrder>;
  /** The order placed with this external id, or null when there is none. */
  findOrder(externalId: string): Promise<ProviderOrder | null>;
  getReward(rewardId: string): Promise<ProviderReward>;
  /** A fresh link to a reward (link delivery, or to show its owner again). */
  generateLink(rewardId: string): Promise<string>;
  /** Cancels a reward whose delivery failed and that nobody redeemed; answers its order, refunded. */
  cancelReward(rewardId: string): Promise<ProviderOrder>;
  /** Sends the reward again, to a corrected email when one is given. */
  resendReward(rewardId: string, email?: string): Promise<void>;
}

/** A provider's webhook, after its signature was verified; its payload is never trusted beyond this. */
export interface ProviderWebhookEvent {
  /** The provider's id for this delivery of the event: duplicates carry the same. */
  uuid: string;
  /** `ORDERS.APPROVED`, `REWARDS.DELIVERY.FAILED`, ... */
  event: string;
  createdAt: string;
  resource: { type: "orders" | "rewards" | "other"; id: string };
}
