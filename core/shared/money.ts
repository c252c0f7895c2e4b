/** Points are worth money by an exact ratio: `points` points are worth `minor` minor units of `currency`. */
export interface PointValue {
  points: number;
  minor: number;
  currency: string;
}

/**
 * Money value of a number of points, in minor units, rounded half away from zero. Computed in BigInt so
 * that no balance, however large, passes through a float.
 */
export function pointsToMinor(points: number, value: PointValue): number {
  const numerator = BigInt(points) * BigInt(value.minor);
  const denominator = BigInt(value.points);
  const quotient = numerator / denominator;
  const remainder = numerator % denominator;
  const absRemainderTwice = (remainder < 0n ? -remainder : remainder) * 2n;
  if (absRemainderTwice < denominator) return Number(quotient);
  return Number(quotient + (numerator < 0n ? -1n : 1n));
}

const fractionDigitsCache = new Map<string, number>();

export function currencyFractionDigits(currency: string): number {
  let digits = fractionDigitsCache.get(currency);
  if (digits === undefined) {
    digits =
      new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ??
      2;
    fractionDigitsCache.set(currency, digits);
  }
  return digits;
}

// Building an Intl formatter costs tens of microseconds; a page showing hundreds of figures reuses them.
const formatters = new Map<string, Intl.NumberFormat>();

function cachedFormatter(key: string, create: () => Intl.NumberFormat): Intl.NumberFormat {
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = create();
    formatters.set(key, formatter);
  }
  return formatter;
}

function moneyFormatter(locale: string, currency: string, digits: number): Intl.NumberFormat {
  return cachedFormatter(
    `money|${locale}|${currency}`,
    () =>
      new Intl.NumberFormat(locale, {
        style: "currency",
        currency,
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      }),
  );
}

/** "$12.00", "¥1,200", "€3.50" from integer minor units, without float arithmetic on the amount. */
export function formatMoney(minor: number, currency: string, locale = "en-US"): string {
  const digits = currencyFractionDigits(currency);
  const negative = minor < 0;
  const digitsText = Math.abs(minor)
    .toString()
    .padStart(digits + 1, "0");
  const whole = digitsText.slice(0, digitsText.length - digits);
  const fraction = digits > 0 ? digitsText.slice(-digits) : "";
  // Format the whole part with grouping, then splice the exact fraction in as a string.
  const text = moneyFormatter(locale, currency, digits)
    .formatToParts(Number(whole))
    .map((part) => (part.type === "fraction" ? fraction : part.value))
    .join("");
  return negative ? `-${text}` : text;
}

/** "1 pt", "15 pts", "1,000,000 pts". */
export function formatPoints(points: number, locale = "en-US"): string {
  const figure = cachedFormatter(`points|${locale}`, () => new Intl.NumberFormat(locale)).format(points);
  return `${figure} ${Math.abs(points) === 1 ? "pt" : "pts"}`;
}

/** "120 pts · $12.00": every points figure a person sees carries its money value. */
export function formatPointsWithValue(points: number, value: PointValue, locale = "en-US"): string {
  return `${formatPoints(points, locale)} · ${formatMoney(pointsToMinor(points, value), value.currency, locale)}`;
}
