import { type Executor, sqlOf } from "../../db/client";
import type { BillRow } from "./bill-reading";

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
 * A page of lines after `after` in the bill's order: each row starts with the line's place in that
 * order (the time that put it on the bill, the redemption, the line type) `withPosition`, then
 * `columns`, which may name the line `l`, the line a credit corrects `rl` and that line's bill `rb`.
 */
function pageQuery(columns: string, after: LinePosition | null, withPosition: boolean): string {
  const keyset = after
    ? "and (l.occurred_at, l.redemption_id, l.line_type) > ($4::timestamptz, $5::uuid, $6::bill_line_type)"
    : "";
  const position = withPosition ? "to_json(l.occurred_at) #>> '{}', l.redemption_id, l.line_type," : "";
  return `select ${position} ${columns}
    from bill_lines l
    left join bill_lines rl on rl.id = l.refers_to_line_id
    left join bills rb on rb.id = rl.bill_id
    where l.bill_id = $1 and l.org_id = $2 ${keyset}
    order by l.occurred_at, l.redemption_id, l.line_type
    limit $3`;
}

/** A column as postgres.js gives it: text, or its bytes as the database sent them for a raw page. */
type Cell = string | number | null | Uint8Array;
export type Row = Cell[];
export function positionOf(row: Row, line: number): LinePosition {
  return { occurredAt: String(row[0]), redemptionId: String(row[1]), lineType: String(row[2]), line };
}

/** A page of rows (each the line's position, then the columns asked for) and the number of the line before its first. */
export interface LinePage {
  rows: Row[];
  linesBefore: number;
}

type PageFetch = (after: LinePosition | null) => Promise<Row[]>;

/** How a page's rows come: with each line's position first or not, its columns as text or as bytes. */
interface PageShape {
  withPosition: boolean;
  /** Columns as the bytes the database sent, not decoded: what a file writes out as it is. */
  raw: boolean;
}

function pageFetch(
  db: Executor,
  bill: BillRow,
  columns: string,
  batchSize: number,
  shape: PageShape,
): PageFetch {
  const client = sqlOf(db);
  return (after) => {
    const query = client.unsafe(
      pageQuery(columns, after, shape.withPosition),
      after
        ? [bill.id, bill.orgId, batchSize, after.occurredAt, after.redemptionId, after.lineType]
        : [bill.id, bill.orgId, batchSize],
    );
    return (shape.raw ? query.raw() : query.values()) as unknown as Promise<Row[]>;
  };
}

/**
 * A bill's lines in the bill's order, page after page by keyset, so that a million lines never sit in
 * memory together; the next page is already on its way while the caller works on this one. A line's
 * number is its place in that order, which a closed bill keeps forever.
 */
export async function* billLinePages(
  db: Executor,
  bill: BillRow,
  columns: string,
  {
    from = null,
    batchSize = LINE_BATCH,
    raw = false,
  }: { from?: LinePosition | null; batchSize?: number; raw?: boolean } = {},
): AsyncGenerator<LinePage> {
  const fetchAfter = pageFetch(db, bill, columns, batchSize, { withPosition: true, raw });
  let linesBefore = from?.line ?? 0;
  let next: Promise<Row[]> | null = fetchAfter(from);
  while (next) {
    const rows: Row[] = await next;
    const last = rows.at(-1);
    next = last && rows.length === batchSize ? fetchAfter(positionOf(last, linesBefore + rows.length)) : null;
    if (rows.length > 0) yield { rows, linesBefore };
    linesBefore += rows.length;
  }
}

/** Where each page of a closed bill starts: after the last line of the page before (null for the first). */
async function pageStarts(db: Executor, bill: BillRow, batchSize: number): Promise<(LinePosition | null)[]> {
  const rows = (await sqlOf(db)
    .unsafe(
      `select to_json(occurred_at) #>> '{}', redemption_id, line_type, n from (
        select occurred_at, redemption_id, line_type,
          row_number() over (order by occurred_at, redemption_id, line_type) as n
        from bill_lines where bill_id = $1 and org_id = $2) x
      where n % $3 = 0 order by n`,
      [bill.id, bill.orgId, batchSize],
    )
    .values()) as unknown as Row[];
  return [null, ...rows.map((row) => positionOf(row, Number(row[3])))];
}

/**
 * Pages of a closed bill read at once, each on a connection of its own, so that the database's cores
 * share a big file: three kept two cores busy.
 */
const PAGES_AHEAD = 3;

/**
 * A closed bill's lines in order as `billLinePages` gives them but without their positions (rows hold
 * the columns asked for only), read PAGES_AHEAD pages at a time from page starts found first, so that
 * the database renders pages side by side. Only for a closed bill: lines joining a draft meanwhile
 * would shift its pages.
 */
export async function* closedBillLinePages(
  db: Executor,
  bill: BillRow,
  columns: string,
  { raw = false, batchSize = LINE_BATCH }: { raw?: boolean; batchSize?: number } = {},
): AsyncGenerator<LinePage> {
  if (bill.status !== "closed") throw new Error(`bill ${bill.id} is not closed: its pages can shift`);
  const fetchAfter = pageFetch(db, bill, columns, batchSize, { withPosition: false, raw });
  const starts = await pageStarts(db, bill, batchSize);
  const pending: Promise<Row[]>[] = [];
  const fetchPage = (index: number) => {
    const page = fetchAfter(starts[index] ?? null);
    // Awaited in turn below; a reader that stops early leaves the rest to fail unheard.
    page.catch(() => undefined);
    pending.push(page);
  };
  let nextPage = 0;
  while (nextPage < starts.length && pending.length < PAGES_AHEAD) fetchPage(nextPage++);
  let linesBefore = 0;
  for (let page = pending.shift(); page; page = pending.shift()) {
    if (nextPage < starts.length) fetchPage(nextPage++);
    const rows = await page;
    if (rows.length > 0) yield { rows, linesBefore };
    linesBefore += rows.length;
  }
}
