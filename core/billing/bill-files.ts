import { createHash } from "node:crypto";
import type { Executor } from "../../db/client";
import { billCsvHeader, csvRows, decimalAmount, sqlBillLineCells } from "./bill-csv";
import { billLinePages, closedBillLinePages } from "./bill-pages";
import { type BillRow, billLineBatches } from "./bill-reading";
import type { BillTotals, GroupTotals, LineTypeTotals } from "./bill-totals";

/** Lines per chunk of a CSV: some 100 KB. */
const LINES_PER_CHUNK = 250;

/**
 * A bill's CSV, chunk by chunk: the header row, then its lines in the bill's order, each rendered by the
 * database but for its bill number and line number (a closed bill's pages several at once), and
 * written out as the bytes the database sent: a million lines are never decoded into strings. It
 * depends on nothing but the bill and its lines, so a closed bill's CSV is the same bytes whenever it is
 * made.
 */
export async function* billCsvChunks(db: Executor, bill: BillRow): AsyncGenerator<string | Uint8Array> {
  yield billCsvHeader();
  const billNumber = csvRows([[bill.number ?? ""]]).slice(0, -2);
  const cells = sqlBillLineCells(bill.currency);
  // A closed bill's rows are its cells alone; a draft's start with each line's position.
  const [pages, cellsAt] =
    bill.status === "closed"
      ? [closedBillLinePages(db, bill, cells, { raw: true }), 0]
      : [billLinePages(db, bill, cells, { raw: true }), 3];
  for await (const { rows, linesBefore } of pages) {
    for (let start = 0; start < rows.length; start += LINES_PER_CHUNK) {
      const lines = rows.slice(start, start + LINES_PER_CHUNK).map((row, index) => ({
        prefix: `${billNumber},${linesBefore + start + index + 1},`,
        cells: row[cellsAt] as Uint8Array,
      }));
      const chunk = Buffer.allocUnsafe(
        lines.reduce((size, line) => size + Buffer.byteLength(line.prefix) + line.cells.length + 2, 0),
      );
      let at = 0;
      for (const line of lines) {
        at += chunk.write(line.prefix, at);
        chunk.set(line.cells, at);
        at += line.cells.length;
        at += chunk.write("\r\n", at);
      }
      yield chunk;
    }
  }
}

/** The SHA-256 of a bill's CSV, as hex: stored when the bill closes, served as its ETag. */
export async function billCsvSha256(db: Executor, bill: BillRow): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of billCsvChunks(db, bill)) hash.update(chunk);
  return hash.digest("hex");
}

/**
 * The file name a bill downloads under: its number, or the org's slug and month for a draft, with the
 * part of the bill it holds when it is not the bill itself (`ACME-2026-00007-payroll.csv`).
 */
export function billFileName(bill: BillRow, slug: string, extension: string, part?: string): string {
  return `${bill.number ?? `${slug}-${bill.period}-draft`}${part ? `-${part}` : ""}.${extension}`;
}

/** A bill's totals as its JSON file shows them: snake_case, money with the currency's decimals. */
function totalsJson(totals: BillTotals, currency: string) {
  const money = (minor: number) => decimalAmount(minor, currency);
  const type = (figures: LineTypeTotals) => ({
    lines: figures.lines,
    points: figures.points,
    billed_amount: money(figures.billedMinor),
    face_value: money(figures.faceValueMinor),
    fee: money(figures.feeMinor),
    internal_cost: money(figures.internalCostMinor),
  });
  const groups = (rows: GroupTotals[]) =>
    rows.map((row) => ({
      name: row.key,
      lines: row.lines,
      points: row.points,
      billed_amount: money(row.billedMinor),
    }));
  return {
    lines: totals.lines,
    points: totals.points,
    billed_amount: money(totals.billedMinor),
    charge: type(totals.charge),
    credit: type(totals.credit),
    fee: type(totals.fee),
    by_department: groups(totals.byDepartment),
    by_cost_center: groups(totals.byCostCenter),
    by_kind: groups(totals.byKind),
    taxable_kinds: totals.taxableKinds,
  };
}

/** The JSON twin of a bill's CSV: its header and totals, then the same lines with the same figures. */
export async function* billJsonChunks(
  db: Executor,
  bill: BillRow,
  totals: BillTotals,
): AsyncGenerator<string> {
  const header = {
    number: bill.number,
    period: bill.period,
    time_zone: bill.timeZone,
    period_start: bill.periodStart.toISOString(),
    period_end: bill.periodEnd.toISOString(),
    currency: bill.currency,
    status: bill.status,
    closed_at: bill.closedAt?.toISOString() ?? null,
    csv_sha256: bill.csvSha256,
    totals: totalsJson(totals, bill.currency),
  };
  yield `{"bill":${JSON.stringify(header)},"lines":[`;
  let first = true;
  for await (const batch of billLineBatches(db, bill)) {
    const lines = batch.map((line) => {
      const money = (minor: number) => decimalAmount(minor, line.currency);
      return JSON.stringify({
        line: line.line,
        line_type: line.lineType,
        redemption_id: line.redemptionId,
        requested_at: line.requestedAt,
        fulfilled_at: line.fulfilledAt,
        fulfilled_date: line.fulfilledDate,
        person: {
          id: line.personId,
          external_employee_id: line.externalEmployeeId,
          name: line.personName,
          email: line.personEmail,
        },
        department: line.department,
        cost_center: line.costCenter,
        reward_kind: line.rewardKind,
        brand: line.brand,
        reward_name: line.rewardName,
        provider: line.provider,
        provider_order_id: line.providerOrderId,
        provider_reward_id: line.providerRewardId,
        product_id: line.productId,
        points: line.points,
        point_value: { points: line.pointValuePoints, amount: money(line.pointValueMinor) },
        face_value: money(line.faceValueMinor),
        billed_amount: money(line.billedMinor),
        fee: money(line.feeMinor),
        internal_cost: line.internalCostMinor === null ? null : money(line.internalCostMinor),
        currency: line.currency,
        status: line.status,
        refers_to: line.refersToLine === null ? null : { bill: line.refersToBill, line: line.refersToLine },
      });
    });
    yield `${first ? "" : ","}${lines.join(",")}`;
    first = false;
  }
  yield "]}";
}
