import { currencyFractionDigits } from "../core/shared/money";

/**
 * Provider APIs put money in JSON numbers of currency units (`25.5` USD); Plaudit keeps integer minor
 * units. Both directions go through the number's decimal text, so no amount is ever multiplied or
 * divided as a float: `0.29 * 100` is 28.999999999999996, `"0.29"` shifted two places is 29.
 */

// JavaScript prints a number as the shortest text that reads back to it, in exponent form past 1e21 or
// below 1e-6, which is exactly the text the JSON carried for any amount a provider sends.
const NUMBER_TEXT = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/;

/** Integer minor units of an amount in currency units; refuses more decimals than the currency has. */
export function minorFromAmount(amount: number, currency: string): number {
  const match = Number.isFinite(amount) ? NUMBER_TEXT.exec(String(amount)) : null;
  if (!match) throw new RangeError(`${amount} is not an amount of money.`);
  const [, sign = "", whole = "", fraction = "", exponentText = "0"] = match;
  const exponent = Number(exponentText);
  // The amount's digits without the point, and where the point stands counted from their right.
  const digits = whole + fraction;
  const decimals = fraction.length - exponent;
  const places = currencyFractionDigits(currency);
  const significantDecimals = decimals - trailingZeros(digits, decimals);
  if (significantDecimals > places) {
    throw new RangeError(`${amount} ${currency} has more than ${places} decimal places.`);
  }
  const shift = places - decimals;
  const minorText = shift >= 0 ? digits + "0".repeat(shift) : digits.slice(0, shift);
  const minor = BigInt(sign + minorText);
  if (minor > BigInt(Number.MAX_SAFE_INTEGER) || minor < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new RangeError(`${amount} ${currency} is too large to count in minor units exactly.`);
  }
  return Number(minor);
}

/** How many of the digits after the point (at most `decimals` of them) are trailing zeros. */
function trailingZeros(digits: string, decimals: number): number {
  let count = 0;
  while (count < decimals && digits[digits.length - 1 - count] === "0") count++;
  return count;
}

/**
 * The JSON number for integer minor units: the decimal text is built first ("2550" -> "25.50") and
 * read once. Refuses what a JSON number cannot carry exactly (beyond about 15 significant digits).
 */
export function amountFromMinor(minor: number, currency: string): number {
  if (!Number.isSafeInteger(minor)) throw new RangeError(`${minor} is not a whole number of minor units.`);
  const places = currencyFractionDigits(currency);
  const digits = Math.abs(minor)
    .toString()
    .padStart(places + 1, "0");
  const whole = digits.slice(0, digits.length - places);
  const text = `${minor < 0 ? "-" : ""}${whole}${places > 0 ? `.${digits.slice(-places)}` : ""}`;
  const amount = Number(text);
  if (minorFromAmount(amount, currency) !== minor) {
    throw new RangeError(`${text} ${currency} has too many digits to send as a JSON number exactly.`);
  }
  return amount;
}
