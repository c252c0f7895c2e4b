import { decimalAmount } from "./bill-csv";

/**
 * Text as the PDF's font can draw it. The bill uses Helvetica, one of the fonts every PDF reader has,
 * so the file embeds no font and stays small; it draws Windows-1252 (Latin-1 and a few typographic
 * marks) and nothing else. A letter with an accent it lacks loses the accent (ő → o); anything else it
 * cannot draw (emoji, CJK, other scripts) becomes "?", and control characters such as a newline inside
 * a name become spaces. The CSV and JSON files carry every name exactly.
 */
export function pdfText(text: string): string {
  let drawn = "";
  for (const character of text.normalize("NFC")) {
    if (drawable(character)) drawn += character;
    else if (/[\p{Cc}\p{Zl}\p{Zp}]/u.test(character)) drawn += " ";
    // Joiners, variation selectors and accents left alone are parts of a character, not characters.
    else if (/^(?:\p{Cf}|\p{Mn})$/u.test(character)) continue;
    else drawn += decomposed(character) ?? "?";
  }
  return drawn;
}

/** The 27 characters Windows-1252 puts where Latin-1 has control codes (0x80–0x9F). */
const WINDOWS_1252_EXTRAS = new Set(
  [
    0x152, 0x153, 0x160, 0x161, 0x178, 0x17d, 0x17e, 0x192, 0x2c6, 0x2dc, 0x2013, 0x2014, 0x2018, 0x2019,
    0x201a, 0x201c, 0x201d, 0x201e, 0x2020, 0x2021, 0x2022, 0x2026, 0x2030, 0x2039, 0x203a, 0x20ac, 0x2122,
  ].map((code) => String.fromCodePoint(code)),
);

function drawable(character: string): boolean {
  const code = character.codePointAt(0) ?? 0;
  return (
    (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WINDOWS_1252_EXTRAS.has(character)
  );
}

/** The letter under its accents, when the font draws it: `ő` is `o` and a double acute. */
function decomposed(character: string): string | undefined {
  const parts = [...character.normalize("NFKD")].filter((part) => !/\p{Mn}/u.test(part));
  return parts.length > 0 && parts.every(drawable) ? parts.join("") : undefined;
}

/**
 * The longest start of `text` that fits `width` when drawn, with an ellipsis when it was cut, so that
 * every table row is one line high (which is what lets the bill count its pages before drawing them).
 */
export function fitted(text: string, width: number, widthOf: (text: string) => number): string {
  if (widthOf(text) <= width) return text;
  let low = 0;
  let high = text.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (widthOf(`${text.slice(0, middle).trimEnd()}…`) <= width) low = middle;
    else high = middle - 1;
  }
  return low === 0 ? "…" : `${text.slice(0, low).trimEnd()}…`;
}

/** `1,234.50`: the currency's decimals, grouped by thousands for reading (the files never group). */
export function groupedAmount(minor: number, currency: string): string {
  const [whole = "", fraction] = decimalAmount(minor, currency).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

export function groupedNumber(value: number): string {
  return value.toLocaleString("en-US");
}

/** `November 2026` for `2026-11`. */
export function periodInWords(period: string): string {
  const [year = 0, month = 1] = period.split("-").map(Number);
  return new Intl.DateTimeFormat("en-US", { month: "long", year: "numeric", timeZone: "UTC" }).format(
    new Date(Date.UTC(year, month - 1, 15)),
  );
}

/** `3 December 2026`, the day an instant falls on in the bill's time zone. */
export function dayInWords(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone,
  }).format(instant);
}

/** `3 December 2026, 09:15 EST`: an instant as people in the bill's time zone read it. */
export function momentInWords(instant: Date, timeZone: string): string {
  // en-US names zones as people there say them (EST, CET); en-GB would write GMT-5.
  const time = new Intl.DateTimeFormat("en-US", {
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZone,
    timeZoneName: "short",
  }).format(instant);
  return `${dayInWords(instant, timeZone)}, ${time}`;
}
