import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { amountFromMinor, minorFromAmount } from "../../providers/decimal-amounts";

describe("minorFromAmount", () => {
  it("shifts the decimal point by the currency's exponent (USD 2, JPY 0, KWD 3)", () => {
    expect(minorFromAmount(25.5, "USD")).toBe(2550);
    expect(minorFromAmount(25, "USD")).toBe(2500);
    expect(minorFromAmount(0.01, "USD")).toBe(1);
    expect(minorFromAmount(0, "USD")).toBe(0);
    expect(minorFromAmount(1200, "JPY")).toBe(1200);
    expect(minorFromAmount(1.234, "KWD")).toBe(1234);
    expect(minorFromAmount(1.2, "KWD")).toBe(1200);
    expect(minorFromAmount(-3.5, "EUR")).toBe(-350);
  });

  it("is exact where multiplying the float is not", () => {
    // 0.29 * 100 === 28.999999999999996 and 1.005 * 1000 === 1004.9999999999999 in doubles.
    expect(minorFromAmount(0.29, "USD")).toBe(29);
    expect(minorFromAmount(1.005, "KWD")).toBe(1005);
    expect(minorFromAmount(4.35, "USD")).toBe(435);
  });

  it("refuses more decimals than the currency has", () => {
    expect(() => minorFromAmount(25.555, "USD")).toThrow(/more than 2 decimal places/);
    expect(() => minorFromAmount(0.5, "JPY")).toThrow(/more than 0 decimal places/);
    expect(() => minorFromAmount(1.2345, "KWD")).toThrow(/more than 3 decimal places/);
    expect(() => minorFromAmount(1e-7, "USD")).toThrow(RangeError);
  });

  it("refuses what is not an amount, and amounts past the safe integers", () => {
    expect(() => minorFromAmount(Number.NaN, "USD")).toThrow(RangeError);
    expect(() => minorFromAmount(Number.POSITIVE_INFINITY, "USD")).toThrow(RangeError);
    // JavaScript prints these in exponent form; they are read, then refused for their size.
    expect(() => minorFromAmount(1e21, "USD")).toThrow(/too large/);
    expect(() => minorFromAmount(1.5e300, "JPY")).toThrow(/too large/);
    expect(() => minorFromAmount(90_071_992_547_410, "USD")).toThrow(/too large/);
  });

  it("reads big values digit for digit", () => {
    expect(minorFromAmount(Number.MAX_SAFE_INTEGER, "JPY")).toBe(Number.MAX_SAFE_INTEGER);
    expect(minorFromAmount(1_234_567_890_123.45, "USD")).toBe(123_456_789_012_345);
    expect(minorFromAmount(90_071_992_547_409.9, "USD")).toBe(9_007_199_254_740_990);
  });
});

describe("amountFromMinor", () => {
  it("builds the decimal text before reading it as a number", () => {
    expect(amountFromMinor(2550, "USD")).toBe(25.5);
    expect(amountFromMinor(5, "USD")).toBe(0.05);
    expect(amountFromMinor(1200, "JPY")).toBe(1200);
    expect(amountFromMinor(1005, "KWD")).toBe(1.005);
    expect(amountFromMinor(-350, "EUR")).toBe(-3.5);
    expect(JSON.stringify({ denomination: amountFromMinor(29, "USD") })).toBe('{"denomination":0.29}');
  });

  it("refuses fractions of a minor unit and numbers JSON cannot carry exactly", () => {
    expect(() => amountFromMinor(2.5, "USD")).toThrow(RangeError);
    expect(() => amountFromMinor(Number.MAX_SAFE_INTEGER + 1, "USD")).toThrow(RangeError);
    // Sixteen significant digits: the nearest double reads back as another amount.
    expect(() => amountFromMinor(9_007_199_254_740_991, "USD")).toThrow(RangeError);
  });

  it("round-trips every amount of up to fifteen significant digits, in each exponent", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -999_999_999_999_999, max: 999_999_999_999_999 }),
        fc.constantFrom("USD", "JPY", "KWD"),
        (minor, currency) => minorFromAmount(amountFromMinor(minor, currency), currency) === minor,
      ),
    );
  });
});
