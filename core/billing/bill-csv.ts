import { currencyFractionDigits } from "../shared/money";

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

const optional = (value: string | number | null) => (value === null ? "" : String(value));

/** The cells of one line, in column order. Numbers and ids are ours; every free text is neutralised. */
export function billLineCells(line: BillLineRecord): string[] {
  const money = (minor: number) => decimalAmount(minor, line.currency);
  return [
    optional(line.billNumber),
    String(line.line),
    line.lineType,
    line.redemptionId,
    line.requestedAt,
    line.fulfilledAt,
    line.fulfilledDate,
    line.personId,
    neutralised(line.externalEmployeeId),
    neutralised(line.personName),
    neutralised(line.personEmail),
    neutralised(line.department),
    neutralised(line.costCenter),
    line.rewardKind,
    neutralised(line.brand),
    neutralised(line.rewardName),
    optional(line.provider),
    neutralised(line.providerOrderId),
    neutralised(line.providerRewardId),
    neutralised(line.productId),
    String(line.points),
    String(line.pointValuePoints),
    money(line.pointValueMinor),
    money(line.faceValueMinor),
    money(line.billedMinor),
    money(line.feeMinor),
    line.internalCostMinor === null ? "" : money(line.internalCostMinor),
    line.currency,
    line.status,
    optional(line.refersToBill),
    optional(line.refersToLine),
  ];
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
