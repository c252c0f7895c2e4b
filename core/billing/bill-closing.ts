import { and, eq, type SQL, sql } from "drizzle-orm";
import type { Database, Executor } from "../../db/client";
import { billingSettings, bills, organizations } from "../../db/schema";
import { recordAudit } from "../org/audit";
import type { Actor } from "../shared/actor";
import { DomainError } from "../shared/errors";
import { billCsvSha256 } from "./bill-files";
import { localDaysAfter } from "./bill-period";
import type { BillRow } from "./bill-reading";
import { computeBillTotals } from "./bill-totals";
import { type BillingSettingsRow, billNumber, lockBillingSettings, numberPrefixOf } from "./billing-settings";

/**
 * Open bills whose month ended more than the org's grace period ago (five days unless finance set
 * another) at `now`, counted in calendar days of the bill's time zone as `localDaysAfter` counts them,
 * over `bills b left join billing_settings s on s.org_id = b.org_id`: what background work closes, and
 * the backlog's measure.
 */
export function automaticCloseDue(now: Date): SQL {
  return sql`b.status = 'open' and ${AUTOMATIC_CLOSE_AT} <= ${now.toISOString()}::timestamptz`;
}

/** When background work closes bill `b` by itself, over the same join as `automaticCloseDue`. */
export const AUTOMATIC_CLOSE_AT: SQL = sql`((b.period_end at time zone b.time_zone)
  + make_interval(days => coalesce(s.close_after_days, 5))) at time zone b.time_zone`;

/** What closing an open bill would do, and when it can and will happen. */
export interface ClosingOutlook {
  /** Finance may close it once its month has ended. */
  closableFrom: Date;
  canCloseNow: boolean;
  /** When background work closes it by itself: the org's grace period after the month's end. */
  closesAutomaticallyAt: Date;
  /** That time has passed: the next background pass closes it. */
  automaticCloseDue: boolean;
  /** The number it takes if it is the next bill of the org to close. */
  nextNumber: string;
}

export async function closingOutlook(
  db: Executor,
  bill: BillRow,
  settings: BillingSettingsRow,
  now: Date,
): Promise<ClosingOutlook> {
  const closesAutomaticallyAt = localDaysAfter(bill.periodEnd, settings.closeAfterDays, bill.timeZone);
  return {
    closableFrom: bill.periodEnd,
    canCloseNow: now >= bill.periodEnd,
    closesAutomaticallyAt,
    automaticCloseDue: now >= closesAutomaticallyAt,
    nextNumber: billNumber(await numberPrefixOf(db, settings), bill.period, settings.nextSequence),
  };
}

/** A bill after a close, and whether this close closed it (false: it was closed already). */
export interface BillClose {
  bill: BillRow;
  closedNow: boolean;
}

/**
 * Closes an open bill, in one transaction: takes the next number of the org's series under the billing
 * settings' lock (so concurrent closes queue and the series has no gap), freezes its totals and the
 * SHA-256 of its CSV. Its lines are numbered by their place in the bill, which they keep: none is
 * rewritten. Closing a closed bill returns it unchanged.
 */
export async function closeOpenBill(
  db: Database,
  actor: Actor,
  billId: string,
  now: Date,
): Promise<BillClose> {
  return db.transaction(async (tx) => {
    const [bill] = await tx.select().from(bills).where(eq(bills.id, billId)).for("update");
    if (!bill) throw new DomainError("not_found", "That bill doesn't exist.");
    if (bill.status === "closed") return { bill, closedNow: false };
    if (now < bill.periodEnd) {
      throw new DomainError("conflict", `The ${bill.period} bill can close once the month has ended.`, {
        field: "period",
      });
    }
    const settings = await lockBillingSettings(tx, bill.orgId);
    const sequence = settings.nextSequence;
    const number = billNumber(await numberPrefixOf(tx, settings), bill.period, sequence);
    await tx
      .update(billingSettings)
      .set({ nextSequence: sequence + 1 })
      .where(eq(billingSettings.orgId, bill.orgId));
    await numberCreditsReferringTo(tx, bill.id);
    // Numbered first, so that the CSV hashed now names the bill exactly as every later export will.
    const [numbered] = await tx
      .update(bills)
      .set({ sequence, number })
      .where(eq(bills.id, bill.id))
      .returning();
    if (!numbered) throw new Error(`bill ${bill.id} vanished while locked`);
    const [org] = await tx
      .select({ name: organizations.name })
      .from(organizations)
      .where(eq(organizations.id, bill.orgId));
    const totals = await computeBillTotals(tx, bill.id, settings.taxableKinds);
    const [closed] = await tx
      .update(bills)
      .set({
        status: "closed",
        orgName: org?.name ?? "",
        closedAt: now,
        closedBy: actor.kind === "person" ? actor.personId : null,
        csvSha256: await billCsvSha256(tx, numbered),
        totals,
      })
      .where(and(eq(bills.id, bill.id), eq(bills.status, "open")))
      .returning();
    if (!closed) throw new Error(`bill ${bill.id} vanished while locked`);
    await recordAudit(tx, actor, {
      orgId: bill.orgId,
      action: "bill.close",
      targetType: "bill",
      targetId: bill.id,
      before: { status: "open", period: bill.period },
      after: { status: "closed", number, lines: totals.lines, billedMinor: totals.billedMinor },
    });
    return { bill: closed, closedNow: true };
  });
}

/**
 * Credits on open bills (this one included) that correct a line of this bill store that line's number
 * now, as it will stay: a draft's numbers move as lines arrive; a closed bill's never do.
 */
async function numberCreditsReferringTo(tx: Executor, billId: string): Promise<void> {
  const credits = await tx.execute<{ id: number }>(sql`
    select c.id from bill_lines c join bill_lines r on r.id = c.refers_to_line_id
    join bills cb on cb.id = c.bill_id
    where r.bill_id = ${billId}::uuid and cb.status = 'open' limit 1`);
  if (credits.length === 0) return;
  await tx.execute(sql`
    update bill_lines c set refers_to_line_number = o.n
    from (select id, row_number() over (order by occurred_at, redemption_id, line_type) as n
          from bill_lines where bill_id = ${billId}::uuid) o, bills cb
    where c.refers_to_line_id = o.id and cb.id = c.bill_id and cb.status = 'open'`);
}
