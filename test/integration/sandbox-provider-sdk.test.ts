import { randomUUID } from "node:crypto";
import type { CreateOrderRequest } from "tremendous";
import { describe, expect, it } from "vitest";
import { type TremendousApis, tremendousApis } from "../../providers/tremendous/tremendous-apis";
import { SANDBOX_API_KEY, sandboxProviderFixture } from "../support/provider-sandbox";

// The sandbox driven through the official SDK's own factories: if its answers did not fit the SDK's
// models and statuses, these typed reads would fail.
const fixture = sandboxProviderFixture();
const sdk = (apiKey = SANDBOX_API_KEY): TremendousApis =>
  tremendousApis({ basePath: fixture.sandbox.apiUrl, apiKey, timeoutMs: 2000 });

/** The status and body of an SDK call that must fail. */
async function refusal(
  call: Promise<unknown>,
): Promise<{ status: number; message: string; payload: unknown }> {
  const error = await call.then(
    () => ({}),
    (rejected: { response?: { status: number; data: { errors?: { message: string; payload: unknown } } } }) =>
      rejected,
  );
  if (!("response" in error) || !error.response) throw new Error("expected the call to be refused");
  const { status, data } = error.response;
  return { status, message: data.errors?.message ?? "", payload: data.errors?.payload };
}

const starbucks = (overrides: Partial<CreateOrderRequest["reward"]> = {}, externalId = randomUUID()) => ({
  external_id: externalId,
  payment: { funding_source_id: "balance" },
  reward: {
    products: ["SBUXUS000001"],
    value: { denomination: 25, currency_code: "USD" as const },
    recipient: { name: "Ana Lima", email: "ana@example.com" },
    delivery: { method: "EMAIL" as const },
    ...overrides,
  },
});

describe("the sandbox's catalog and funding, through the SDK", () => {
  it("lists about twenty products in USD, EUR and GBP, with images it serves itself", async () => {
    const { data, status } = await sdk().products.listProducts();
    expect(status).toBe(200);
    expect(data.products.length).toBeGreaterThanOrEqual(18);
    expect(new Set(data.products.flatMap((p) => p.currency_codes))).toEqual(new Set(["USD", "EUR", "GBP"]));
    expect(data.products.filter((p) => p.category === "charity").length).toBeGreaterThanOrEqual(2);
    const fixedAndRanges = data.products.flatMap((p) => p.skus ?? []).map((sku) => sku.min === sku.max);
    expect(new Set(fixedAndRanges)).toEqual(new Set([true, false]));
    const card = data.products[0]?.images.find((image) => image.type === "card");
    const image = await fetch(card?.src ?? "");
    expect(image.headers.get("content-type")).toBe("image/svg+xml");
    expect(await image.text()).toContain("<svg");
  });

  it("filters by comma lists of countries, currencies and subcategories", async () => {
    const { products } = sdk();
    const british = (await products.listProducts("GB")).data.products;
    expect(british.length).toBeGreaterThan(0);
    expect(british.every((p) => p.countries.some((c) => c.abbr === "GB"))).toBe(true);
    const european = (await products.listProducts(undefined, "EUR,GBP")).data.products;
    expect(new Set(european.flatMap((p) => p.currency_codes))).toEqual(new Set(["EUR", "GBP"]));
    const food = (await products.listProducts("US", "USD", "food_and_drink,electronics")).data.products;
    expect(food.map((p) => p.name).sort()).toEqual(["Best Buy", "DoorDash", "Starbucks"]);
  });

  it("reads one product, and answers 404 for an unknown one", async () => {
    const { data } = await sdk().products.getProduct("CHWTUS000001");
    expect(data.product).toMatchObject({
      name: "charity: water",
      category: "charity",
      currency_codes: ["USD"],
    });
    expect((await refusal(sdk().products.getProduct("NOSUCHPRODUCT"))).status).toBe(404);
  });

  it("has a balance funding source of $5,000 that an order draws down", async () => {
    const before = (await sdk().fundingSources.listFundingSources()).data.funding_sources;
    expect(before).toEqual([expect.objectContaining({ id: "balance", method: "balance" })]);
    expect(before[0]?.meta).toMatchObject({ available_cents: 500_000, currency_code: "USD" });
    await sdk().orders.createOrder(starbucks());
    const after = (await sdk().fundingSources.listFundingSources()).data.funding_sources;
    expect(after[0]?.meta.available_cents).toBe(497_500);
  });

  it("refuses a wrong API key with 401", async () => {
    expect((await refusal(sdk("wrong-key").products.listProducts())).status).toBe(401);
  });
});

describe("orders, through the SDK", () => {
  it("creates (200), replays the same request (201, the same order), refuses a changed one (409)", async () => {
    const { orders } = sdk();
    const request = starbucks();
    const created = await orders.createOrder(request);
    expect(created.status).toBe(200);
    const { order } = created.data;
    expect(order).toMatchObject({ external_id: request.external_id, status: "EXECUTED", channel: "API" });
    expect(order.payment).toMatchObject({ subtotal: 25, total: 25, fees: 0, currency_code: "USD" });
    expect(order.rewards?.[0]?.delivery).toEqual({ method: "EMAIL", status: "SUCCEEDED" });

    const replay = await orders.createOrder({ ...request, reward: { ...request.reward } });
    expect(replay.status).toBe(201);
    expect(replay.data.order.id).toBe(order.id);

    const changed = starbucks({ value: { denomination: 50, currency_code: "USD" } }, request.external_id);
    const conflict = await refusal(orders.createOrder(changed));
    expect(conflict.status).toBe(409);
    expect(conflict.message).toContain(request.external_id);
    expect(fixture.sandbox.orders()).toHaveLength(1);
  });

  it("answers 422 naming the field, for values, products and addresses it cannot take", async () => {
    const { orders } = sdk();
    const cases = [
      [starbucks({ value: { denomination: 20, currency_code: "USD" } }), "denomination"],
      [starbucks({ value: { denomination: 25.001, currency_code: "USD" } }), "denomination"],
      [starbucks({ value: { denomination: 25, currency_code: "EUR" } }), "currency_code"],
      [starbucks({ products: ["NOSUCHPRODUCT"] }), "products"],
      [starbucks({ recipient: { name: "Ana", email: "not-an-address" } }), "email"],
    ] as const;
    for (const [request, field] of cases) {
      const refused = await refusal(orders.createOrder(request));
      expect(refused.status).toBe(422);
      expect(JSON.stringify(refused.payload)).toContain(`"${field}"`);
    }
    expect(fixture.sandbox.orders()).toEqual([]);
  });

  it("answers 400 to a body that is not JSON", async () => {
    const response = await fetch(`${fixture.sandbox.apiUrl}/orders`, {
      method: "POST",
      headers: { authorization: `Bearer ${SANDBOX_API_KEY}`, "content-type": "application/json" },
      body: "{not json",
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      errors: { message: "The request body is not valid JSON." },
    });
  });

  it("answers 402 when the balance does not cover the order, and charges nothing", async () => {
    fixture.sandbox.reset(1000);
    const refused = await refusal(sdk().orders.createOrder(starbucks()));
    expect(refused.status).toBe(402);
    expect(fixture.sandbox.balanceMinor()).toBe(1000);
  });

  it("charges a EUR card to the USD balance at the sandbox's rate", async () => {
    const request = starbucks({
      products: ["IKEAEU000001"],
      value: { denomination: 50, currency_code: "EUR" },
    });
    const { order } = (await sdk().orders.createOrder(request)).data;
    expect(order.rewards?.[0]?.value).toEqual({ denomination: 50, currency_code: "EUR" });
    expect(order.payment).toMatchObject({ total: 54, currency_code: "USD" });
  });

  it("finds an order by its id or its external id, and lists by external id", async () => {
    const { orders } = sdk();
    const request = starbucks();
    const { order } = (await orders.createOrder(request)).data;
    await orders.createOrder(starbucks());
    expect((await orders.getOrder(order.id)).data.order.id).toBe(order.id);
    expect((await orders.getOrder(request.external_id)).data.order.id).toBe(order.id);
    expect((await refusal(orders.getOrder("NOSUCHORDER"))).status).toBe(404);
    const listed = (await orders.listOrders(undefined, undefined, request.external_id)).data;
    expect(listed.total_count).toBe(1);
    expect(listed.orders.map((o) => o.id)).toEqual([order.id]);
    const page = (await orders.listOrders(1, undefined, undefined, undefined, undefined, 1)).data;
    expect(page).toMatchObject({ total_count: 2, orders: [{ id: order.id }] });
  });

  it("shows the control API's order list as the API shows each order", async () => {
    const { order } = (await sdk().orders.createOrder(starbucks())).data;
    const response = await fetch(`${fixture.sandbox.url}/sandbox/orders`, {
      headers: { authorization: `Bearer ${SANDBOX_API_KEY}` },
    });
    const listed = (await response.json()) as { orders: unknown[]; balanceMinor: number };
    expect(listed).toEqual({
      orders: [(await sdk().orders.getOrder(order.id)).data.order],
      balanceMinor: 497_500,
    });
  });
});

describe("rewards, through the SDK", () => {
  it("gives a LINK reward's link only in the create answer, and a fresh one on request", async () => {
    const { orders, rewards } = sdk();
    const { order } = (await orders.createOrder(starbucks({ delivery: { method: "LINK" } }))).data;
    const reward = order.rewards?.[0];
    expect(reward?.delivery).toMatchObject({ method: "LINK", status: "SUCCEEDED" });
    expect(reward?.delivery?.link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/redeem\//);
    const read = (await rewards.getReward(reward?.id ?? "")).data.reward;
    expect(read.delivery).toEqual({ method: "LINK", status: "SUCCEEDED" });
    const fresh = (await rewards.generateRewardLink(reward?.id ?? "")).data.reward;
    expect(fresh.link).not.toBe(reward?.delivery?.link);
    const page = await (await fetch(fresh.link ?? "")).text();
    expect(page).toContain("Starbucks");
    expect(page).toContain("$25.00");
  });

  it("resends a bounced reward to a corrected address, and refuses to resend or cancel a delivered one", async () => {
    const { orders, rewards } = sdk();
    const bounced = starbucks({ recipient: { name: "Ana", email: "ana@bounce.example" } });
    const rewardId = (await orders.createOrder(bounced)).data.order.rewards?.[0]?.id ?? "";
    expect((await rewards.getReward(rewardId)).data.reward.delivery?.status).toBe("FAILED");
    expect((await rewards.resendReward(rewardId, { updated_email: "ana@example.com" })).status).toBe(200);
    expect((await rewards.getReward(rewardId)).data.reward).toMatchObject({
      recipient: { email: "ana@example.com" },
      delivery: { status: "SUCCEEDED" },
    });
    expect((await refusal(rewards.resendReward(rewardId))).status).toBe(422);
    expect((await refusal(rewards.cancelReward(rewardId))).status).toBe(422);
  });

  it("cancels a bounced reward, refunding the balance", async () => {
    const { orders, rewards } = sdk();
    const bounced = starbucks({ recipient: { name: "Ana", email: "ana@BOUNCE.example" } });
    const rewardId = (await orders.createOrder(bounced)).data.order.rewards?.[0]?.id ?? "";
    expect(fixture.sandbox.balanceMinor()).toBe(497_500);
    const { data } = await rewards.cancelReward(rewardId);
    expect(data).toMatchObject({
      order: { status: "CANCELED", payment: { refund: { total: 25, currency_code: "USD" } } },
    });
    expect(fixture.sandbox.balanceMinor()).toBe(500_000);
    expect((await refusal(rewards.cancelReward(rewardId))).status).toBe(422);
    expect((await refusal(rewards.getReward("NOSUCHREWARD"))).status).toBe(404);
  });
});
