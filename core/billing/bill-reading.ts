import { and, eq } from "drizzle-orm";
import { type Executor, sqlOf } from "../../db/client";
import { bills } from "../../db/schema";
import { DomainError } from "../shared/errors";
import type { BillLineRecord } from "./bill-csv";

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

/** Where a page of lines starts: after this line (its place in the bill's order, and its number). */
export interface LinePosition {
  occurredAt: string;
  redemptionId: string;
  lineType: string;
  line: number;
}

/** How many lines are read at once: enough to keep the database busy, few enough to keep memory flat. */
export const LINE_BATCH = 2000;

/**
 * A line, where the next page starts after it, and for a credit the month of the bill it corrects (which
 * has no number yet while that bill is a draft).
 */
export type PlacedBillLine = BillLineRecord & { position: LinePosition; refersToPeriod: string | null };

const ISO_UTC = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;

/**
 * The columns a page reads, in the order `toLine` takes them. Times come formatted by the database and
 * rows come as arrays: at a million lines, parsing dates and building objects cost more than the query.
 */
const LINE_COLUMNS = `l.line_number, l.line_type, to_json(l.occurred_at) #>> '{}', l.redemption_id,
  to_char(l.requested_at at time zone 'UTC', ${ISO_UTC}), to_char(l.fulfilled_at at time zone 'UTC', ${ISO_UTC}),
  l.fulfilled_date, l.person_id, l.external_employee_id, l.person_name, l.person_email, l.department,
  l.cost_center, l.reward_kind, l.brand, l.reward_name, l.provider, l.provider_order_id, l.provider_reward_id,
  l.product_id, l.points, l.point_value_points, l.point_value_minor, l.face_value_minor, l.billed_minor,
  l.fee_minor, l.internal_cost_minor, l.currency, l.status, rb.number, rb.period,
  -- Only a credit refers to a line (the count below is 0, not null, for one that corrects nothing);
  -- a line still on an open bill is numbered by its place there.
  case when rl.id is not null then coalesce(rl.line_number, (
    select count(*)::int from bill_lines x where x.bill_id = rl.bill_id
      and (x.occurred_at, x.redemption_id, x.line_type) <= (rl.occurred_at, rl.redemption_id, rl.line_type)
  )) end`;

function pageQuery(after: LinePosition | null): string {
  const keyset = after
    ? "and (l.occurred_at, l.redemption_id, l.line_type) > ($4::timestamptz, $5::uuid, $6::bill_line_type)"
    : "";
  return `select ${LINE_COLUMNS}
    from bill_lines l
    left join bill_lines rl on rl.id = l.refers_to_line_id
    left join bills rb on rb.id = rl.bill_id
    where l.bill_id = $1 and l.org_id = $2 ${keyset}
    order by l.occurred_at, l.redemption_id, l.line_type
    limit $3`;
}

type Cell = string | number | null;
type Row = Cell[];
const text = (row: Row, index: number) => {
  const cell = row[index];
  return cell === null || cell === undefined ? null : String(cell);
};
const whole = (row: Row, index: number) => Number(row[index] ?? 0);

function toLine(bill: BillRow, row: Row, counter: number): PlacedBillLine {
  const stored = row[0];
  const lineType = String(row[1]) as BillLineRecord["lineType"];
  return {
    position: { occurredAt: String(row[2]), redemptionId: String(row[3]), lineType, line: counter },
    billNumber: bill.number,
    line: stored === null || stored === undefined ? counter : Number(stored),
    lineType,
    redemptionId: String(row[3]),
    requestedAt: String(row[4]),
    fulfilledAt: String(row[5]),
    fulfilledDate: String(row[6]),
    personId: String(row[7]),
    externalEmployeeId: text(row, 8),
    personName: String(row[9]),
    personEmail: String(row[10]),
    department: text(row, 11),
    costCenter: text(row, 12),
    rewardKind: String(row[13]),
    brand: String(row[14]),
    rewardName: String(row[15]),
    provider: text(row, 16),
    providerOrderId: text(row, 17),
    providerRewardId: text(row, 18),
    productId: text(row, 19),
    points: whole(row, 20),
    pointValuePoints: whole(row, 21),
    pointValueMinor: whole(row, 22),
    faceValueMinor: whole(row, 23),
    billedMinor: whole(row, 24),
    feeMinor: whole(row, 25),
    internalCostMinor: text(row, 26) === null ? null : whole(row, 26),
    currency: String(row[27]),
    status: String(row[28]),
    refersToBill: text(row, 29),
    refersToPeriod: text(row, 30),
    refersToLine: text(row, 31) === null ? null : whole(row, 31),
  };
}

/**
 * A bill's lines in the bill's order (the time that put each on the bill, then the redemption, then the
 * line type), batch after batch by keyset, so that a million lines never sit in memory together; the
 * next batch is already on its way while the caller works on this one. A closed bill's lines carry
 * their frozen numbers; a draft's are numbered as they come. A credit names the line it corrects.
 */
export async function* billLineBatches(
  db: Executor,
  bill: BillRow,
  from: LinePosition | null = null,
  batchSize = LINE_BATCH,
): AsyncGenerator<PlacedBillLine[]> {
  const client = sqlOf(db);
  const fetchAfter = (after: LinePosition | null): Promise<Row[]> =>
    client
      .unsafe(
        pageQuery(after),
        after
          ? [bill.id, bill.orgId, batchSize, after.occurredAt, after.redemptionId, after.lineType]
          : [bill.id, bill.orgId, batchSize],
      )
      .values() as unknown as Promise<Row[]>;
  let counter = from?.line ?? 0;
  let next: Promise<Row[]> | null = fetchAfter(from);
  while (next) {
    const rows: Row[] = await next;
    const lines: PlacedBillLine[] = rows.map((row) => toLine(bill, row, ++counter));
    const last: PlacedBillLine | undefined = lines.at(-1);
    next = last && rows.length === batchSize ? fetchAfter(last.position) : null;
    if (lines.length > 0) yield lines;
  }
}
