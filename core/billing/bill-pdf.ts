import PDFDocument from "pdfkit";
import type { BillLineRecord } from "./bill-csv";
import { type Column, Flow, HEADER_HEIGHT, MUTED, PAGE, ROW_HEIGHT, type Running } from "./bill-pdf-layout";
import { dayInWords, groupedAmount, groupedNumber, momentInWords, periodInWords } from "./bill-pdf-text";
import type { BillRow } from "./bill-reading";
import type { BillTotals, GroupTotals, LineTypeTotals } from "./bill-totals";

export interface BillPdfContext {
  /** The org's name as the bill shows it: as it was at close, or as it is now for a draft. */
  orgName: string;
  /** Frozen for a closed bill; a draft's as its lines stood when the file was started. */
  totals: BillTotals;
  /** When the file is made: a draft says how current its figures are. */
  now: Date;
}

const NOTE_HEIGHT = 12;
const DRAFT_RED = "#b91c1c";
const WIDTH = PAGE.right - PAGE.left;

const KIND_NAMES: Record<string, string> = {
  gift_card: "Gift cards",
  charity: "Charity donations",
  custom: "Custom rewards (not billed)",
};

/** The summary tables: what is counted, then its lines, points and money. */
const figureColumns = (first: string, currency: string): Column[] => [
  { title: first, width: WIDTH - 240 },
  { title: "Lines", width: 60, align: "right" },
  { title: "Points", width: 80, align: "right" },
  { title: `Billed ${currency}`, width: 100, align: "right" },
];

const lineColumns = (currency: string): Column[] => [
  { title: "Line", width: 32, align: "right" },
  { title: "Date", width: 56 },
  { title: "Person", width: 120 },
  { title: "Department", width: 86 },
  { title: "Reward", width: 142 },
  { title: "Points", width: 42, align: "right" },
  { title: `Billed ${currency}`, width: 54, align: "right" },
];

/**
 * A bill as a PDF a finance team can file: a header naming the org, the month, its time zone and the
 * bill's number (or, large, that it is a provisional draft), its totals, the totals by department and
 * by reward kind, then every line in a table whose heading repeats on each page. It is made page by
 * page as the lines are read, and each finished page is handed on at once: no more than a batch of
 * lines and the page being drawn is ever held. A draft's file shows the lines its totals counted.
 */
export async function* billPdfChunks(
  bill: BillRow,
  context: BillPdfContext,
  batches: AsyncIterable<BillLineRecord[]>,
): AsyncGenerator<Uint8Array> {
  const running: Running = {
    footer: `${bill.number ?? "DRAFT — provisional"} · ${context.orgName} · ${periodInWords(bill.period)}`,
    watermark: bill.status === "open" ? "DRAFT" : null,
  };
  const count = context.totals.lines;
  const columns = lineColumns(bill.currency);
  const plan = new Flow(null, running);
  begin(plan, bill, context, columns);
  for (let line = 0; line < count; line++) plan.tableRow(columns, []);

  const doc = new PDFDocument({
    size: "LETTER",
    margins: { top: PAGE.top, bottom: 10, left: PAGE.left, right: PAGE.width - PAGE.right },
    info: {
      Title: `${bill.number ?? "Draft bill"} · ${context.orgName} · ${periodInWords(bill.period)}`,
      Author: context.orgName,
      Subject: "Redemption bill",
      Creator: "Plaudit",
      // A closed bill's file is dated by its close, so that making it again makes the same document.
      CreationDate: bill.closedAt ?? context.now,
    },
  });
  const flow = new Flow(doc, running, plan.page);
  begin(flow, bill, context, columns);
  yield* finished(doc);
  let drawn = 0;
  for await (const batch of batches) {
    for (const line of batch.slice(0, count - drawn)) {
      flow.tableRow(columns, lineCells(line), {}, drawn % 2 === 1);
      drawn += 1;
    }
    yield* finished(doc);
    if (drawn >= count) break;
  }
  flow.finishPage();
  doc.end();
  yield* finished(doc);
}

/** What pdfkit has written so far: the pages it finished (it writes a page out when the next starts). */
function* finished(doc: PDFKit.PDFDocument): Generator<Uint8Array> {
  for (let chunk: Buffer | null = doc.read(); chunk !== null; chunk = doc.read()) yield chunk;
}

/** Everything before the lines: the header, the totals, and the heading of the lines' table. */
function begin(flow: Flow, bill: BillRow, context: BillPdfContext, columns: Column[]): void {
  header(flow, bill, context);
  const { totals } = context;
  const amount = (minor: number) => groupedAmount(minor, bill.currency);
  const figures = (group: { lines: number; points: number; billedMinor: number }) => [
    groupedNumber(group.lines),
    groupedNumber(group.points),
    amount(group.billedMinor),
  ];

  section(flow, "Totals");
  const totalColumns = figureColumns("", bill.currency);
  flow.tableHeader(totalColumns);
  const typeRow = (name: string, type: LineTypeTotals) =>
    flow.tableRow(totalColumns, [name, ...figures(type)]);
  typeRow("Charges", totals.charge);
  typeRow("Credits", totals.credit);
  typeRow("Fees", totals.fee);
  flow.rule(flow.y);
  flow.tableRow(totalColumns, ["Total billed", ...figures(totals)], { font: "Helvetica-Bold" });
  const internal = totals.charge.internalCostMinor + totals.credit.internalCostMinor;
  flow.tableRow(
    totalColumns,
    ["Internal cost of custom rewards (shown apart, not billed)", "", "", amount(internal)],
    { color: MUTED },
  );

  const groups = (title: string, what: string, rows: GroupTotals[], name: (key: string | null) => string) => {
    section(flow, title);
    const groupColumns = figureColumns(what, bill.currency);
    flow.tableHeader(groupColumns);
    rows.forEach((row, index) => {
      flow.tableRow(groupColumns, [name(row.key), ...figures(row)], {}, index % 2 === 1);
    });
  };
  groups("By department", "Department", totals.byDepartment, (key) => key ?? "No department");
  groups("By reward kind", "Reward kind", totals.byKind, (key) => KIND_NAMES[key ?? ""] ?? key ?? "");

  section(flow, "Lines", NOTE_HEIGHT);
  flow.text(
    "Dates are in the bill's time zone. Characters the PDF's font cannot draw show as “?”: the CSV and JSON files carry every name exactly.",
    PAGE.left,
    flow.y,
    { size: 7, color: MUTED, width: WIDTH },
  );
  flow.y += NOTE_HEIGHT;
  flow.tableHeader(columns);
}

function header(flow: Flow, bill: BillRow, context: BillPdfContext): void {
  const top = flow.y;
  flow.text(context.orgName, PAGE.left, top, { font: "Helvetica-Bold", size: 18, width: WIDTH - 140 });
  flow.text("Redemption bill", PAGE.right - 140, top + 5, {
    size: 10,
    color: MUTED,
    width: 140,
    align: "right",
  });
  if (bill.number) {
    flow.text(bill.number, PAGE.left, top + 30, { font: "Helvetica-Bold", size: 22, width: WIDTH });
  } else {
    flow.text("DRAFT — provisional", PAGE.left, top + 30, {
      font: "Helvetica-Bold",
      size: 22,
      color: DRAFT_RED,
      width: WIDTH,
    });
  }
  flow.y = top + 64;
  const facts: [string, string][] = [
    [
      "Period",
      `${periodInWords(bill.period)} (${dayInWords(bill.periodStart, bill.timeZone)} to ${dayInWords(
        new Date(bill.periodEnd.getTime() - 1),
        bill.timeZone,
      )})`,
    ],
    ["Time zone", bill.timeZone],
    ["Currency", bill.currency],
    [
      "Status",
      bill.closedAt
        ? `Closed on ${momentInWords(bill.closedAt, bill.timeZone)}`
        : `Open: provisional figures as of ${momentInWords(context.now, bill.timeZone)}; they change until the bill closes.`,
    ],
    ["Bill number", bill.number ?? "Assigned when the bill closes"],
    ...(bill.csvSha256 ? ([["CSV SHA-256", bill.csvSha256]] as [string, string][]) : []),
  ];
  for (const [label, value] of facts) {
    flow.text(label, PAGE.left, flow.y, { size: 9, color: MUTED, width: 90 });
    const color = label === "Status" && !bill.closedAt ? DRAFT_RED : undefined;
    flow.text(value, PAGE.left + 90, flow.y, { size: 9, width: WIDTH - 90, color });
    flow.y += 14;
  }
}

/** A section's title, kept on the page with what follows it: a heading row and a first row, at least. */
function section(flow: Flow, title: string, below = 0): void {
  flow.y += 14;
  flow.room(20 + below + HEADER_HEIGHT + ROW_HEIGHT);
  flow.text(title, PAGE.left, flow.y, { font: "Helvetica-Bold", size: 11 });
  flow.y += 20;
}

function lineCells(line: BillLineRecord): string[] {
  const reference =
    line.refersToLine === null
      ? ""
      : `, ${line.refersToBill ? `${line.refersToBill} ` : ""}line ${line.refersToLine}`;
  const reward =
    line.lineType === "charge"
      ? line.rewardName
      : `${line.lineType === "credit" ? "Credit" : "Fee"}${reference}: ${line.rewardName}`;
  return [
    String(line.line),
    line.fulfilledDate,
    line.personName,
    line.department ?? "",
    reward,
    groupedNumber(line.points),
    groupedAmount(line.billedMinor, line.currency),
  ];
}
