import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { customRewards, people, redemptions } from "../../db/schema";
import { addChargeLines, addCreditLine } from "../billing/bill-lines";
import { releaseHold, reverseSettledHold, settleHold } from "../ledger/holds";
import { type Notice, type NotificationKind, queueNotifications } from "../notifications/outbox";
import { DomainError } from "../shared/errors";
import type { RedemptionRow, RedemptionStatus } from "./redemption-view";

/**
 * The steps that move a redemption's points, each inside the caller's transaction on a row it has
 * locked: settle (fulfilled), release (failed, declined), reverse (a fulfilled reward canceled). Each
 * posts under a key derived from the redemption, so a repeated step never moves points twice, and each
 * queues the notice that tells the person.
 */

export type RedemptionPatch = Partial<Omit<typeof redemptions.$inferInsert, "id" | "orgId" | "personId">>;

/** A redemption of the org as it stands, unlocked: for deciding what to ask a provider before locking it. */
export async function findRedemption(db: Executor, orgId: string, id: string): Promise<RedemptionRow> {
  const [row] = await db
    .select()
    .from(redemptions)
    .where(and(eq(redemptions.orgId, orgId), eq(redemptions.id, id)));
  if (!row) throw new DomainError("not_found", "That redemption doesn't exist.", { field: "redemptionId" });
  return row;
}

export async function lockRedemption(tx: Executor, orgId: string, id: string): Promise<RedemptionRow> {
  const [row] = await tx
    .select()
    .from(redemptions)
    .where(and(eq(redemptions.orgId, orgId), eq(redemptions.id, id)))
    .for("update");
  if (!row) throw new DomainError("not_found", "That redemption doesn't exist.", { field: "redemptionId" });
  return row;
}

export async function updateRedemption(
  tx: Executor,
  row: RedemptionRow,
  patch: RedemptionPatch,
  at: Date,
): Promise<RedemptionRow> {
  const [updated] = await tx
    .update(redemptions)
    .set({ ...patch, updatedAt: at })
    .where(and(eq(redemptions.orgId, row.orgId), eq(redemptions.id, row.id)))
    .returning();
  if (!updated) throw new Error(`redemption ${row.id} vanished while locked`);
  return updated;
}

/** Refuses a step from a status it does not start from; the message says where the redemption stands. */
export function expectStatus(row: RedemptionRow, ...allowed: RedemptionStatus[]): void {
  if (!allowed.includes(row.status)) {
    throw new DomainError("conflict", `That redemption is ${row.status.replaceAll("_", " ")} now.`, {
      status: row.status,
    });
  }
}

export function redemptionNotice(
  row: RedemptionRow,
  kind: NotificationKind,
  extra: Record<string, unknown> = {},
  personId = row.personId,
): Notice {
  return {
    orgId: row.orgId,
    personId,
    kind,
    dedupeKey: `${kind}:${row.id}:${personId}`,
    payload: {
      redemptionId: row.id,
      rewardName: row.rewardName,
      brand: row.brand,
      points: row.points,
      faceValueMinor: row.faceValueMinor,
      currency: row.currency,
      pointValue: { points: row.pointValuePoints, minor: row.pointValueMinor, currency: row.currency },
      requester: row.personName,
      ...extra,
    },
  };
}

export async function settleRedemption(
  tx: Executor,
  row: RedemptionRow,
  patch: RedemptionPatch,
  at: Date,
): Promise<RedemptionRow> {
  const closeTransactionId = await settleHold(tx, {
    orgId: row.orgId,
    holdTransactionId: row.holdTransactionId,
    idempotencyKey: `redemption:${row.id}:settle`,
    at,
  });
  const settled = await updateRedemption(
    tx,
    row,
    {
      attentionReason: null,
      lastError: null,
      nextAttemptAt: null,
      ...patch,
      status: "fulfilled",
      closeTransactionId,
      fulfilledAt: at,
    },
    at,
  );
  await addChargeLines(tx, settled, at);
  await queueNotifications(tx, [redemptionNotice(settled, "redemption.fulfilled")]);
  return settled;
}

export async function releaseRedemption(
  tx: Executor,
  row: RedemptionRow,
  outcome: { status: "failed" | "declined"; reason: string; decidedBy?: string | null },
  at: Date,
  patch: RedemptionPatch = {},
): Promise<RedemptionRow> {
  await returnStock(tx, row);
  const closeTransactionId = await releaseHold(tx, {
    orgId: row.orgId,
    holdTransactionId: row.holdTransactionId,
    idempotencyKey: `redemption:${row.id}:release`,
    at,
  });
  const released = await updateRedemption(
    tx,
    row,
    {
      ...patch,
      status: outcome.status,
      outcomeReason: outcome.reason,
      closeTransactionId,
      closedAt: at,
      nextAttemptAt: null,
      attentionReason: null,
      ...(outcome.decidedBy !== undefined ? { decidedBy: outcome.decidedBy, decidedAt: at } : {}),
    },
    at,
  );
  const kind = outcome.status === "declined" ? "redemption.declined" : "redemption.failed";
  await queueNotifications(tx, [redemptionNotice(released, kind, { reason: outcome.reason })]);
  return released;
}

export async function reverseRedemption(
  tx: Executor,
  row: RedemptionRow,
  reason: string,
  at: Date,
  patch: RedemptionPatch = {},
): Promise<RedemptionRow> {
  await returnStock(tx, row);
  const reversalTransactionId = await reverseSettledHold(tx, {
    orgId: row.orgId,
    holdTransactionId: row.holdTransactionId,
    idempotencyKey: `redemption:${row.id}:reversal`,
    memo: `Reward canceled: ${row.rewardName}`,
    at,
  });
  const reversed = await updateRedemption(
    tx,
    row,
    {
      ...patch,
      status: "canceled",
      outcomeReason: reason,
      reversalTransactionId,
      closedAt: at,
      nextAttemptAt: null,
      attentionReason: null,
    },
    at,
  );
  await addCreditLine(tx, reversed, at);
  await queueNotifications(tx, [redemptionNotice(reversed, "redemption.canceled", { reason })]);
  return reversed;
}

/**
 * A custom reward that was not handed over goes back on the shelf. Called before the points move: a
 * request locks the reward's row and then the person's earned balance, so a release or reversal that
 * locked them the other way round could deadlock with the same person asking for the same reward again.
 */
async function returnStock(tx: Executor, row: RedemptionRow): Promise<void> {
  if (!row.customRewardId) return;
  await tx
    .update(customRewards)
    .set({ stock: sql`${customRewards.stock} + 1` })
    .where(
      and(
        eq(customRewards.orgId, row.orgId),
        eq(customRewards.id, row.customRewardId),
        sql`${customRewards.stock} is not null`,
      ),
    );
}

/** Tells every active admin that a redemption waits for their decision. */
export async function askApprovers(tx: Executor, row: RedemptionRow): Promise<void> {
  const admins = await tx
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.orgId, row.orgId), eq(people.active, true), sql`'admin' = any(${people.roles})`));
  await queueNotifications(
    tx,
    admins.map((admin) => redemptionNotice(row, "redemption.awaiting_approval", {}, admin.id)),
  );
}
