import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { ProviderProduct } from "../../core/rewards/reward-provider";
import { rewardProviders } from "../../providers/reward-providers";
import { defined } from "../support/assertions";

// The adapter against Tremendous's own sandbox (testflight), to catch the day the real API and the
// built-in sandbox part ways. Runs only with TREMENDOUS_API_KEY (a sandbox key); never needed in CI.
const apiKey = process.env.TREMENDOUS_API_KEY;

/** A USD gift card and a small value it sells at (about $5), so the test spends little fake money. */
function smallGiftCard(products: ProviderProduct[]): { product: ProviderProduct; valueMinor: number } {
  for (const product of products) {
    const sku = product.skus.find((candidate) => candidate.minMinor <= 2500);
    if (product.kind === "gift_card" && product.currency === "USD" && sku) {
      return { product, valueMinor: Math.min(Math.max(sku.minMinor, 500), sku.maxMinor) };
    }
  }
  throw new Error("no USD gift card of $25 or less in the catalog");
}

describe.skipIf(!apiKey)("the Tremendous adapter against Tremendous's sandbox", () => {
  const tremendous = rewardProviders(process.env)({
    provider: "tremendous",
    environment: "sandbox",
    apiKey: apiKey ?? "",
  });

  it("lists products and funding sources, places a link order once, and finds it", {
    timeout: 60_000,
  }, async () => {
    const products = await tremendous.listProducts();
    expect(products.length).toBeGreaterThan(0);
    const fundingSources = await tremendous.listFundingSources();
    const balance = defined(
      fundingSources.find((source) => source.method === "balance"),
      "balance",
    );

    const { product, valueMinor } = smallGiftCard(products);
    const request = {
      externalId: `plaudit-contract-${randomUUID()}`,
      productId: product.id,
      faceValueMinor: valueMinor,
      currency: "USD",
      recipient: { name: "Plaudit Contract Test", email: "contract-test@example.com" },
      delivery: "link" as const,
      fundingSourceId: balance.id,
    };
    const placed = await tremendous.placeOrder(request);
    expect(placed.externalId).toBe(request.externalId);
    expect(["executed", "pending"]).toContain(placed.status);
    expect(placed.reward?.id).toEqual(expect.any(String));

    const replayed = await tremendous.placeOrder(request);
    expect(replayed.id).toBe(placed.id);
    expect((await tremendous.findOrder(request.externalId))?.id).toBe(placed.id);
  });
});
