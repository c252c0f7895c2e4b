import { createServer } from "node:net";
import { describe, expect, it } from "vitest";
import { rewardProviders } from "../../providers/reward-providers";
import { defined } from "../support/assertions";
import { expectProviderError, orderRequest, sandboxProviderFixture } from "../support/provider-sandbox";

// The Tremendous adapter over HTTP against the sandbox, built the way the app builds it: from a
// `{provider: "sandbox"}` connection and the environment.
const fixture = sandboxProviderFixture();
const provider = fixture.adapter;
/** An adapter that gives up quickly, for the hangs. */
const SHORT_TIMEOUT_MS = 100;
const impatient = () => provider({ PLAUDIT_PROVIDER_TIMEOUT_MS: String(SHORT_TIMEOUT_MS) });

/** A port nothing listens on: one the system just handed out and took back. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe("the Tremendous adapter: reads", () => {
  it("lists products in minor units, with their kind, currency and card image", async () => {
    const products = await provider().listProducts();
    expect(products.length).toBeGreaterThanOrEqual(18);
    expect(products.find((p) => p.name === "Starbucks")).toMatchObject({
      kind: "gift_card",
      currency: "USD",
      subcategory: "food_and_drink",
      countries: ["US"],
      imageUrl: `${fixture.sandbox.url}/images/SBUXUS000001.svg`,
      skus: [500, 1000, 2500, 5000].map((value) => ({ minMinor: value, maxMinor: value })),
    });
    expect(products.find((p) => p.name === "Zalando")).toMatchObject({
      currency: "EUR",
      skus: [{ minMinor: 1000, maxMinor: 50_000 }],
    });
    expect(products.filter((p) => p.kind === "charity").map((p) => p.name)).toContain("charity: water");
  });

  it("lists the balance funding source with what can be spent", async () => {
    expect(await provider().listFundingSources()).toEqual([
      { id: "balance", method: "balance", availableMinor: 500_000, currency: "USD" },
    ]);
  });
});

describe("the Tremendous adapter: orders", () => {
  it("places an email order, executed and delivered, and answers a repeat with the same order", async () => {
    const request = orderRequest();
    const placed = await provider().placeOrder(request);
    expect(placed).toMatchObject({
      externalId: request.externalId,
      status: "executed",
      providerStatus: "EXECUTED",
      reward: { deliveryStatus: "succeeded", link: null },
      chargedMinor: 2500,
      feesMinor: 0,
      refundedMinor: null,
      currency: "USD",
    });
    const replayed = await provider().placeOrder(request);
    expect(replayed).toMatchObject({ id: placed.id, status: "executed", reward: { id: placed.reward?.id } });
    expect(fixture.sandbox.orders()).toHaveLength(1);
    expect(await provider().findOrder(request.externalId)).toMatchObject({
      id: placed.id,
      status: "executed",
    });
  });

  it("returns a LINK reward's link, and a fresh one on request", async () => {
    const placed = await provider().placeOrder(orderRequest({ delivery: "link" }));
    const rewardId = defined(placed.reward?.id, "reward id");
    expect(placed.reward?.link).toMatch(/\/redeem\//);
    const fresh = await provider().generateLink(rewardId);
    expect(fresh).toMatch(/\/redeem\//);
    expect(fresh).not.toBe(placed.reward?.link);
    expect((await fetch(fresh)).status).toBe(200);
  });

  it("finds no order for an external id never used", async () => {
    expect(await provider().findOrder("redemption-never-placed")).toBeNull();
  });

  it("calls a changed request under the same external id a conflict", async () => {
    const request = orderRequest();
    await provider().placeOrder(request);
    await expectProviderError(provider().placeOrder({ ...request, faceValueMinor: 5000 }), "conflict");
  });

  it("calls a value the product does not sell invalid, with the provider's words", async () => {
    const error = await expectProviderError(
      provider().placeOrder(orderRequest({ faceValueMinor: 2000 })),
      "invalid",
    );
    expect(error.message).toBe("The provider answered 422: Starbucks is not sold at 20 USD.");
    expect(fixture.sandbox.orders()).toEqual([]);
  });

  it("calls a short balance insufficient funds, both when it is short and when the fault says so", async () => {
    fixture.sandbox.reset(2499);
    await expectProviderError(provider().placeOrder(orderRequest()), "insufficient_funds");
    fixture.sandbox.reset();
    fixture.sandbox.injectFault({ fault: "insufficient_funds" });
    await expectProviderError(provider().placeOrder(orderRequest()), "insufficient_funds");
    expect(fixture.sandbox.orders()).toEqual([]);
  });
});

describe("the Tremendous adapter: lost answers and limits", () => {
  it("calls a 500 after saving transient; the order is found, and a retry answers it without a second", async () => {
    const request = orderRequest();
    fixture.sandbox.injectFault({ fault: "error_after_saving" });
    await expectProviderError(provider().placeOrder(request), "transient");
    const saved = defined(await provider().findOrder(request.externalId), "saved order");
    expect(saved.status).toBe("executed");
    expect((await provider().placeOrder(request)).id).toBe(saved.id);
    expect(fixture.sandbox.orders()).toHaveLength(1);
  });

  it("gives up on a hung answer after its timeout, as transient, whether or not the order was saved", async () => {
    const saved = orderRequest();
    fixture.sandbox.injectFault({ fault: "hang_after_saving" });
    const hung = await expectProviderError(impatient().placeOrder(saved), "transient");
    expect(hung.message).toBe(`The provider did not answer within ${SHORT_TIMEOUT_MS} ms.`);
    expect(await provider().findOrder(saved.externalId)).not.toBeNull();

    const unsaved = orderRequest();
    fixture.sandbox.injectFault({ fault: "hang" });
    await expectProviderError(impatient().placeOrder(unsaved), "transient");
    expect(await provider().findOrder(unsaved.externalId)).toBeNull();
  });

  it("waits out a hang shorter than its timeout", async () => {
    fixture.sandbox.injectFault({ fault: "hang", ms: 50 });
    expect((await provider().placeOrder(orderRequest())).status).toBe("executed");
  });

  it("calls a 429 rate limited, with the Retry-After the provider asked for", async () => {
    fixture.sandbox.injectFault({ fault: "rate_limited", retryAfterSeconds: 3, times: 2 });
    const limited = await expectProviderError(provider().listProducts(), "rate_limited");
    expect(limited.retryAfterMs).toBe(3000);
    expect(limited.message).toContain("Rate limit exceeded");
    await expectProviderError(provider().placeOrder(orderRequest()), "rate_limited");
    expect(await provider().listFundingSources()).toHaveLength(1);
  });

  it("calls an unreachable provider transient", async () => {
    const closed = new URL(fixture.sandbox.apiUrl);
    closed.port = String(await closedPort());
    const unreachable = await expectProviderError(
      provider({ PLAUDIT_SANDBOX_URL: closed.toString() }).listProducts(),
      "transient",
    );
    expect(unreachable.message).toContain("ECONNREFUSED");
  });

  it("calls a wrong key unauthorized, and a sandbox that is not configured too, saying so", async () => {
    await expectProviderError(provider({ PLAUDIT_SANDBOX_API_KEY: "wrong" }).listProducts(), "unauthorized");
    const missing = await expectProviderError(
      rewardProviders({})({ provider: "sandbox" }).listProducts(),
      "unauthorized",
    );
    expect(missing.message).toContain("npm run provider:sandbox");
  });
});

describe("the Tremendous adapter: rewards", () => {
  it("reads a reward without its link, and calls an unknown one not found", async () => {
    const placed = await provider().placeOrder(orderRequest({ delivery: "link" }));
    const rewardId = defined(placed.reward?.id, "reward id");
    expect(await provider().getReward(rewardId)).toEqual({
      id: rewardId,
      deliveryStatus: "succeeded",
      link: null,
    });
    await expectProviderError(provider().getReward("NOSUCHREWARD"), "not_found");
  });

  it("sees a bounced delivery fail, then resends it to a corrected address", async () => {
    const placed = await provider().placeOrder(
      orderRequest({ recipient: { name: "Ana", email: "ana@bounce.example" } }),
    );
    const rewardId = defined(placed.reward?.id, "reward id");
    expect(placed.reward?.deliveryStatus).toBe("failed");
    await provider().resendReward(rewardId, "ana@example.com");
    expect((await provider().getReward(rewardId)).deliveryStatus).toBe("succeeded");
    await expectProviderError(provider().resendReward(rewardId), "invalid");
  });

  it("cancels a bounced reward, answering its order canceled and refunded", async () => {
    const placed = await provider().placeOrder(
      orderRequest({ recipient: { name: "Ana", email: "ana@bounce.example" } }),
    );
    const canceled = await provider().cancelReward(defined(placed.reward?.id, "reward id"));
    expect(canceled).toMatchObject({
      id: placed.id,
      status: "canceled",
      refundedMinor: 2500,
      chargedMinor: 2500,
    });
    expect((await provider().listFundingSources())[0]?.availableMinor).toBe(500_000);
  });
});
