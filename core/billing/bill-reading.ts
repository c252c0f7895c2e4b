import { and, eq } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { bills } from "../../db/schema";
import { DomainError } from "../shared/errors";
import type { BillLineRecord } from "./bill-csv";
import { billLinePages, LINE_BATCH, type LinePosition, positionOf, type Row } from "./bill-pages";

export type BillRow = typeof bills.$inferSelect;

export async function findBill(db: Executor, orgId: string, period: string): Promise<BillRow> {
  const [bill] = await db
    .select()
    .from(bills)
    .where(and(eq(bills.orgId, orgId), eq(bills.period, period)));
  if (!bill) {
    throw new DomainError("not_found", `There is no bill for ${period}: nothing was redeemed that month.`, {
      field: "period",
    });
  }
  return bill;
}

/**
 * A line, where the next page starts after it, and for a credit the month of the bill it corrects (which
 * has no number yet while that bill is a draft).
 */
export type PlacedBillLine = BillLineRecord & { position: LinePosition; refersToPeriod: string | null };

const ISO_UTC = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;

/** A time as its files show it: ISO 8601 in UTC, to the millisecond. */
export const isoUtc = (column: string) => `to_char(${column} at time zone 'UTC', ${ISO_UTC})`;

/** The number of line `line` (an alias of `bill_lines`): its place in its bill's order. */
export const placeOfLine = (
  line: string,
) => `(select count(*)::int from bill_lines x where x.bill_id = ${line}.bill_id
    and (x.occurred_at, x.redemption_id, x.line_type) <= (${line}.occurred_at, ${line}.redemption_id, ${line}.line_type))`;

/**
 * The number of the line a credit corrects: stored on the credit once that line's bill has closed, and
 * until then its place in the draft. Null for other lines.
 */
export const REFERS_TO_LINE = `case when rl.id is not null then coalesce(l.refers_to_line_number, ${placeOfLine("rl")}) end`;

/**
 * The columns a page reads, in the order `toLine` takes them. Times come formatted by the database and
 * rows come as arrays: at a million lines, parsing dates and building objects cost more than the query.
 */
const LINE_COLUMNS = `${isoUtc("l.requested_at")}, ${isoUtc("l.fulfilled_at")},
  l.fulfilled_date, l.person_id, l.external_employee_id, l.person_name, l.person_email, l.department,
  l.cost_center, l.reward_kind, l.brand, l.reward_name, l.provider, l.provider_order_id, l.provider_reward_id,
  l.product_id, l.points, l.point_value_points, l.point_value_minor, l.face_value_minor, l.billed_minor,
  l.fee_minor, l.internal_cost_minor, l.currency, l.status, rb.number, rb.period, ${REFERS_TO_LINE}`;

const text = (row: Row, index: number) => {
  const cell = row[index];
  return cell === null || cell === undefined ? null : String(cell);
};
const whole = (row: Row, index: number) => Number(row[index] ?? 0);

function toLine(bill: BillRow, row: Row, line: number): PlacedBillLine {
  return {
    position: positionOf(row, line),
    billNumber: bill.number,
    line,
    lineType: String(row[2]) as BillLineRecord["lineType"],
    redemptionId: String(row[1]),
    requestedAt: String(row[3]),
    fulfilledAt: String(row[4]),
    fulfilledDate: String(row[5]),
    personId: String(row[6]),
    externalEmployeeId: text(row, 7),
    personName: String(row[8]),
    personEmail: String(row[9]),
    department: text(row, 10),
    costCenter: text(row, 11),
    rewardKind: String(row[12]),
    brand: String(row[13]),
    rewardName: String(row[14]),
    provider: text(row, 15),
    providerOrderId: text(row, 16),
    providerRewardId: text(row, 17),
    productId: text(row, 18),
    points: whole(row, 19),
    pointValuePoints: whole(row, 20),
    pointValueMinor: whole(row, 21),
    faceValueMinor: whole(row, 22),
    billedMinor: whole(row, 23),
    feeMinor: whole(row, 24),
    internalCostMinor: text(row, 25) === null ? null : whole(row, 25),
    currency: String(row[26]),
    status: String(row[27]),
    refersToBill: text(row, 28),
    refersToPeriod: text(row, 29),
    refersToLine: text(row, 30) === null ? null : whole(row, 30),
  };
}

/** A bill's lines as records, batch after batch in the bill's order; a credit names the line it corrects. */
export async function* billLineBatches(
  db: Executor,
  bill: BillRow,
  from: LinePosition | null = null,
  batchSize = LINE_BATCH,
): AsyncGenerator<PlacedBillLine[]> {
  for await (const { rows, linesBefore } of billLinePages(db, bill, LINE_COLUMNS, { from, batchSize })) {
    yield rows.map((row, index) => toLine(bill, row, linesBefore + index + 1));
  }
}
