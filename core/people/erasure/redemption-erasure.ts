import { and, eq, inArray, or, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Executor } from "../../../db/client";
import { billLines, redemptions } from "../../../db/schema";
import { queueFilter } from "../../rewards/redemption-queue";
import { ERASED_TEXT } from "./erased-identity";
import type { Redaction } from "./redaction";

const UNFINISHED = ["awaiting_approval", "submitted", "awaiting_fulfillment", "needs_attention"] as const;

/**
 * The person's redemptions that still have a step to take (an approval, an order, a hand-over, an
 * admin's decision on a failed delivery): each needs their name and email to finish, so erasure waits
 * for them.
 */
export async function countUnfinishedRedemptions(tx: Executor, orgId: string, personId: string) {
  const [row] = await tx
    .select({ count: sql<number>`count(*)`.mapWith(Number) })
    .from(redemptions)
    .where(
      and(
        eq(redemptions.orgId, orgId),
        eq(redemptions.personId, personId),
        or(inArray(redemptions.status, [...UNFINISHED]), queueFilter("attention")),
      ),
    );
  return row?.count ?? 0;
}

/**
 * The person's snapshot on each of their redemptions (name, email, employee id), where a gift went,
 * the gift link (a bearer secret no one may open any more), and the texts about it; the reward, points,
 * money, provider ids and ledger links stay, and so do the department and cost center, as on the bill.
 */
export async function eraseRedemptionSnapshots(
  tx: Executor,
  { identity, placeholders }: Redaction,
  at: Date,
): Promise<{ redemptions: number; giftLinks: number }> {
  const mine = and(eq(redemptions.orgId, identity.orgId), eq(redemptions.personId, identity.personId));
  const [links] = await tx
    .select({ count: sql<number>`count(*)`.mapWith(Number) })
    .from(redemptions)
    .where(and(mine, sql`${redemptions.giftLinkEncrypted} is not null`));
  const erasedText = (column: AnyPgColumn) =>
    sql`case when ${column} is null then null else ${ERASED_TEXT} end`;
  const changed = await tx
    .update(redemptions)
    .set({
      personName: placeholders.name,
      personEmail: placeholders.email,
      externalEmployeeId: null,
      recipientEmail: null,
      giftLinkEncrypted: null,
      outcomeReason: erasedText(redemptions.outcomeReason),
      attentionReason: erasedText(redemptions.attentionReason),
      lastError: null,
      updatedAt: at,
    })
    .where(mine)
    .returning({ id: redemptions.id });
  return { redemptions: changed.length, giftLinks: links?.count ?? 0 };
}

/** The person's bill lines: the org's accounting records, which erasure never changes. */
export async function countBillLines(tx: Executor, { identity }: Redaction): Promise<number> {
  const [row] = await tx
    .select({ count: sql<number>`count(*)`.mapWith(Number) })
    .from(billLines)
    .where(and(eq(billLines.orgId, identity.orgId), eq(billLines.personId, identity.personId)));
  return row?.count ?? 0;
}
