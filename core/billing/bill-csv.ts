import { currencyFractionDigits } from "../shared/money";
import { isoUtc, REFERS_TO_LINE } from "./bill-reading";

/** The columns of a bill's CSV, in their fixed order. */
export const BILL_COLUMNS = [
  "bill_number",
  "line",
  "line_type",
  "redemption_id",
  "requested_at",
  "fulfilled_at",
  "fulfilled_date",
  "person_id",
  "external_employee_id",
  "person_name",
  "person_email",
  "department",
  "cost_center",
  "reward_kind",
  "brand",
  "reward_name",
  "provider",
  "provider_order_id",
  "provider_reward_id",
  "product_id",
  "points",
  "point_value_points",
  "point_value_amount",
  "face_value",
  "billed_amount",
  "fee",
  "internal_cost",
  "currency",
  "status",
  "refers_to_bill",
  "refers_to_line",
] as const;

export type BillColumn = (typeof BILL_COLUMNS)[number];

/** A bill line as its files show it: every figure already in its final text form but money. */
export interface BillLineRecord {
  billNumber: string | null;
  line: number;
  lineType: "charge" | "credit" | "fee";
  redemptionId: string;
  /** ISO 8601 in UTC, to the millisecond. */
  requestedAt: string;
  fulfilledAt: string;
  fulfilledDate: string;
  personId: string;
  externalEmployeeId: string | null;
  personName: string;
  personEmail: string;
  department: string | null;
  costCenter: string | null;
  rewardKind: string;
  brand: string;
  rewardName: string;
  provider: string | null;
  providerOrderId: string | null;
  providerRewardId: string | null;
  productId: string | null;
  points: number;
  pointValuePoints: number;
  pointValueMinor: number;
  faceValueMinor: number;
  billedMinor: number;
  feeMinor: number;
  internalCostMinor: number | null;
  currency: string;
  status: string;
  refersToBill: string | null;
  refersToLine: number | null;
}

/** Integer minor units as a decimal with the currency's exponent: `-1234` in USD is `-12.34`. */
export function decimalAmount(minor: number, currency: string): string {
  const digits = currencyFractionDigits(currency);
  const sign = minor < 0 ? "-" : "";
  const text = Math.abs(minor)
    .toString()
    .padStart(digits + 1, "0");
  return digits === 0 ? `${sign}${text}` : `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

/**
 * Text a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage
 * return) gets a leading apostrophe, so a name like `=HYPERLINK(...)` stays a name.
 */
export function neutralised(text: string | null): string {
  if (text === null) return "";
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** A field that a reader would split, or whose edge spaces a spreadsheet would trim, goes in quotes. */
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

function csvField(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * RFC 4180: CRLF line ends, fields quoted only when they must be, quotes doubled; UTF-8 when written
 * out. Written here rather than with csv-stringify, which ran at a fifth of the speed: a million-line
 * bill spent most of its export quoting fields (tests read the result back with csv-parse).
 */
export function csvRows(rows: readonly (readonly string[])[]): string {
  let text = "";
  for (const row of rows) text += `${row.map(csvField).join(",")}\r\n`;
  return text;
}

export function billCsvHeader(): string {
  return csvRows([BILL_COLUMNS]);
}

/*
 * The same rules in SQL, for a bill's lines: at a million lines, the database renders each line's text
 * in the query that reads it, and the app only adds the bill number and line number. A test holds the
 * two renderings to the same bytes.
 */

/** What JavaScript's `\s`, which NEEDS_QUOTES uses, matches, as the characters themselves. */
const SPACES =
  "\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff";
/** The spaces a neutralised cell can start with: the apostrophe covers a leading tab or carriage return. */
const SPACES_AFTER_NEUTRALISING = SPACES.replace(/[\t\r]/g, "");

/** NEEDS_QUOTES for a text expression, where `leading` are the spaces that count at its start. */
const sqlNeedsQuotes = (text: string, leading: string) =>
  `(strpos(${text}, '"') > 0 or strpos(${text}, ',') > 0 or strpos(${text}, E'\\r') > 0
    or strpos(${text}, E'\\n') > 0 or (${text} <> '' and (strpos('${leading}', left(${text}, 1)) > 0
    or strpos('${SPACES}', right(${text}, 1)) > 0)))`;

const sqlQuoted = (text: string) => `'"' || replace(${text}, '"', '""') || '"'`;

/** `csvField` of a text expression that is never null. */
export const sqlCsvField = (text: string) =>
  `case when ${sqlNeedsQuotes(text, SPACES)} then ${sqlQuoted(text)} else ${text} end`;

/** `neutralised` of a nullable text column. */
const sqlNeutralised = (column: string) =>
  String.raw`case when left(${column}, 1) in ('=', '+', '-', '@', E'\t', E'\r') then '''' || ${column} else coalesce(${column}, '') end`;

/**
 * `csvField(neutralised(column))` of a nullable text column, asked of the column itself (the apostrophe
 * neutralising adds needs no quotes), so that each rule runs once per cell.
 */
export const sqlCsvText = (column: string) =>
  `case when ${sqlNeedsQuotes(column, SPACES_AFTER_NEUTRALISING)} then ${sqlQuoted(sqlNeutralised(column))} else ${sqlNeutralised(column)} end`;

/**
 * `decimalAmount` of an integer column of minor units in `currency` (the shorter way first: most
 * amounts are not negative).
 */
export function sqlDecimal(column: string, currency: string): string {
  const digits = currencyFractionDigits(currency);
  if (digits === 0) return `${column}::text`;
  const unit = 10 ** digits;
  const unsigned = (value: string) =>
    `(${value} / ${unit})::text || '.' || lpad((${value} % ${unit})::text, ${digits}, '0')`;
  return `case when ${column} >= 0 then ${unsigned(column)} else '-' || ${unsigned(`abs(${column})`)} end`;
}

/** The free text of a line, in CSV order: what a person, a provider or an admin wrote. */
const FREE_TEXT = [
  "external_employee_id",
  "person_name",
  "person_email",
  "department",
  "cost_center",
  "brand",
  "reward_name",
  "provider_order_id",
  "provider_reward_id",
  "product_id",
] as const;
type FreeText = (typeof FREE_TEXT)[number];

/**
 * Whether any free text of line `l` may need neutralising or quotes: one regular expression over the
 * cells joined by U+0001, true for a cell that holds a quote, comma or line break, or starts with a
 * space or a formula's first character, or ends with a space. Nearly every line has none, and takes
 * its text as it is.
 */
const ANY_TEXT_NEEDS_CARE = `concat_ws(E'\\x01', ${FREE_TEXT.map((name) => `l.${name}`).join(", ")})
  ~ '[",\\r\\n]|(^|\\u0001)[=+@${SPACES}-]|[${SPACES}](\\u0001|$)'`;

/**
 * One column over `bill_lines l`, and a credit's `rl` and `rb`, as `billLinePages` reads them: a line's
 * CSV cells from `line_type` on, by the rules above, without the line end.
 */
export function sqlBillLineCells(currency: string): string {
  const money = (column: string) => sqlDecimal(column, currency);
  const line = (text: (name: FreeText) => string) =>
    `concat_ws(',', ${[
      "l.line_type::text",
      "l.redemption_id::text",
      isoUtc("l.requested_at"),
      isoUtc("l.fulfilled_at"),
      "l.fulfilled_date::text",
      "l.person_id::text",
      text("external_employee_id"),
      text("person_name"),
      text("person_email"),
      text("department"),
      text("cost_center"),
      "l.reward_kind::text",
      text("brand"),
      text("reward_name"),
      "coalesce(l.provider::text, '')",
      text("provider_order_id"),
      text("provider_reward_id"),
      text("product_id"),
      "l.points::text",
      "l.point_value_points::text",
      money("l.point_value_minor"),
      money("l.face_value_minor"),
      money("l.billed_minor"),
      money("l.fee_minor"),
      `coalesce(${money("l.internal_cost_minor")}, '')`,
      "l.currency::text",
      sqlCsvField("l.status"),
      // A credit's bill and line; nothing, in two cells, for any other line.
      `case when l.refers_to_line_id is null then ',' else coalesce(${sqlCsvField("rb.number")}, '')
        || ',' || coalesce((${REFERS_TO_LINE})::text, '') end`,
    ].join(", ")})`;
  return `case when ${ANY_TEXT_NEEDS_CARE} then ${line((name) => sqlCsvText(`l.${name}`))}
    else ${line((name) => `coalesce(l.${name}, '')`)} end`;
}
