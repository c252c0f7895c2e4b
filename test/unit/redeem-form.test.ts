import { describe, expect, it } from "vitest";
import {
  checkAmount,
  offeredValues,
  quickAmounts,
  rangeDescription,
} from "../../app/(app)/rewards/_offer/amount-choice";
import { readableText } from "../../app/(app)/rewards/_offer/readable-text";
import { redemptionQuestion, withArticle } from "../../app/(app)/rewards/_offer/redemption-question";
import { needsApproval } from "../../core/rewards/approval-rule";
import { type Denominations, denominationsAllow, denominationsFor } from "../../core/rewards/face-value";
import type { PointValue } from "../../core/shared/money";

const tenPerDollar: PointValue = { points: 10, minor: 100, currency: "USD" };
const threePerEuro: PointValue = { points: 3, minor: 100, currency: "EUR" };
const onePerYen: PointValue = { points: 1, minor: 10, currency: "JPY" };

/** Amazon in the sandbox: any amount from $5 to $2,000. */
const amazon = denominationsFor([{ minMinor: 500, maxMinor: 200_000 }], tenPerDollar);
/** Starbucks in the sandbox: four fixed values. */
const starbucks = denominationsFor(
  [500, 1000, 2500, 5000].map((value) => ({ minMinor: value, maxMinor: value })),
  tenPerDollar,
);

describe("checkAmount", () => {
  it("reads a typed amount as exact minor units and prices it in whole points", () => {
    expect(checkAmount("25", amazon, tenPerDollar)).toEqual({
      state: "ok",
      faceValueMinor: 2500,
      points: 250,
    });
    expect(checkAmount(" 25.5 ", amazon, tenPerDollar)).toEqual({
      state: "ok",
      faceValueMinor: 2550,
      points: 255,
    });
    // 0.29 * 100 is 28.999999999999996 in floats; the text is split instead.
    expect(
      checkAmount(
        "1000.29",
        { fixed: [], ranges: [{ minMinor: 1, maxMinor: 200_000, stepMinor: 1 }] },
        {
          points: 1,
          minor: 1,
          currency: "USD",
        },
      ),
    ).toEqual({ state: "ok", faceValueMinor: 100_029, points: 100_029 });
    expect(checkAmount("", amazon, tenPerDollar)).toEqual({ state: "empty" });
    expect(checkAmount("   ", amazon, tenPerDollar)).toEqual({ state: "empty" });
  });

  it("refuses text that is not an amount, saying what one looks like", () => {
    for (const text of ["abc", "1e3", "$25", "25,00", "-5", "2.5.0"]) {
      expect(checkAmount(text, amazon, tenPerDollar)).toEqual({
        state: "invalid",
        message: "Enter an amount like 1.00.",
      });
    }
    expect(checkAmount("25.005", amazon, tenPerDollar)).toEqual({
      state: "invalid",
      message: "USD amounts have at most 2 decimal places.",
    });
  });

  it("refuses amounts outside the range or off its steps, naming the range and the step", () => {
    const message = "Choose any amount from $5.00 to $2,000.00, in steps of $0.10.";
    for (const text of ["4.90", "2000.10", "25.05", "0"]) {
      expect(checkAmount(text, amazon, tenPerDollar)).toEqual({ state: "invalid", message });
    }
    expect(checkAmount("2000", amazon, tenPerDollar).state).toBe("ok");
    expect(checkAmount("5", amazon, tenPerDollar).state).toBe("ok");
  });

  it("accepts only the fixed values of a product that has no range", () => {
    expect(checkAmount("10", starbucks, tenPerDollar)).toEqual({
      state: "ok",
      faceValueMinor: 1000,
      points: 100,
    });
    expect(checkAmount("20", starbucks, tenPerDollar)).toEqual({
      state: "invalid",
      message: "Choose $5.00, $10.00, $25.00, or $50.00.",
    });
  });

  it("keeps to whole points at a point value that does not divide a cent (3 pts = €1)", () => {
    const euros = denominationsFor([{ minMinor: 1000, maxMinor: 50_000 }], threePerEuro);
    expect(checkAmount("12", euros, threePerEuro)).toEqual({ state: "ok", faceValueMinor: 1200, points: 36 });
    expect(checkAmount("12.50", euros, threePerEuro)).toEqual({
      state: "invalid",
      message: "Choose any amount from €10.00 to €500.00, in steps of €1.00.",
    });
  });

  it("reads currencies without decimals", () => {
    const yen = denominationsFor([{ minMinor: 500, maxMinor: 50_000 }], onePerYen);
    expect(checkAmount("1500", yen, onePerYen)).toEqual({ state: "ok", faceValueMinor: 1500, points: 150 });
    expect(checkAmount("1500.5", yen, onePerYen)).toEqual({
      state: "invalid",
      message: "JPY amounts are whole numbers.",
    });
  });
});

describe("what a product offers, in words", () => {
  it("describes ranges with their step only when there is one", () => {
    expect(rangeDescription(amazon.ranges, "USD")).toBe(
      "any amount from $5.00 to $2,000.00, in steps of $0.10",
    );
    expect(rangeDescription([{ minMinor: 100, maxMinor: 900, stepMinor: 1 }], "USD")).toBe(
      "any amount from $1.00 to $9.00",
    );
    expect(
      rangeDescription(
        [
          { minMinor: 500, maxMinor: 1000, stepMinor: 10 },
          { minMinor: 5000, maxMinor: 9000, stepMinor: 10 },
        ],
        "USD",
      ),
    ).toBe("any amount from $5.00 to $10.00 or from $50.00 to $90.00, in steps of $0.10");
  });

  it("lists fixed values, and fixed values beside a range", () => {
    expect(offeredValues(starbucks, "USD")).toBe("$5.00, $10.00, $25.00, or $50.00");
    const both: Denominations = { fixed: [{ faceValueMinor: 300, points: 30 }], ranges: amazon.ranges };
    expect(offeredValues(both, "USD")).toBe("$3.00 or any amount from $5.00 to $2,000.00, in steps of $0.10");
  });

  it("suggests a few round amounts the product accepts, fixed values first among them", () => {
    expect(quickAmounts(amazon, "USD")).toEqual([1000, 2500, 5000, 10_000]);
    // DoorDash starts at $15.
    const doordash = denominationsFor([{ minMinor: 1500, maxMinor: 20_000 }], tenPerDollar);
    expect(quickAmounts(doordash, "USD")).toEqual([2500, 5000, 10_000]);
    const both: Denominations = { fixed: [{ faceValueMinor: 300, points: 30 }], ranges: amazon.ranges };
    expect(quickAmounts(both, "USD")).toEqual([300, 1000, 2500, 5000]);
    const yen = denominationsFor([{ minMinor: 500, maxMinor: 50_000 }], onePerYen);
    expect(quickAmounts(yen, "JPY")).toEqual([500]);
  });
});

describe("withArticle", () => {
  it("says 'an' where the amount is read with a vowel sound", () => {
    for (const money of [
      "$8.00",
      "$11.00",
      "$18.00",
      "$80.00",
      "$85.50",
      "$800.00",
      "$8,000.00",
      "$11,500.00",
      "€8.00",
      "¥800",
    ]) {
      expect(withArticle(money)).toBe(`an ${money}`);
    }
    for (const money of ["$25.00", "$1,100.00", "$180.00", "$118.00", "$0.50", "$1.00", "$110.00"]) {
      expect(withArticle(money)).toBe(`a ${money}`);
    }
  });
});

describe("redemptionQuestion", () => {
  const base = { pointValue: tenPerDollar, email: "ana@acme.example", deliveryMethod: "email" as const };

  it("says exactly what a gift card redemption does, and where the card goes", () => {
    expect(
      redemptionQuestion({
        ...base,
        item: { kind: "gift_card", name: "Amazon.com" },
        points: 250,
        faceValueMinor: 2500,
      }),
    ).toBe("Redeem 250 pts for a $25.00 Amazon.com gift card, sent to ana@acme.example?");
    expect(
      redemptionQuestion({
        ...base,
        deliveryMethod: "link",
        item: { kind: "gift_card", name: "Target" },
        points: 80,
        faceValueMinor: 800,
      }),
    ).toBe("Redeem 80 pts for an $8.00 Target gift card, as a link to open here?");
  });

  it("words a donation and a company reward for what they are", () => {
    expect(
      redemptionQuestion({
        ...base,
        item: { kind: "charity", name: "Doctors Without Borders" },
        points: 1250,
        faceValueMinor: 12_500,
      }),
    ).toBe("Redeem 1,250 pts for a $125.00 donation to Doctors Without Borders?");
    expect(
      redemptionQuestion({
        ...base,
        item: { kind: "custom", name: "An extra day off" },
        points: 2000,
        faceValueMinor: null,
      }),
    ).toBe("Redeem 2,000 pts · $200.00 for “An extra day off”?");
  });
});

describe("readableText", () => {
  it("turns a provider's HTML into text with its line breaks, markup removed", () => {
    expect(
      readableText(
        "<p>Valid at <b>participating</b> stores.</p><p>Terms &amp; conditions apply.<br/>No cash value.</p>",
      ),
    ).toBe("Valid at participating stores.\nTerms & conditions apply.\nNo cash value.");
    expect(readableText("<ul><li>Open the email</li><li>Scan the code</li></ul>")).toBe(
      "• Open the email\n• Scan the code",
    );
    expect(readableText("Caf&eacute; &#8212; &#x2014; &lt;b&gt; &quot;x&quot;")).toBe(
      'Caf&eacute; — — <b> "x"',
    );
    expect(readableText('<script>alert("x")</script>Plain')).toBe('alert("x")Plain');
    expect(readableText("Plain text\nstays as it is.")).toBe("Plain text\nstays as it is.");
  });
});

describe("denominationsAllow", () => {
  it("allows a fixed value, or a step inside a range, and nothing else", () => {
    expect(denominationsAllow(starbucks, 2500)).toBe(true);
    expect(denominationsAllow(starbucks, 2000)).toBe(false);
    expect(denominationsAllow(amazon, 500)).toBe(true);
    expect(denominationsAllow(amazon, 200_000)).toBe(true);
    expect(denominationsAllow(amazon, 2510)).toBe(true);
    expect(denominationsAllow(amazon, 2505)).toBe(false);
    expect(denominationsAllow(amazon, 490)).toBe(false);
    expect(denominationsAllow(amazon, 200_010)).toBe(false);
  });
});

describe("needsApproval", () => {
  it("waits for an admin when the reward asks, or when it costs more than the threshold", () => {
    expect(needsApproval(500, { requiresApproval: true }, null)).toBe(true);
    expect(needsApproval(500, { requiresApproval: false }, null)).toBe(false);
    expect(needsApproval(1000, { requiresApproval: false }, 1000)).toBe(false);
    expect(needsApproval(1001, { requiresApproval: false }, 1000)).toBe(true);
    expect(needsApproval(1, { requiresApproval: false }, 0)).toBe(true);
  });
});
