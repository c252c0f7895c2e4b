import { describe, expect, it } from "vitest";
import { orderOutcomeText } from "../../app/(app)/admin/rewards/_redemptions/outcome-text";
import { categoriesOf, categoryLabel, hiddenBecause } from "../../app/(app)/admin/rewards/catalog-rules";
import { connectionCheck, describeFundingSource } from "../../app/(app)/admin/rewards/connection-check";
import { parseCountryCodes, splitCountries } from "../../app/(app)/admin/rewards/countries";
import { customRewardFromForm } from "../../app/(app)/admin/rewards/custom/custom-reward-form-data";
import type { CatalogProductSummary } from "../../core/rewards/get-reward-settings";
import type { RedemptionView } from "../../core/rewards/redemption-view";
import { DomainError, isDomainError } from "../../core/shared/errors";

describe("parseCountryCodes", () => {
  it("joins the ticked boxes and the typed codes, in order, upper-cased, without repeats", () => {
    expect(parseCountryCodes(["US", "GB"], "pt, se;no  us\nIE")).toEqual({
      ok: true,
      codes: ["US", "GB", "PT", "SE", "NO", "IE"],
    });
  });

  it("refuses a word that isn't a country code, naming it", () => {
    expect(parseCountryCodes(["US"], "PT, Spain")).toEqual({
      ok: false,
      message: "“Spain” isn't a country code. Use two-letter ISO codes, such as PT or SE.",
    });
    expect(parseCountryCodes([], "XX")).toMatchObject({
      ok: false,
      message: expect.stringContaining("“XX”"),
    });
  });

  it("refuses regions that are not countries, and points UK to GB", () => {
    expect(parseCountryCodes([], "EU")).toMatchObject({ ok: false });
    expect(parseCountryCodes([], "ZZ")).toMatchObject({ ok: false });
    expect(parseCountryCodes(["US"], "uk")).toEqual({ ok: false, message: "Use GB for the United Kingdom." });
  });

  it("needs at least one country", () => {
    expect(parseCountryCodes([], " , ")).toEqual({
      ok: false,
      message: "Offer rewards in at least one country.",
    });
  });

  it("shows saved codes as the boxes they tick and the rest as text", () => {
    expect(splitCountries(["US", "PT", "GB", "NO"])).toEqual({ ticked: ["US", "GB"], typed: "PT, NO" });
  });
});

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

describe("customRewardFromForm", () => {
  it("reads every field, the cost as exact minor units", () => {
    expect(
      customRewardFromForm(
        form({
          name: " A day off ",
          description: "Paid leave",
          pointsPrice: "1500",
          stock: "10",
          requiresApproval: "on",
          internalCost: "250.10",
        }),
        "USD",
      ),
    ).toEqual({
      name: "A day off",
      description: "Paid leave",
      pointsPrice: 1500,
      stock: 10,
      requiresApproval: true,
      internalCostMinor: 25010,
    });
  });

  it("reads empty stock as no limit and an empty cost as none", () => {
    expect(
      customRewardFromForm(form({ name: "Hoodie", pointsPrice: "200", stock: " ", internalCost: "" }), "USD"),
    ).toMatchObject({ stock: null, internalCostMinor: null, requiresApproval: false, description: "" });
  });

  it("reads a cost in the currency's own minor units", () => {
    expect(
      customRewardFromForm(form({ name: "Lunch", pointsPrice: "3", internalCost: "1500" }), "JPY"),
    ).toMatchObject({ internalCostMinor: 1500 });
    expect(
      customRewardFromForm(form({ name: "Lunch", pointsPrice: "3", internalCost: "0.29" }), "EUR"),
    ).toMatchObject({ internalCostMinor: 29 });
  });

  it("refuses a cost with more decimals than the currency has, beside the cost field", () => {
    let refusal: unknown;
    try {
      customRewardFromForm(form({ name: "Lunch", pointsPrice: "3", internalCost: "1.999" }), "USD");
    } catch (error) {
      refusal = error;
    }
    expect(isDomainError(refusal, "invalid")).toBe(true);
    expect((refusal as DomainError).details.field).toBe("internalCostMinor");
    expect((refusal as DomainError).message).toBe("USD amounts have at most 2 decimal places.");
  });

  it("passes a price that is not a number on as NaN, for the use case to refuse by name", () => {
    expect(customRewardFromForm(form({ name: "Lunch", pointsPrice: "lots" }), "USD").pointsPrice).toBeNaN();
    expect(customRewardFromForm(form({ name: "Lunch" }), "USD").pointsPrice).toBeNaN();
  });
});

function product(overrides: Partial<CatalogProductSummary> = {}): CatalogProductSummary {
  return {
    productId: "SBUXUS000001",
    name: "Starbucks",
    kind: "gift_card",
    category: "merchant_card",
    subcategory: "food_and_drink",
    currency: "USD",
    countries: ["US"],
    available: true,
    offered: true,
    ...overrides,
  };
}

describe("what the catalog will show", () => {
  const choice = { countries: ["US", "CA"], categories: [], currency: "USD" };

  it("shows an available product in the currency, sent to a chosen country, of any category", () => {
    expect(hiddenBecause(product(), choice)).toBeNull();
  });

  it("says why a ticked product won't show, in the order the catalog checks", () => {
    expect(hiddenBecause(product({ available: false, currency: "EUR" }), choice)).toBe(
      "No longer in the provider's catalog.",
    );
    expect(hiddenBecause(product({ currency: "EUR", countries: ["DE"] }), choice)).toBe(
      "Priced in EUR; points are worth USD.",
    );
    expect(hiddenBecause(product({ countries: ["GB", "IE"] }), choice)).toBe("Sent only to GB, IE.");
    expect(hiddenBecause(product(), { ...choice, categories: ["electronics"] })).toBe(
      "Its category isn't offered.",
    );
  });

  it("offers a product whose category or subcategory is chosen", () => {
    expect(hiddenBecause(product(), { ...choice, categories: ["merchant_card"] })).toBeNull();
    expect(hiddenBecause(product(), { ...choice, categories: ["food_and_drink"] })).toBeNull();
    expect(hiddenBecause(product({ subcategory: null }), { ...choice, categories: ["food_and_drink"] })).toBe(
      "Its category isn't offered.",
    );
  });

  it("lists each category once with its subcategories, alphabetically as they read", () => {
    const products = [
      product({ category: "merchant_card", subcategory: "travel_and_hospitality" }),
      product({ category: "charity", subcategory: null }),
      product({ category: "merchant_card", subcategory: "electronics" }),
      product({ category: "merchant_card", subcategory: "electronics" }),
    ];
    expect(categoriesOf(products)).toEqual([
      { category: "charity", subcategories: [] },
      { category: "merchant_card", subcategories: ["electronics", "travel_and_hospitality"] },
    ]);
    expect(categoryLabel("food_and_drink")).toBe("Food and drink");
  });
});

describe("the provider's answer to a connection test", () => {
  const connection = { provider: "tremendous", environment: "production" } as const;

  it("lists funding sources with what each has available", () => {
    expect(
      describeFundingSource({ id: "balance", method: "balance", availableMinor: 485_000, currency: "USD" }),
    ).toBe("Account balance · $4,850.00 available");
    expect(
      describeFundingSource({ id: "FS7Q2", method: "credit_card", availableMinor: null, currency: null }),
    ).toBe("Credit card (FS7Q2)");
  });

  it("tells a refusal as the provider said it, with the field it blames", async () => {
    const refused = connectionCheck(
      connection,
      Promise.reject(
        new DomainError("provider_unavailable", "The provider answered: bad key", { field: "apiKey" }),
      ),
    );
    expect(await refused).toEqual({
      ...connection,
      ok: false,
      message: "The provider answered: bad key",
      field: "apiKey",
    });
    expect(await connectionCheck(connection, Promise.resolve({ fundingSources: [], products: 3 }))).toEqual({
      ...connection,
      ok: true,
      fundingSources: [],
      products: 3,
    });
  });

  it("lets anything that is not a refusal through, as the bug it is", async () => {
    await expect(connectionCheck(connection, Promise.reject(new TypeError("boom")))).rejects.toThrow("boom");
  });
});

function redemption(overrides: Partial<RedemptionView> = {}): RedemptionView {
  return {
    id: "00000000-0000-4000-8000-000000000001",
    kind: "gift_card",
    status: "fulfilled",
    points: 250,
    faceValueMinor: 2500,
    currency: "USD",
    pointValue: { points: 10, minor: 100, currency: "USD" },
    brand: "Starbucks",
    rewardName: "Starbucks gift card",
    person: { id: "00000000-0000-4000-8000-000000000002", name: "Ana Lima" },
    requestedAt: new Date("2026-11-10T15:00:00Z"),
    fulfilledAt: null,
    closedAt: null,
    deliveryMethod: "email",
    recipientEmail: "ana@acme.example",
    deliveryStatus: "succeeded",
    outcomeReason: null,
    shareInFeed: false,
    giftLink: null,
    handling: {
      attentionReason: null,
      lastError: null,
      attempts: 1,
      nextAttemptAt: null,
      providerOrderId: "ORDER1",
      providerStatus: "EXECUTED",
      department: "Design",
      costCenter: null,
      personEmail: "ana@acme.example",
      decidedAt: null,
    },
    ...overrides,
  };
}

describe("orderOutcomeText", () => {
  const zone = "America/New_York";
  const handling = redemption().handling;

  it("says where a delivered reward went, and when delivery failed", () => {
    expect(orderOutcomeText(redemption(), zone)).toBe(
      "The order went through: Starbucks gift card is on its way to ana@acme.example.",
    );
    expect(orderOutcomeText(redemption({ deliveryMethod: "link" }), zone)).toBe(
      "The order went through: Ana Lima can open their Starbucks gift card in Plaudit.",
    );
    expect(orderOutcomeText(redemption({ deliveryStatus: "failed" }), zone)).toContain(
      "delivery to ana@acme.example failed",
    );
  });

  it("says why an order waits, and when it is tried again in the org's time zone", () => {
    const waiting = { status: "submitted" as const, deliveryStatus: null };
    expect(
      orderOutcomeText(
        redemption({
          ...waiting,
          handling: handling && { ...handling, attentionReason: "Top up the balance." },
        }),
        zone,
      ),
    ).toBe("The order is waiting: Top up the balance.");
    expect(
      orderOutcomeText(
        redemption({
          ...waiting,
          handling: handling && {
            ...handling,
            lastError: "Timed out",
            nextAttemptAt: new Date("2026-11-10T15:05:00Z"),
          },
        }),
        zone,
      ),
    ).toBe(
      "The provider didn't take the order yet (Timed out). Plaudit tries again Nov 10, 2026, 10:05 AM EST.",
    );
  });

  it("says a refused order gave the points back, and points a conflict and a custom reward onwards", () => {
    expect(
      orderOutcomeText(
        redemption({
          status: "failed",
          handling: handling && { ...handling, lastError: "Product unavailable" },
        }),
        zone,
      ),
    ).toBe("The provider refused the order (Product unavailable); Ana Lima's points went back.");
    expect(orderOutcomeText(redemption({ status: "needs_attention" }), zone)).toContain(
      "see Needs attention",
    );
    expect(orderOutcomeText(redemption({ kind: "custom", status: "awaiting_fulfillment" }), zone)).toBe(
      "Hand “Starbucks gift card” over to Ana Lima, then mark it fulfilled.",
    );
  });
});
