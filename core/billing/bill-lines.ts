import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { billLines, bills, people } from "../../db/schema";
import { loadOrgContext } from "../org/org-context";
import type { RedemptionRow } from "../rewards/redemption-view";
import { localDay } from "../shared/periods";
import { nextPeriod, periodBounds, periodOfInstant } from "./bill-period";
import { placeOfLine } from "./bill-reading";

/**
 * The open bill for a line that happened at `at`: its month's, or, when that bill has closed, the next
 * open one (a late fulfilment or a cancellation after close lands there). Created on first use; read
 * with a share lock, so that no line joins a bill while it is being closed.
 */
async function openBillFor(tx: Executor, orgId: string, at: Date): Promise<string> {
  const org = await loadOrgContext(tx, orgId);
  let { period } = periodOfInstant(at, org.timeZone);
  for (;;) {
    const bounds = periodBounds(period, org.timeZone);
    await tx
      .insert(bills)
      .values({
        orgId,
        period,
        timeZone: org.timeZone,
        periodStart: bounds.start,
        periodEnd: bounds.end,
        currency: org.pointValue.currency,
      })
      .onConflictDoNothing({ target: [bills.orgId, bills.period] });
    const [bill] = await tx
      .select({ id: bills.id, status: bills.status })
      .from(bills)
      .where(and(eq(bills.orgId, orgId), eq(bills.period, period)))
      .for("share");
    if (bill?.status === "open") return bill.id;
    period = nextPeriod(period, org.timeZone);
  }
}

/**
 * The bill's snapshot of a fulfilled redemption, in the settle's transaction: a charge at face value (a
 * custom reward is charged nothing, its internal cost shown apart) and a fee line when the provider
 * charged one. The person's details are read as they are now, at fulfilment.
 */
export async function addChargeLines(tx: Executor, row: RedemptionRow, at: Date): Promise<void> {
  if (row.closeTransactionId === null || row.fulfilledAt === null) {
    throw new Error(`redemption ${row.id} is billed before it was settled`);
  }
  const [person] = await tx
    .select()
    .from(people)
    .where(and(eq(people.orgId, row.orgId), eq(people.id, row.personId)));
  if (!person) throw new Error(`redemption ${row.id} names no person of its org`);
  const billId = await openBillFor(tx, row.orgId, at);
  const { timeZone } = await loadOrgContext(tx, row.orgId);
  const snapshot = {
    orgId: row.orgId,
    billId,
    occurredAt: at,
    redemptionId: row.id,
    requestedAt: row.requestedAt,
    fulfilledAt: row.fulfilledAt,
    fulfilledDate: localDay(row.fulfilledAt, timeZone),
    personId: row.personId,
    externalEmployeeId: person.externalEmployeeId,
    personName: person.name,
    personEmail: person.email,
    department: person.department,
    costCenter: person.costCenter,
    rewardKind: row.kind,
    brand: row.brand,
    rewardName: row.rewardName,
    provider: row.provider,
    providerOrderId: row.providerOrderId,
    providerRewardId: row.providerRewardId,
    productId: row.productId,
    pointValuePoints: row.pointValuePoints,
    pointValueMinor: row.pointValueMinor,
    currency: row.currency,
    status: "fulfilled",
    ledgerTransactionId: row.closeTransactionId,
  };
  const charge = {
    ...snapshot,
    lineType: "charge" as const,
    points: row.points,
    faceValueMinor: row.faceValueMinor,
    billedMinor: row.kind === "custom" ? 0 : row.faceValueMinor,
    internalCostMinor: row.internalCostMinor,
  };
  const fee = {
    ...snapshot,
    lineType: "fee" as const,
    points: 0,
    faceValueMinor: 0,
    billedMinor: row.feesMinor ?? 0,
    feeMinor: row.feesMinor ?? 0,
  };
  await tx
    .insert(billLines)
    .values((row.feesMinor ?? 0) > 0 ? [charge, fee] : [charge])
    .onConflictDoNothing({ target: [billLines.redemptionId, billLines.lineType] });
}

/**
 * A canceled reward's credit, in the reversal's transaction: the charge's snapshot with every figure
 * negated, naming the line it corrects, on the bill open when the cancellation happened (the charge's
 * own, while it is still open: both lines then stay visible and net out).
 */
export async function addCreditLine(tx: Executor, row: RedemptionRow, at: Date): Promise<void> {
  if (row.reversalTransactionId === null) throw new Error(`redemption ${row.id} is credited unreversed`);
  const [charge] = await tx
    .select()
    .from(billLines)
    .where(and(eq(billLines.redemptionId, row.id), eq(billLines.lineType, "charge")));
  if (!charge) throw new Error(`redemption ${row.id} is credited without a charge`);
  const { id, createdAt, ...snapshot } = charge;
  const [original] = await tx.execute<{ closed: boolean; line: number }>(sql`
    select b.status = 'closed' as closed, ${sql.raw(placeOfLine("c"))} as line
    from bill_lines c join bills b on b.id = c.bill_id where c.id = ${id}`);
  await tx
    .insert(billLines)
    .values({
      ...snapshot,
      billId: await openBillFor(tx, row.orgId, at),
      lineType: "credit",
      occurredAt: at,
      points: -charge.points,
      faceValueMinor: -charge.faceValueMinor,
      billedMinor: -charge.billedMinor,
      internalCostMinor: charge.internalCostMinor === null ? null : -charge.internalCostMinor,
      status: "canceled",
      refersToLineId: id,
      // A closed bill's lines keep their places; an open one's number is stored when it closes.
      refersToLineNumber: original?.closed ? original.line : null,
      ledgerTransactionId: row.reversalTransactionId,
    })
    .onConflictDoNothing({ target: [billLines.redemptionId, billLines.lineType] });
}
