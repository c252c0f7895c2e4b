import { type SQL, sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { notifications } from "../../db/schema";

export type NotificationKind =
  | "redemption.fulfilled"
  | "redemption.declined"
  | "redemption.failed"
  | "redemption.canceled"
  | "redemption.delivery_failed"
  | "redemption.awaiting_approval"
  | "nudge.allowance_left"
  | "digest.team_weekly"
  | "level.reached"
  /** Posted in the org's celebration channel (`payload.channel`) rather than sent to the person. */
  | "level.reached_channel"
  /** To the person celebrated, as a direct message. */
  | "celebration.direct"
  /**
   * A post in the org's celebration channel about the person celebrated (`payload.channel`). It goes
   * through the outbox like a direct message, so that it is sent once the celebration commits, however
   * the pass ends; it is kept under that person, whom it is about.
   */
  | "celebration.channel";

export interface Notice {
  orgId: string;
  personId: string;
  kind: NotificationKind;
  /** One notice per event and person, however often the change that causes it is retried. */
  dedupeKey: string;
  payload: Record<string, unknown>;
}

/** Notices waiting to be sent at `now`, over `notifications`: what senders claim, and the backlog's measure. */
export function noticeDue(now: Date): SQL {
  return sql`done_at is null and next_attempt_at <= ${now.toISOString()}::timestamptz`;
}

/**
 * Queues messages to people in the caller's transaction, beside the change they tell of: they are
 * sent only once it commits, and sent even if the process dies right after.
 */
export async function queueNotifications(tx: Executor, notices: readonly Notice[]): Promise<void> {
  if (notices.length === 0) return;
  await tx
    .insert(notifications)
    .values(notices.map((notice) => ({ ...notice, payload: notice.payload })))
    .onConflictDoNothing({ target: [notifications.orgId, notifications.dedupeKey] });
}
