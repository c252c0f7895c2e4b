import { currencyFractionDigits } from "@/core/shared/money";

export type MoneyInput = { ok: true; minor: number } | { ok: false; message: string };

/**
 * An amount as a person types it ("1.50", "1", ".5") in integer minor units of `currency`, split as text
 * so that no float ever rounds it: "0.29" is exactly 29 cents. More decimals than the currency has are
 * refused rather than rounded.
 */
export function parseMoneyInput(text: string, currency: string): MoneyInput {
  const digits = currencyFractionDigits(currency);
  const match = /^(\d*)(?:\.(\d*))?$/.exec(text.trim());
  const whole = match?.[1] ?? "";
  const fraction = match?.[2] ?? "";
  if (!match || (whole === "" && fraction === "")) {
    return {
      ok: false,
      message: digits > 0 ? `Enter an amount like 1.${"0".repeat(digits)}.` : "Enter an amount like 1.",
    };
  }
  if (fraction.length > digits) {
    return {
      ok: false,
      message:
        digits === 0
          ? `${currency} amounts are whole numbers.`
          : `${currency} amounts have at most ${digits} decimal place${digits === 1 ? "" : "s"}.`,
    };
  }
  const minor = BigInt(`${whole || "0"}${fraction.padEnd(digits, "0")}`);
  // Anything past the safe range is far above what the settings accept; let the use case say so.
  return {
    ok: true,
    minor: minor > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(minor),
  };
}

/** Minor units as the decimal text the money field shows: 150 USD is "1.50", 150 JPY is "150". */
export function moneyInputText(minor: number, currency: string): string {
  const digits = currencyFractionDigits(currency);
  if (digits === 0) return String(minor);
  const text = String(minor).padStart(digits + 1, "0");
  return `${text.slice(0, -digits)}.${text.slice(-digits)}`;
}
