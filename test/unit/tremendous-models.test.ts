import type { ListProductsResponseProductsInner } from "tremendous";
import { describe, expect, it } from "vitest";
import {
  deliveryStatusFrom,
  isOfferedProduct,
  orderFrom,
  orderStatusFrom,
  productFrom,
} from "../../providers/tremendous/tremendous-models";

describe("Tremendous statuses", () => {
  it.each([
    ["EXECUTED", "executed"],
    ["FAILED", "failed"],
    ["CANCELED", "canceled"],
    ["OPEN", "pending"],
    ["PENDING APPROVAL", "pending"],
    ["PENDING INTERNAL PAYMENT APPROVAL", "pending"],
    ["PENDING SETTLEMENT", "pending"],
    ["SOMETHING NEW", "pending"],
  ])("reads the order status %s as %s", (status, expected) => {
    expect(orderStatusFrom(status)).toBe(expected);
  });

  it("reads delivery statuses, and an unknown one as still pending", () => {
    expect(
      ["SCHEDULED", "PENDING", "SUCCEEDED", "FAILED", "BOUNCING", undefined].map(deliveryStatusFrom),
    ).toEqual(["scheduled", "pending", "succeeded", "failed", "pending", "pending"]);
  });
});

const product = (
  overrides: Partial<ListProductsResponseProductsInner>,
): ListProductsResponseProductsInner => ({
  id: "P1",
  name: "Coffee",
  description: "A coffee card",
  category: "merchant_card",
  disclosure: "",
  currency_codes: ["USD"],
  countries: [{ abbr: "US" }],
  images: [],
  ...overrides,
});

describe("productFrom", () => {
  it("converts skus to minor units, prefers the card image and reads charities", () => {
    const coffee = productFrom(
      product({
        skus: [
          { min: 5, max: 5 },
          { min: 10.5, max: 250 },
        ],
        subcategory: "food_and_drink",
        images: [
          { src: "https://img/logo.png", type: "logo" },
          { src: "https://img/card.png", type: "card" },
        ],
      }),
    );
    expect(coffee).toMatchObject({
      kind: "gift_card",
      currency: "USD",
      subcategory: "food_and_drink",
      disclosure: null,
      imageUrl: "https://img/card.png",
      skus: [
        { minMinor: 500, maxMinor: 500 },
        { minMinor: 1050, maxMinor: 25_000 },
      ],
    });
    const water = productFrom(
      product({ category: "charity", images: [{ src: "https://img/l.png", type: "logo" }] }),
    );
    expect(water).toMatchObject({
      kind: "charity",
      imageUrl: "https://img/l.png",
      subcategory: null,
      skus: [],
    });
  });

  it("offers gift cards, prepaid cards and charities, not cash-outs", () => {
    const categories = ["merchant_card", "visa_card", "charity", "paypal", "ach", "venmo"] as const;
    expect(categories.filter((category) => isOfferedProduct(product({ category })))).toEqual([
      "merchant_card",
      "visa_card",
      "charity",
    ]);
  });
});

describe("orderFrom", () => {
  it("reads the payment, the refund and the one reward, link included", () => {
    const order = orderFrom({
      id: "O1",
      external_id: "redemption-1",
      status: "CANCELED",
      payment: { total: 27, fees: 2, currency_code: "USD", refund: { total: 27, currency_code: "USD" } },
      rewards: [{ id: "R1", delivery: { status: "FAILED", link: "https://link" } }],
    });
    expect(order).toEqual({
      id: "O1",
      externalId: "redemption-1",
      status: "canceled",
      providerStatus: "CANCELED",
      reward: { id: "R1", deliveryStatus: "failed", link: "https://link" },
      chargedMinor: 2700,
      feesMinor: 200,
      refundedMinor: 2700,
      currency: "USD",
    });
  });

  it("leaves out what the order does not say", () => {
    expect(orderFrom({ id: "O2", status: "PENDING APPROVAL" })).toMatchObject({
      externalId: null,
      status: "pending",
      reward: null,
      chargedMinor: null,
      refundedMinor: null,
      currency: null,
    });
  });
});
