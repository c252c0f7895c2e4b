import { z } from "zod";
import { minorFromAmount } from "../decimal-amounts";
import { type CatalogProduct, findProduct } from "./catalog";
import { invalidField, parseOrRefuse } from "./http-io";
import type { DeliveryMethod } from "./sandbox-store";

const createOrderBody = z.object({
  external_id: z.string().min(1).nullish(),
  payment: z.object({ funding_source_id: z.string().min(1) }),
  reward: z.object({
    products: z.array(z.string()).length(1, "The sandbox takes exactly one product per reward."),
    value: z.object({ denomination: z.number().positive(), currency_code: z.string().length(3) }),
    recipient: z.object({ name: z.string().trim().min(1), email: z.email() }),
    delivery: z.object({ method: z.enum(["EMAIL", "LINK"]) }).default({ method: "EMAIL" }),
  }),
});

/** A `POST /orders` body that passed every check Tremendous makes before it charges anything. */
export interface OrderRequest {
  externalId: string | null;
  product: CatalogProduct;
  denominationMinor: number;
  recipient: { name: string; email: string };
  deliveryMethod: DeliveryMethod;
  /** What a repeat with the same external id must ask for again to be a replay rather than a conflict. */
  fingerprint: string;
}

/** Validates a create-order body the way Tremendous answers: 422 naming the failing field. */
export function readOrderRequest(body: unknown): OrderRequest {
  const { external_id, payment, reward } = parseOrRefuse(createOrderBody, body);
  const fundingSourceId = payment.funding_source_id.toLowerCase();
  if (fundingSourceId !== "balance") {
    throw invalidField(
      ["payment", "funding_source_id"],
      `No funding source with id ${payment.funding_source_id}.`,
    );
  }
  const [productId = ""] = reward.products;
  const product = findProduct(productId);
  if (!product) throw invalidField(["reward", "products"], `No product with id ${productId}.`);
  const { denomination, currency_code: currency } = reward.value;
  if (currency !== product.currency) {
    throw invalidField(
      ["reward", "value", "currency_code"],
      `${product.name} is sold in ${product.currency}.`,
    );
  }
  const denominationMinor = minorInCurrency(denomination, currency);
  if (!product.skus.some((sku) => denominationMinor >= sku.minMinor && denominationMinor <= sku.maxMinor)) {
    throw invalidField(
      ["reward", "value", "denomination"],
      `${product.name} is not sold at ${denomination} ${currency}.`,
    );
  }
  const recipient = { name: reward.recipient.name, email: reward.recipient.email };
  const deliveryMethod = reward.delivery.method;
  return {
    externalId: external_id ?? null,
    product,
    denominationMinor,
    recipient,
    deliveryMethod,
    fingerprint: JSON.stringify([
      fundingSourceId,
      productId,
      denominationMinor,
      currency,
      recipient,
      deliveryMethod,
    ]),
  };
}

function minorInCurrency(denomination: number, currency: string): number {
  try {
    return minorFromAmount(denomination, currency);
  } catch (error) {
    throw invalidField(["reward", "value", "denomination"], (error as Error).message);
  }
}
