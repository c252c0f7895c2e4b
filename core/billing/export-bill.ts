import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "../../db/client";
import { organizations } from "../../db/schema";
import { recordAudit } from "../org/audit";
import type { Actor } from "../shared/actor";
import { type Clock, systemClock } from "../shared/clock";
import { actorOrgId, authorize } from "../shared/permissions";
import { parseInput, text } from "../shared/validation";
import { billCsvChunks, billFileName, billJsonChunks } from "./bill-files";
import { billPdfChunks } from "./bill-pdf";
import { billPeriod } from "./bill-period";
import { type BillRow, billLineBatches, findBill } from "./bill-reading";
import { departmentCsvChunks, payrollCsvChunks } from "./bill-summary-files";
import { type BillTotals, computeBillTotals } from "./bill-totals";
import { loadBillingSettings } from "./billing-settings";
import { billPayroll } from "./payroll-figures";

const exportInput = z.object({
  period: billPeriod,
  format: z.enum(
    ["csv", "json", "pdf", "payroll", "departments"],
    "Choose csv, json, pdf, payroll or departments.",
  ),
  /** The CSV SHA-256s of the copies the caller already has (an HTTP client's If-None-Match). */
  knownSha256s: z.array(text().max(200)).max(20).default([]),
});

export type ExportBillInput = z.input<typeof exportInput>;
export type BillFormat = z.output<typeof exportInput>["format"];

export interface BillExport {
  bill: BillRow;
  fileName: string;
  contentType: string;
  /** A closed bill's CSV: the SHA-256 it closed with, which its bytes have whenever they are made. */
  sha256: string | null;
  /** The caller already has this very file (`knownSha256s`): nothing is sent, and nothing recorded. */
  unchanged: boolean;
  /** The file, chunk by chunk, read from the database as it is sent. */
  chunks: AsyncGenerator<string | Uint8Array>;
}

const CSV = "text/csv; charset=utf-8";

/**
 * A bill as a file to stream: its CSV, the JSON twin of the same data, a PDF to file, the payroll
 * totals per person, or the totals per department and cost center. Exporting a closed bill is
 * recorded in the audit log, as finance's auditors ask.
 */
export async function exportBill(
  db: Executor,
  actor: Actor,
  input: ExportBillInput,
  clock: Clock = systemClock,
): Promise<BillExport> {
  authorize(actor, "read_bills");
  const orgId = actorOrgId(actor);
  const request = parseInput(exportInput, input);
  const bill = await findBill(db, orgId, request.period);
  const sha256 = request.format === "csv" ? bill.csvSha256 : null;
  const [org] = await db
    .select({ slug: organizations.slug, name: organizations.name })
    .from(organizations)
    .where(eq(organizations.id, orgId));
  const slug = org?.slug ?? "bill";
  const unchanged = sha256 !== null && request.knownSha256s.includes(sha256);
  if (bill.status === "closed" && !unchanged) {
    await recordAudit(db, actor, {
      orgId,
      action: "bill.export",
      targetType: "bill",
      targetId: bill.id,
      after: { number: bill.number, format: request.format },
    });
  }
  const totals = async () =>
    (bill.totals as BillTotals | null) ??
    computeBillTotals(db, bill.id, (await loadBillingSettings(db, orgId)).taxableKinds);
  const file = (
    extension: string,
    contentType: string,
    chunks: AsyncGenerator<string | Uint8Array>,
    part?: string,
  ) => ({
    bill,
    fileName: billFileName(bill, slug, extension, part),
    contentType,
    sha256,
    unchanged,
    chunks: unchanged ? nothing() : chunks,
  });
  switch (request.format) {
    case "csv":
      return file("csv", CSV, billCsvChunks(db, bill));
    case "json":
      return file("json", "application/json", billJsonChunks(db, bill, await totals()));
    case "pdf": {
      const context = { orgName: bill.orgName ?? org?.name ?? "", totals: await totals(), now: clock() };
      return file("pdf", "application/pdf", billPdfChunks(bill, context, billLineBatches(db, bill)));
    }
    case "payroll":
      return file("csv", CSV, toAsync(payrollCsvChunks(bill, await billPayroll(db, bill))), "payroll");
    case "departments":
      return file("csv", CSV, toAsync(departmentCsvChunks(bill, await totals())), "departments");
  }
}

async function* nothing(): AsyncGenerator<string> {}

async function* toAsync(chunks: Iterable<string>): AsyncGenerator<string> {
  yield* chunks;
}
