/** The countries offered as tick boxes; any other is typed as its ISO code. */
export const COMMON_COUNTRIES = [
  "US",
  "CA",
  "MX",
  "BR",
  "GB",
  "IE",
  "FR",
  "DE",
  "NL",
  "ES",
  "IT",
  "PL",
  "SE",
  "IN",
  "SG",
  "JP",
  "AU",
] as const;

const names = new Intl.DisplayNames(["en"], { type: "region", fallback: "none" });

/** Region codes that name no country people live in, though Intl can name them. */
const NOT_COUNTRIES = new Set(["EU", "EZ", "UN", "ZZ", "QO", "AQ"]);

/** "United States" for US; null for anything that isn't an ISO 3166 country code. */
export function countryName(code: string): string | null {
  if (!/^[A-Z]{2}$/.test(code) || NOT_COUNTRIES.has(code) || code === "UK") return null;
  return names.of(code) ?? null;
}

export type CountryChoice = { ok: true; codes: string[] } | { ok: false; message: string };

/**
 * The countries an admin chose: the boxes ticked plus the codes typed ("pt, se; NO"), in the order
 * given, without repeats. A typed word that is not a country code is refused by name.
 */
export function parseCountryCodes(ticked: readonly string[], typed: string): CountryChoice {
  const codes: string[] = [];
  for (const word of [...ticked, ...typed.split(/[\s,;]+/)]) {
    const code = word.trim().toUpperCase();
    if (code === "") continue;
    if (code === "UK") return { ok: false, message: "Use GB for the United Kingdom." };
    if (!countryName(code)) {
      return {
        ok: false,
        message: `“${word.trim()}” isn't a country code. Use two-letter ISO codes, such as PT or SE.`,
      };
    }
    if (!codes.includes(code)) codes.push(code);
  }
  if (codes.length === 0) return { ok: false, message: "Offer rewards in at least one country." };
  return { ok: true, codes };
}

/** Saved countries as the form shows them: the common ones ticked, the rest typed. */
export function splitCountries(saved: readonly string[]): { ticked: string[]; typed: string } {
  const common: readonly string[] = COMMON_COUNTRIES;
  return {
    ticked: saved.filter((code) => common.includes(code)),
    typed: saved.filter((code) => !common.includes(code)).join(", "),
  };
}
