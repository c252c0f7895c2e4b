import type { redemptions } from "../../db/schema";
import type { PointValue } from "../shared/money";
import { openSecret } from "../shared/secret-box";

export type RedemptionRow = typeof redemptions.$inferSelect;
export type RedemptionStatus = RedemptionRow["status"];
export type RedemptionKind = RedemptionRow["kind"];

/** Statuses in which the points are still held: the redemption is not over. */
export const OPEN_STATUSES: readonly RedemptionStatus[] = [
  "awaiting_approval",
  "submitted",
  "awaiting_fulfillment",
  "needs_attention",
];

export interface RedemptionView {
  id: string;
  kind: RedemptionKind;
  status: RedemptionStatus;
  points: number;
  faceValueMinor: number;
  currency: string;
  /** The point value the redemption was priced at, which is what its money figures use. */
  pointValue: PointValue;
  brand: string;
  rewardName: string;
  person: { id: string; name: string };
  requestedAt: Date;
  fulfilledAt: Date | null;
  closedAt: Date | null;
  deliveryMethod: "email" | "link" | null;
  recipientEmail: string | null;
  deliveryStatus: "scheduled" | "pending" | "succeeded" | "failed" | null;
  /** Why it was declined, failed or canceled, for the person who asked. */
  outcomeReason: string | null;
  shareInFeed: boolean;
  /** The gift link, to its owner only; a bearer secret for everyone else. */
  giftLink: string | null;
  /** What admins need to act on it; null for anyone else. */
  handling: RedemptionHandling | null;
}

export interface RedemptionHandling {
  attentionReason: string | null;
  lastError: string | null;
  attempts: number;
  nextAttemptAt: Date | null;
  providerOrderId: string | null;
  providerStatus: string | null;
  department: string | null;
  costCenter: string | null;
  personEmail: string;
  decidedAt: Date | null;
}

/** A redemption as `viewer` may see it: its owner gets the gift link, admins get how it is handled. */
export function redemptionView(
  row: RedemptionRow,
  viewer: { isOwner: boolean; handles: boolean },
): RedemptionView {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    points: row.points,
    faceValueMinor: row.faceValueMinor,
    currency: row.currency,
    pointValue: { points: row.pointValuePoints, minor: row.pointValueMinor, currency: row.currency },
    brand: row.brand,
    rewardName: row.rewardName,
    person: { id: row.personId, name: row.personName },
    requestedAt: row.requestedAt,
    fulfilledAt: row.fulfilledAt,
    closedAt: row.closedAt,
    deliveryMethod: row.deliveryMethod,
    recipientEmail: row.recipientEmail,
    deliveryStatus: row.deliveryStatus,
    outcomeReason: row.outcomeReason,
    shareInFeed: row.shareInFeed,
    giftLink: viewer.isOwner && row.giftLinkEncrypted ? openSecret(row.giftLinkEncrypted) : null,
    handling: viewer.handles
      ? {
          attentionReason: row.attentionReason,
          lastError: row.lastError,
          attempts: row.attempts,
          nextAttemptAt: row.nextAttemptAt,
          providerOrderId: row.providerOrderId,
          providerStatus: row.providerStatus,
          department: row.department,
          costCenter: row.costCenter,
          personEmail: row.personEmail,
          decidedAt: row.decidedAt,
        }
      : null,
  };
}
