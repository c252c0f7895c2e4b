import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { BILL_COLUMNS } from "../../core/billing/bill-csv";
import { DEPARTMENT_COLUMNS, PAYROLL_COLUMNS } from "../../core/billing/bill-summary-files";
import { closeBill } from "../../core/billing/close-bill";
import { type BillFormat, exportBill } from "../../core/billing/export-bill";
import { getPayroll } from "../../core/billing/get-payroll";
import { updateBillingSettings } from "../../core/billing/update-billing-settings";
import { updatePerson } from "../../core/people/update-person";
import type { Actor } from "../../core/shared/actor";
import type { Database } from "../../db/client";
import { auditLog } from "../../db/schema";
import { defined, expectDomainError, expectLedgerClean } from "../support/assertions";
import { AWKWARD_NAMES, BILL_MONTH, billedOrg } from "../support/billed-org";
import { closeAt, collectBytes, csvLines } from "../support/billing";
import { workerDatabase } from "../support/database";
import { pdfPages } from "../support/pdf-reader";
import { rewardsFixture } from "../support/rewards-fixture";

const database = workerDatabase();
const fixture = rewardsFixture();

async function file(db: Database, actor: Actor, format: BillFormat, period = BILL_MONTH) {
  const exported = await exportBill(db, actor, { period, format });
  return { ...exported, bytes: await collectBytes(exported.chunks) };
}

type Row = Record<string, string>;

/** A CSV read back the way a finance tool reads it: the header row's names, then a record per row. */
function readCsv(bytes: Buffer): { header: string; rows: Row[] } {
  const text = bytes.toString("utf8");
  return { header: text.slice(0, text.indexOf("\r\n")), rows: csvLines(text) };
}

/** How each awkward name must come back: exact, except that formula-like text starts with an apostrophe. */
const NEUTRALISED: Record<(typeof AWKWARD_NAMES)[number], string> = {
  "Lima, Ana": "Lima, Ana",
  'Bo "Bobby" Chen': 'Bo "Bobby" Chen',
  "Cy\nTwo Lines": "Cy\nTwo Lines",
  "Dee 😀 Émoji": "Dee 😀 Émoji",
  "=SUM(A1)": "'=SUM(A1)",
  "+1": "'+1",
  "-2": "'-2",
  "@x": "'@x",
};

function byPerson(rows: Row[], personId: string): Row[] {
  return rows.filter((row) => row.person_id === personId);
}

describe("a closed bill's CSV", () => {
  it("reads back line for line, awkward names neutralised exactly as designed, hashed as it closed", async () => {
    const { db } = await database();
    const org = await billedOrg(db, fixture);
    const closed = await closeAt(db, org, BILL_MONTH, new Date());
    const number = defined(closed.number);
    const csv = await file(db, org.admin.actor, "csv");

    expect(csv.fileName).toBe(`${number}.csv`);
    expect(csv.sha256).toBe(closed.csvSha256);
    expect(createHash("sha256").update(csv.bytes).digest("hex")).toBe(closed.csvSha256);
    const text = csv.bytes.toString("utf8");
    // CRLF between records; the line break inside a name is kept, inside quotes.
    expect(text.startsWith(`${BILL_COLUMNS.join(",")}\r\n`)).toBe(true);
    expect(text).toContain('"Cy\nTwo Lines"');
    expect(text.endsWith("\r\n")).toBe(true);

    const { header, rows } = readCsv(csv.bytes);
    expect(header).toBe(BILL_COLUMNS.join(","));
    // 8 gift cards, a donation, two custom rewards, a bounced card and its credit.
    expect(rows).toHaveLength(13);
    expect(rows.map((row) => row.line)).toEqual(rows.map((_, index) => String(index + 1)));
    expect(new Set(rows.map((row) => row.bill_number))).toEqual(new Set([number]));
    for (const [index, person] of org.awkward.entries()) {
      const [row] = byPerson(rows, person.id);
      const name = AWKWARD_NAMES[index] ?? "";
      expect(row).toMatchObject({
        person_name: NEUTRALISED[name as keyof typeof NEUTRALISED],
        line_type: "charge",
        reward_kind: "gift_card",
        billed_amount: "5.00",
        face_value: "5.00",
        points: "50",
        currency: "USD",
        fulfilled_date: `${BILL_MONTH}-0${index + 1}`,
        department: index % 2 === 0 ? "R&D, Labs" : "Sales",
      });
    }
    expect(byPerson(rows, defined(org.awkward[4]).id)[0]?.external_employee_id).toBe("'=1+1");

    const giver = byPerson(rows, org.giver.id);
    expect(giver.map((row) => [row.reward_kind, row.billed_amount, row.internal_cost])).toEqual([
      ["charity", "20.00", ""],
      ["custom", "0.00", "12.34"],
      ["custom", "0.00", ""],
    ]);
    const [charge, credit] = byPerson(rows, org.bounced.id);
    expect(charge).toMatchObject({
      line_type: "charge",
      billed_amount: "5.00",
      status: "fulfilled",
      refers_to_bill: "",
      refers_to_line: "",
    });
    // Money is never neutralised: a credit's minus sign is a number's, not a formula's.
    expect(credit).toMatchObject({
      line_type: "credit",
      billed_amount: "-5.00",
      points: "-50",
      status: "canceled",
      refers_to_bill: number,
      refers_to_line: charge?.line,
    });
    await expectLedgerClean(db, org.id);
  });

  it("is re-made byte for byte after the people are renamed and moved, and each export is audited", async () => {
    const { db } = await database();
    const org = await billedOrg(db, fixture);
    await closeAt(db, org, BILL_MONTH, new Date());
    const before = await file(db, org.admin.actor, "csv");
    const [first] = org.awkward;
    await updatePerson(db, org.admin.actor, {
      personId: defined(first).id,
      name: "Renamed Person",
      department: "Moved",
    });
    await updateBillingSettings(db, org.admin.actor, { taxableKinds: ["custom"] });
    const after = await file(db, org.admin.actor, "csv");
    expect(after.bytes.equals(before.bytes)).toBe(true);

    const exports = await db
      .select({ after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.orgId, org.id), eq(auditLog.action, "bill.export")));
    expect(exports.map((entry) => (entry.after as { format: string }).format)).toEqual(["csv", "csv"]);
  });
});

describe("the bill's JSON and PDF", () => {
  it("carry the CSV's lines and figures: the JSON exactly, the PDF as a document", async () => {
    const { db } = await database();
    const org = await billedOrg(db, fixture);
    const closed = await closeAt(db, org, BILL_MONTH, new Date());
    const { rows } = readCsv((await file(db, org.admin.actor, "csv")).bytes);
    const json = await file(db, org.admin.actor, "json");
    expect(json.contentType).toBe("application/json");
    const parsed = JSON.parse(json.bytes.toString("utf8")) as {
      bill: { number: string; status: string; csv_sha256: string; totals: Record<string, unknown> };
      lines: {
        line: number;
        line_type: string;
        person: { id: string; name: string };
        billed_amount: string;
        face_value: string;
        points: number;
        internal_cost: string | null;
        refers_to: { bill: string; line: number } | null;
      }[];
    };
    expect(parsed.bill).toMatchObject({
      number: closed.number,
      status: "closed",
      csv_sha256: closed.csvSha256,
    });
    expect(parsed.bill.totals).toMatchObject({
      lines: 13,
      billed_amount: "60.00",
      charge: { lines: 12, billed_amount: "65.00", internal_cost: "12.34" },
      credit: { lines: 1, billed_amount: "-5.00" },
      taxable_kinds: ["gift_card"],
    });
    expect(parsed.lines).toHaveLength(rows.length);
    parsed.lines.forEach((line, index) => {
      const row = defined(rows[index]);
      expect([line.line, line.line_type, line.billed_amount, line.face_value, line.points]).toEqual([
        Number(row.line),
        row.line_type,
        row.billed_amount,
        row.face_value,
        Number(row.points),
      ]);
      expect(line.person.id).toBe(row.person_id);
      expect(line.internal_cost ?? "").toBe(row.internal_cost);
    });
    // JSON carries names as they are: nothing there runs as a formula.
    expect(parsed.lines.map((line) => line.person.name)).toEqual(expect.arrayContaining([...AWKWARD_NAMES]));
    expect(parsed.lines.filter((line) => line.refers_to !== null).map((line) => line.line_type)).toEqual([
      "credit",
    ]);
    expect(parsed.lines.find((line) => line.line_type === "credit")?.refers_to).toEqual({
      bill: closed.number,
      line: Number(rows.find((row) => row.person_id === org.bounced.id)?.line),
    });

    const pdf = await file(db, org.admin.actor, "pdf");
    expect(pdf.contentType).toBe("application/pdf");
    expect(pdf.fileName).toBe(`${closed.number}.pdf`);
    const text = (await pdfPages(new Uint8Array(pdf.bytes))).join(" ");
    expect(text).toContain(defined(closed.number));
    expect(text).toContain(`Org ${org.slug}`);
    expect(text).toContain("March 2026 (1 March 2026 to 31 March 2026)");
    expect(text).toMatch(/Total billed 13 \S+ 60\.00/);
    expect(text).toMatch(/Internal cost of custom rewards \(shown apart, not billed\) 12\.34/);
    expect(text).toMatch(/R&D, Labs 4 200 20\.00/);
    expect(text).toMatch(/Charity donations 1 200 20\.00/);
    expect(text).toMatch(/ 2026-03-01 Lima, Ana R&D, Labs /);
    expect(text).toMatch(/ 2026-03-04 Dee \? Émoji Sales /);
  });

  it("calls a draft's files drafts, under the org's slug and month", async () => {
    const { db } = await database();
    const org = await billedOrg(db, fixture);
    const csv = await file(db, org.admin.actor, "csv");
    expect(csv).toMatchObject({ fileName: `${org.slug}-${BILL_MONTH}-draft.csv`, sha256: null });
    const pdf = await file(db, org.admin.actor, "pdf");
    const [first = ""] = await pdfPages(new Uint8Array(pdf.bytes));
    expect(first).toContain("DRAFT — provisional");
    expect(first).toContain(`Org ${org.slug}`);
    // A draft's export is not a record finance keeps: nothing is audited.
    const exports = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, org.id), eq(auditLog.action, "bill.export")));
    expect(exports).toEqual([]);
  });
});

describe("payroll", () => {
  it("counts gift cards as taxable by default, a custom reward at its cost, and credits off", async () => {
    const { db } = await database();
    const org = await billedOrg(db, fixture);
    const payroll = await getPayroll(db, org.admin.actor, { period: BILL_MONTH });
    expect(payroll.taxableKinds).toEqual(["gift_card"]);
    const row = (personId: string) => payroll.rows.find((candidate) => candidate.personId === personId);
    for (const person of org.awkward) {
      expect(row(person.id)).toMatchObject({ taxableMinor: 500, nonTaxableMinor: 0, redemptions: 1 });
    }
    // A $20 donation, a mug that cost $12.34, a lunch with no cost recorded.
    expect(row(org.giver.id)).toMatchObject({
      name: "Gia Giver",
      department: "Sales",
      costCenter: "CC-9",
      taxableMinor: 0,
      nonTaxableMinor: 3234,
      redemptions: 3,
      uncostedRewards: 1,
    });
    // The bounced card and its credit cancel out.
    expect(row(org.bounced.id)).toMatchObject({ taxableMinor: 0, nonTaxableMinor: 0, redemptions: 0 });
    expect(payroll.totals).toEqual({
      people: 10,
      taxableMinor: 4000,
      nonTaxableMinor: 3234,
      redemptions: 11,
    });
  });

  it("follows the settings while the bill is open, and never changes once it has closed", async () => {
    const { db } = await database();
    const org = await billedOrg(db, fixture);
    const admin = org.admin.actor;
    await updateBillingSettings(db, admin, { taxableKinds: ["charity", "gift_card"] });
    const giver = async () =>
      (await getPayroll(db, admin, { period: BILL_MONTH })).rows.find((row) => row.personId === org.giver.id);
    expect(await giver()).toMatchObject({ taxableMinor: 2000, nonTaxableMinor: 1234 });

    await closeAt(db, org, BILL_MONTH, new Date());
    const csvBefore = (await file(db, admin, "payroll")).bytes;
    await updateBillingSettings(db, admin, { taxableKinds: ["custom"] });
    await updatePerson(db, admin, { personId: org.giver.id, name: "Gia Renamed", department: "Moved" });
    expect(await giver()).toMatchObject({ name: "Gia Giver", taxableMinor: 2000, nonTaxableMinor: 1234 });
    const payroll = await file(db, admin, "payroll");
    expect(payroll.bytes.equals(csvBefore)).toBe(true);

    const { header, rows } = readCsv(payroll.bytes);
    expect(header).toBe(PAYROLL_COLUMNS.join(","));
    expect(payroll.fileName).toMatch(/^[A-Z0-9]+-2026-\d{5}-payroll\.csv$/);
    const giverRow = defined(rows.find((row) => row.person_id === org.giver.id));
    expect(giverRow).toMatchObject({
      period: BILL_MONTH,
      taxable_amount: "20.00",
      non_taxable_amount: "12.34",
      redemptions: "3",
      uncosted_custom_rewards: "1",
      taxable_kinds: "charity gift_card",
    });
    const formula = defined(rows.find((row) => row.person_id === org.awkward[4]?.id));
    expect(formula).toMatchObject({ person_name: "'=SUM(A1)", external_employee_id: "'=1+1" });
    expect(rows.find((row) => row.person_id === org.awkward[2]?.id)?.person_name).toBe("Cy\nTwo Lines");
  });

  it("totals the bill by department and by cost center for charging budgets back", async () => {
    const { db } = await database();
    const org = await billedOrg(db, fixture);
    await closeAt(db, org, BILL_MONTH, new Date());
    const departments = await file(db, org.admin.actor, "departments");
    const { header, rows } = readCsv(departments.bytes);
    expect(header).toBe(DEPARTMENT_COLUMNS.join(","));
    const figures = rows.map((row) => [row.dimension, row.name, row.lines, row.billed_amount]);
    expect(figures).toEqual([
      ["department", "Sales", "7", "40.00"],
      ["department", "R&D, Labs", "4", "20.00"],
      ["department", "", "2", "0.00"],
      ["cost_center", "CC-9", "3", "20.00"],
      ["cost_center", "CC-0", "3", "15.00"],
      ["cost_center", "CC-1", "3", "15.00"],
      ["cost_center", "CC-2", "2", "10.00"],
      ["cost_center", "", "2", "0.00"],
    ]);
  });

  it("is refused to employees and managers, and to no one outside the org it is about", async () => {
    const { db } = await database();
    const org = await billedOrg(db, fixture);
    const manager = await org.addPerson({ roles: ["employee", "manager"] });
    for (const actor of [org.awkward[0]?.actor, manager.actor]) {
      await expectDomainError(getPayroll(db, defined(actor), { period: BILL_MONTH }), "forbidden");
      await expectDomainError(
        exportBill(db, defined(actor), { period: BILL_MONTH, format: "payroll" }),
        "forbidden",
      );
    }
    const other = await billedOrg(db, fixture, "2026-04");
    await expectDomainError(getPayroll(db, other.admin.actor, { period: BILL_MONTH }), "not_found");
    const finance = await org.addPerson({ roles: ["employee", "finance"] });
    expect((await getPayroll(db, finance.actor, { period: BILL_MONTH })).rows).toHaveLength(10);
  });
});

describe("closing from the command line", () => {
  it("lets the operator close a named org's bill, and no one name an org that is not theirs", async () => {
    const { db } = await database();
    const org = await billedOrg(db, fixture);
    const other = await billedOrg(db, fixture);
    await expectDomainError(closeBill(db, { kind: "operator" }, { period: BILL_MONTH }), "invalid");
    await expectDomainError(
      closeBill(db, org.admin.actor, { period: BILL_MONTH, orgId: other.id }),
      "forbidden",
    );
    await expectDomainError(closeBill(db, org.system, { period: BILL_MONTH }), "forbidden");
    const closed = await closeBill(db, { kind: "operator" }, { period: BILL_MONTH, orgId: org.id });
    expect(closed).toMatchObject({ orgId: org.id, status: "closed", closedBy: null });
    expect((await closeBill(db, org.admin.actor, { period: BILL_MONTH, orgId: org.id })).number).toBe(
      closed.number,
    );
  });
});
