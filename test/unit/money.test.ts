import { describe, expect, it } from "vitest";
import {
  formatMoney,
  formatPoints,
  formatPointsWithValue,
  type PointValue,
  pointsToMinor,
} from "../../core/shared/money";

const tenPerDollar: PointValue = { points: 10, minor: 100, currency: "USD" };
const threeForOneEuro: PointValue = { points: 3, minor: 100, currency: "EUR" };
const twoPerCent: PointValue = { points: 2, minor: 1, currency: "USD" };

describe("pointsToMinor", () => {
  it("converts exact ratios without rounding", () => {
    expect(pointsToMinor(0, tenPerDollar)).toBe(0);
    expect(pointsToMinor(10, tenPerDollar)).toBe(100);
    expect(pointsToMinor(120, tenPerDollar)).toBe(1200);
    expect(pointsToMinor(1, tenPerDollar)).toBe(10);
    expect(pointsToMinor(7, { points: 1, minor: 250, currency: "USD" })).toBe(1750);
    expect(pointsToMinor(1200, { points: 1, minor: 1, currency: "JPY" })).toBe(1200);
  });

  it("rounds a non-trivial ratio to the nearest minor unit (3 pts = 100 minor)", () => {
    expect(pointsToMinor(1, threeForOneEuro)).toBe(33); // 33.33
    expect(pointsToMinor(2, threeForOneEuro)).toBe(67); // 66.67
    expect(pointsToMinor(3, threeForOneEuro)).toBe(100);
    expect(pointsToMinor(4, threeForOneEuro)).toBe(133); // 133.33
    expect(pointsToMinor(5, threeForOneEuro)).toBe(167); // 166.67
    expect(pointsToMinor(100, threeForOneEuro)).toBe(3333); // 3333.33
    expect(pointsToMinor(-2, threeForOneEuro)).toBe(-67);
  });

  it("rounds exact halves away from zero, in both directions", () => {
    expect(pointsToMinor(1, twoPerCent)).toBe(1); // 0.5
    expect(pointsToMinor(3, twoPerCent)).toBe(2); // 1.5
    expect(pointsToMinor(5, twoPerCent)).toBe(3); // 2.5: not banker's rounding
    expect(pointsToMinor(-1, twoPerCent)).toBe(-1); // -0.5
    expect(pointsToMinor(-3, twoPerCent)).toBe(-2); // -1.5
    expect(pointsToMinor(-5, twoPerCent)).toBe(-3); // -2.5
  });

  it("rounds just below and just above a half towards the nearest unit", () => {
    const tenthOfACent: PointValue = { points: 10, minor: 1, currency: "USD" };
    expect(pointsToMinor(14, tenthOfACent)).toBe(1); // 1.4
    expect(pointsToMinor(15, tenthOfACent)).toBe(2); // 1.5
    expect(pointsToMinor(16, tenthOfACent)).toBe(2); // 1.6
    expect(pointsToMinor(-14, tenthOfACent)).toBe(-1);
    expect(pointsToMinor(-15, tenthOfACent)).toBe(-2);
    expect(pointsToMinor(-16, tenthOfACent)).toBe(-2);
  });

  it("is worth nothing when the org sets a point value of zero", () => {
    expect(pointsToMinor(500, { points: 10, minor: 0, currency: "USD" })).toBe(0);
  });

  it("stays exact for huge balances where floating-point division would be off by one", () => {
    // 9007199254740991 / 3 = 3002399751580330.33...; in doubles the division rounds up to ...331.
    const third: PointValue = { points: 3, minor: 1, currency: "USD" };
    expect(pointsToMinor(Number.MAX_SAFE_INTEGER, third)).toBe(3_002_399_751_580_330);
    expect(pointsToMinor(-Number.MAX_SAFE_INTEGER, third)).toBe(-3_002_399_751_580_330);
    // The product (27021597764222973) is beyond 2^53; the quotient 3860228252031853.29 is not.
    expect(pointsToMinor(Number.MAX_SAFE_INTEGER, { points: 7, minor: 3, currency: "USD" })).toBe(
      3_860_228_252_031_853,
    );
    expect(pointsToMinor(900_719_925_474_099, tenPerDollar)).toBe(9_007_199_254_740_990);
  });

  it("refuses fractional points rather than silently truncating them", () => {
    expect(() => pointsToMinor(1.5, tenPerDollar)).toThrow(RangeError);
  });
});

describe("formatMoney", () => {
  it("formats USD with two decimals and grouping", () => {
    expect(formatMoney(1200, "USD")).toBe("$12.00");
    expect(formatMoney(5, "USD")).toBe("$0.05");
    expect(formatMoney(0, "USD")).toBe("$0.00");
    expect(formatMoney(123_456_789, "USD")).toBe("$1,234,567.89");
  });

  it("formats JPY with no decimals", () => {
    expect(formatMoney(1200, "JPY")).toBe("¥1,200");
    expect(formatMoney(7, "JPY")).toBe("¥7");
    expect(formatMoney(0, "JPY")).toBe("¥0");
  });

  it("formats EUR, in English and in a locale that puts the symbol after the amount", () => {
    expect(formatMoney(350, "EUR")).toBe("€3.50");
    expect(formatMoney(123_456, "EUR")).toBe("€1,234.56");
    expect(formatMoney(350, "EUR", "de-DE")).toBe("3,50\u00a0€");
    expect(formatMoney(123_456, "EUR", "de-DE")).toBe("1.234,56\u00a0€");
  });

  it("formats currencies with three decimals", () => {
    expect(formatMoney(1234, "KWD")).toBe("KWD\u00a01.234");
  });

  it("formats negative amounts with a leading minus", () => {
    expect(formatMoney(-1234, "USD")).toBe("-$12.34");
    expect(formatMoney(-5, "USD")).toBe("-$0.05");
    expect(formatMoney(-1200, "JPY")).toBe("-¥1,200");
    expect(formatMoney(-350, "EUR")).toBe("-€3.50");
  });

  it("keeps every digit of the fraction exact (no float arithmetic on the amount)", () => {
    // 0.29 * 100 and similar are inexact in binary floating point.
    expect(formatMoney(29, "USD")).toBe("$0.29");
    expect(formatMoney(1_000_000_001, "USD")).toBe("$10,000,000.01");
    expect(formatMoney(999_999_999_999_99, "USD")).toBe("$999,999,999,999.99");
  });
});

describe("formatPointsWithValue", () => {
  it("shows points with their money value beside them", () => {
    expect(formatPointsWithValue(120, tenPerDollar)).toBe("120 pts · $12.00");
    expect(formatPointsWithValue(0, tenPerDollar)).toBe("0 pts · $0.00");
    expect(formatPointsWithValue(1234, tenPerDollar)).toBe("1,234 pts · $123.40");
  });

  it("uses the org's ratio and currency", () => {
    expect(formatPointsWithValue(100, threeForOneEuro)).toBe("100 pts · €33.33");
    expect(formatPointsWithValue(2, threeForOneEuro)).toBe("2 pts · €0.67");
    expect(formatPointsWithValue(1500, { points: 1, minor: 1, currency: "JPY" })).toBe("1,500 pts · ¥1,500");
  });

  it("formats the points figure on its own", () => {
    expect(formatPoints(15)).toBe("15 pts");
    expect(formatPoints(1)).toBe("1 pt");
    expect(formatPoints(-1)).toBe("-1 pt");
    expect(formatPoints(0)).toBe("0 pts");
    expect(formatPoints(1_000_000)).toBe("1,000,000 pts");
  });
});
