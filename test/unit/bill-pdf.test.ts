import { describe, expect, it } from "vitest";
import type { BillLineRecord } from "../../core/billing/bill-csv";
import { billPdfChunks } from "../../core/billing/bill-pdf";
import {
  fitted,
  groupedAmount,
  momentInWords,
  pdfText,
  periodInWords,
} from "../../core/billing/bill-pdf-text";
import type { BillRow } from "../../core/billing/bill-reading";
import type { BillTotals } from "../../core/billing/bill-totals";
import { pdfPages } from "../support/pdf-reader";

describe("text as the PDF's font draws it", () => {
  it("keeps what Windows-1252 has, accents and typographic marks included", () => {
    expect(pdfText("Zoë Ångström – “Q” 5 € · naïve")).toBe("Zoë Ångström – “Q” 5 € · naïve");
  });

  it("keeps the letter under an accent it lacks, and puts ? for what it cannot draw at all", () => {
    expect(pdfText("Łódź Dvořák Őrs")).toBe("?ódz Dvorák Ors");
    expect(pdfText("山田 太郎")).toBe("?? ??");
    expect(pdfText("Bo 😀 Chen")).toBe("Bo ? Chen");
    // A family emoji is several characters joined: each drawn one is a ?, the joiners nothing.
    expect(pdfText("👩‍💻")).toBe("??");
    expect(pdfText("❤️")).toBe("?");
  });

  it("composes decomposed accents, and turns line breaks and tabs into spaces", () => {
    expect(pdfText("Jose\u0301")).toBe("José");
    expect(pdfText("Cy\nNew\r\nline\tTab")).toBe("Cy New  line Tab");
  });
});

describe("cutting text to a column", () => {
  const widthOf = (text: string) => text.length * 5;

  it("leaves text that fits alone", () => {
    expect(fitted("Ana Lima", 40, widthOf)).toBe("Ana Lima");
  });

  it("cuts at the last character that leaves room for an ellipsis", () => {
    const cut = fitted("A very long name indeed", 50, widthOf);
    expect(cut).toBe("A very lo…");
    expect(widthOf(cut)).toBeLessThanOrEqual(50);
    expect(fitted("Bo   Chen", 30, widthOf)).toBe("Bo…");
    expect(fitted("Anything", 3, widthOf)).toBe("…");
  });
});

describe("figures and dates in words", () => {
  it("groups thousands with the currency's own decimals", () => {
    expect(groupedAmount(123_456_789, "USD")).toBe("1,234,567.89");
    expect(groupedAmount(-12_345, "USD")).toBe("-123.45");
    expect(groupedAmount(5, "EUR")).toBe("0.05");
    expect(groupedAmount(1_234_567, "JPY")).toBe("1,234,567");
    expect(groupedAmount(1_234, "BHD")).toBe("1.234");
  });

  it("names the month and an instant as people in the bill's time zone read them", () => {
    expect(periodInWords("2026-11")).toBe("November 2026");
    expect(periodInWords("2027-01")).toBe("January 2027");
    expect(momentInWords(new Date("2026-12-03T14:15:00Z"), "America/New_York")).toBe(
      "3 December 2026, 09:15 EST",
    );
    // 23:30 on the 31st in Sydney is still October there, whatever UTC says.
    expect(momentInWords(new Date("2026-10-31T12:30:00Z"), "Australia/Sydney")).toBe(
      "31 October 2026, 23:30 GMT+11",
    );
  });
});

// ---------------------------------------------------------------------------------------------------
// Whole documents, from a bill and lines made up here: the database is not needed to draw one.

const NAMES = ["Ana, Lima", 'Bo "Bobby" Chen', "=SUM(A1)", "Dee 😀 Émoji", "山田太郎", "Eve\nNewline"];

function billRow(status: "open" | "closed"): BillRow {
  const closed = status === "closed";
  return {
    id: "00000000-0000-4000-8000-000000000001",
    orgId: "00000000-0000-4000-8000-000000000002",
    period: "2026-11",
    timeZone: "America/New_York",
    periodStart: new Date("2026-11-01T04:00:00Z"),
    periodEnd: new Date("2026-12-01T05:00:00Z"),
    currency: "USD",
    status,
    sequence: closed ? 7 : null,
    number: closed ? "ACME-2026-00007" : null,
    orgName: closed ? "Acme Inc" : null,
    closedAt: closed ? new Date("2026-12-03T14:15:00Z") : null,
    closedBy: null,
    csvSha256: closed ? "ab".repeat(32) : null,
    totals: null,
    createdAt: new Date("2026-11-02T00:00:00Z"),
  };
}

function line(bill: BillRow, index: number): BillLineRecord {
  const credit = index % 10 === 9;
  const sign = credit ? -1 : 1;
  return {
    billNumber: bill.number,
    line: index + 1,
    lineType: credit ? "credit" : "charge",
    redemptionId: `00000000-0000-4000-8000-${String(index).padStart(12, "0")}`,
    requestedAt: "2026-11-05T15:00:00.000Z",
    fulfilledAt: "2026-11-05T15:00:00.000Z",
    fulfilledDate: "2026-11-05",
    personId: "00000000-0000-4000-8000-000000000003",
    externalEmployeeId: "E-1",
    personName: NAMES[index % NAMES.length] ?? "",
    personEmail: "person@acme.test",
    department: index % 2 === 0 ? "Sales" : null,
    costCenter: null,
    rewardKind: "gift_card",
    brand: "Starbucks",
    rewardName: "Starbucks $25",
    provider: "sandbox",
    providerOrderId: null,
    providerRewardId: null,
    productId: "SBUXUS000001",
    points: sign * 250,
    pointValuePoints: 10,
    pointValueMinor: 100,
    faceValueMinor: sign * 2500,
    billedMinor: sign * 2500,
    feeMinor: 0,
    internalCostMinor: null,
    currency: "USD",
    status: credit ? "canceled" : "fulfilled",
    refersToBill: credit ? "ACME-2026-00006" : null,
    refersToLine: credit ? 4 : null,
  };
}

function totalsOf(lines: BillLineRecord[]): BillTotals {
  const sum = (pick: (line: BillLineRecord) => number, of = lines) => of.reduce((t, l) => t + pick(l), 0);
  const type = (kind: BillLineRecord["lineType"]) => {
    const of = lines.filter((l) => l.lineType === kind);
    return {
      lines: of.length,
      points: sum((l) => l.points, of),
      billedMinor: sum((l) => l.billedMinor, of),
      faceValueMinor: sum((l) => l.faceValueMinor, of),
      feeMinor: 0,
      internalCostMinor: 0,
    };
  };
  const all = { lines: lines.length, points: sum((l) => l.points), billedMinor: sum((l) => l.billedMinor) };
  return {
    ...all,
    charge: type("charge"),
    credit: type("credit"),
    fee: type("fee"),
    byDepartment: [{ key: "Sales", ...all }],
    byCostCenter: [],
    byKind: [{ key: "gift_card", ...all }],
    taxableKinds: ["gift_card"],
  };
}

interface Drawn {
  bytes: Buffer;
  chunks: number;
  /** How many batches of lines had been asked for when the first bytes came out. */
  batchesBeforeFirstChunk: number;
  batchesAsked: number;
}

/** Draws a bill of `count` lines (its totals count them), fed in batches of 100, `extra` lines beyond. */
async function draw(status: "open" | "closed", count: number, extra = 0): Promise<Drawn> {
  const bill = billRow(status);
  const lines = Array.from({ length: count + extra }, (_, index) => line(bill, index));
  let batchesAsked = 0;
  async function* batches() {
    for (let start = 0; start < lines.length; start += 100) {
      batchesAsked += 1;
      yield lines.slice(start, start + 100);
    }
  }
  const context = {
    orgName: "Acme Inc",
    totals: totalsOf(lines.slice(0, count)),
    now: new Date("2026-12-06T17:26:00Z"),
  };
  const parts: Buffer[] = [];
  let batchesBeforeFirstChunk = -1;
  for await (const chunk of billPdfChunks(bill, context, batches())) {
    if (batchesBeforeFirstChunk < 0) batchesBeforeFirstChunk = batchesAsked;
    parts.push(Buffer.from(chunk));
  }
  return { bytes: Buffer.concat(parts), chunks: parts.length, batchesBeforeFirstChunk, batchesAsked };
}

describe("a bill's PDF", () => {
  it("has a header, totals, every line, and page numbers that count the pages it has", async () => {
    const drawn = await draw("closed", 250);
    expect(drawn.bytes.subarray(0, 5).toString()).toBe("%PDF-");
    const pages = await pdfPages(new Uint8Array(drawn.bytes));
    expect(pages.length).toBeGreaterThan(3);
    const [first = ""] = pages;
    expect(first).toContain("Acme Inc");
    expect(first).toContain("ACME-2026-00007");
    expect(first).toContain("November 2026 (1 November 2026 to 30 November 2026)");
    expect(first).toContain("America/New_York");
    expect(first).toContain("Closed on 3 December 2026, 09:15 EST");
    expect(first).not.toContain("DRAFT");
    // 225 charges and 25 credits of $25.
    expect(first).toMatch(/Charges 225 56,250 5,625\.00/);
    expect(first).toMatch(/Credits 25 -6,250 -625\.00/);
    expect(first).toMatch(/Total billed 250 50,000 5,000\.00/);
    expect(first).toContain("By department");
    expect(first).toMatch(/By reward kind Reward kind Lines Points Billed USD Gift cards 250/);

    pages.forEach((text, index) => {
      expect(text).toContain(`Page ${index + 1} of ${pages.length}`);
      expect(text).toContain("ACME-2026-00007 · Acme Inc · November 2026");
      // Every page of lines starts with the table's heading.
      expect(text).toContain("Line Date Person Department Reward Points Billed USD");
    });
    const everything = pages.join(" ");
    expect(everything).toMatch(/ 1 2026-11-05 Ana, Lima Sales Starbucks \$25 250 25\.00/);
    expect(everything).toMatch(
      / 10 2026-11-05 Dee \? Émoji Credit, ACME-2026-00006 line 4: St\S* -250 -25\.00/,
    );
    expect(everything).toMatch(/ 5 2026-11-05 \?\?\?\? Sales /);
    expect(everything).toContain("Eve Newline");
    expect(everything).toMatch(/ 250 2026-11-05 /);
  });

  it("says it is a provisional draft, on every page, and shows only the lines its totals counted", async () => {
    const drawn = await draw("open", 120, 7);
    const pages = await pdfPages(new Uint8Array(drawn.bytes));
    const [first = ""] = pages;
    expect(first).toContain("DRAFT — provisional");
    expect(first).toContain("Open: provisional figures as of 6 December 2026, 12:26 EST");
    expect(first).toContain("Assigned when the bill closes");
    for (const text of pages) {
      expect(text).toContain("DRAFT — provisional · Acme Inc · November 2026");
      expect(text).toMatch(/\bDRAFT\b.*\bDRAFT\b/);
    }
    const everything = pages.join(" ");
    expect(everything).toMatch(/ 120 2026-11-05 /);
    expect(everything).not.toMatch(/ 121 2026-11-05 /);
  });

  it("is handed on page by page: its first bytes before the second batch of lines is read", async () => {
    const drawn = await draw("closed", 3000);
    expect(drawn.batchesAsked).toBe(30);
    expect(drawn.batchesBeforeFirstChunk).toBeLessThanOrEqual(1);
    // A chunk per batch at least: pages go out as they are finished, never all at the end.
    expect(drawn.chunks).toBeGreaterThan(30);
  });

  it("comes out the same bytes each time it is made from a closed bill", async () => {
    const once = await draw("closed", 40);
    const again = await draw("closed", 40);
    expect(again.bytes.equals(once.bytes)).toBe(true);
  });

  it("is a document with a single page for a bill of one line", async () => {
    const pages = await pdfPages(new Uint8Array((await draw("closed", 1)).bytes));
    expect(pages).toHaveLength(1);
    expect(pages[0]).toContain("Page 1 of 1");
  });
});
