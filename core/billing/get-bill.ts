import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "../../db/client";
import { billLineType, people } from "../../db/schema";
import type { Actor } from "../shared/actor";
import { type Clock, systemClock } from "../shared/clock";
import { invalidCursor, isDatabaseTime } from "../shared/cursor";
import { actorOrgId, authorize } from "../shared/permissions";
import { parseInput, text, uuid } from "../shared/validation";
import { type ClosingOutlook, closingOutlook } from "./bill-closing";
import type { LinePosition } from "./bill-pages";
import { billPeriod } from "./bill-period";
import { type BillRow, billLineBatches, findBill, type PlacedBillLine } from "./bill-reading";
import { type BillTieOut, billTieOut } from "./bill-tie-out";
import { type BillTotals, computeBillTotals } from "./bill-totals";
import { loadBillingSettings } from "./billing-settings";

const getBillInput = z.object({
  period: billPeriod,
  cursor: text().max(500).optional(),
  limit: z.number().int().min(1).max(500).default(50),
});

export type GetBillInput = z.input<typeof getBillInput>;

export interface BillView {
  bill: BillRow;
  /** Frozen for a closed bill; for a draft, as its lines stand now (provisional). */
  totals: BillTotals;
  tieOut: BillTieOut;
  closedByName: string | null;
  /** For an open bill: when it can close and will close by itself, and the number it would take. */
  closing: ClosingOutlook | null;
  lines: PlacedBillLine[];
  nextCursor: string | null;
}

const linePosition = z.object({
  occurredAt: text().refine(isDatabaseTime),
  redemptionId: uuid(),
  lineType: z.enum(billLineType.enumValues),
  line: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1),
});

function decodeCursor(cursor: string): LinePosition {
  try {
    const position = linePosition.safeParse(JSON.parse(Buffer.from(cursor, "base64url").toString()));
    if (position.success) return position.data;
  } catch {}
  throw invalidCursor();
}

/** A month's bill for finance: its totals, how it ties out to the ledger, and a page of its lines. */
export async function getBill(
  db: Executor,
  actor: Actor,
  input: GetBillInput,
  clock: Clock = systemClock,
): Promise<BillView> {
  authorize(actor, "read_bills");
  const orgId = actorOrgId(actor);
  const request = parseInput(getBillInput, input);
  const bill = await findBill(db, orgId, request.period);
  const from = request.cursor ? decodeCursor(request.cursor) : null;
  const batches = billLineBatches(db, bill, from, request.limit);
  const first = await batches.next();
  await batches.return(undefined);
  const lines = first.done ? [] : first.value;
  const open = bill.status === "open" ? await loadBillingSettings(db, orgId) : null;
  const [totals, closing, tieOut, closer] = await Promise.all([
    open ? computeBillTotals(db, bill.id, open.taxableKinds) : (bill.totals as BillTotals),
    open ? closingOutlook(db, bill, open, clock()) : null,
    billTieOut(db, bill.id),
    bill.closedBy
      ? db
          .select({ name: people.name })
          .from(people)
          .where(and(eq(people.orgId, orgId), eq(people.id, bill.closedBy)))
      : Promise.resolve([]),
  ]);
  const last = lines.at(-1);
  return {
    bill,
    totals,
    tieOut,
    closedByName: closer[0]?.name ?? null,
    closing,
    lines,
    nextCursor:
      last && lines.length === request.limit
        ? Buffer.from(JSON.stringify(last.position)).toString("base64url")
        : null,
  };
}
