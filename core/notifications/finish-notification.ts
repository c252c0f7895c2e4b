import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "../../db/client";
import { notifications } from "../../db/schema";
import type { Actor } from "../shared/actor";
import { type Clock, systemClock } from "../shared/clock";
import { authorize } from "../shared/permissions";
import { parseInput, text } from "../shared/validation";

const finishInput = z.object({
  id: z.number().int().positive(),
  /** `sent`; `skipped` when the person can't be reached (no Slack account, Slack not connected); `failed`. */
  outcome: z.enum(["sent", "skipped", "failed"]),
  /** Why it was skipped or failed, for the operator. */
  detail: text().max(500).optional(),
  attempts: z.number().int().min(1),
});

export type FinishNotificationInput = z.input<typeof finishInput>;

/** A notice that failed is tried again this long after each attempt; after the last, it is given up. */
const RETRY_MS = [30_000, 5 * 60_000, 30 * 60_000];

/** Records what became of a claimed notice: done, or due again later after a failure. */
export async function finishNotification(
  db: Executor,
  actor: Actor,
  input: FinishNotificationInput,
  clock: Clock = systemClock,
): Promise<void> {
  authorize(actor, "run_background_work");
  const request = parseInput(finishInput, input);
  const now = clock();
  const retryIn = request.outcome === "failed" ? RETRY_MS[request.attempts - 1] : undefined;
  const outcome = request.detail ? `${request.outcome}: ${request.detail}` : request.outcome;
  await db
    .update(notifications)
    .set(
      retryIn === undefined
        ? { doneAt: now, outcome }
        : { nextAttemptAt: new Date(now.getTime() + retryIn), outcome },
    )
    .where(
      and(
        eq(notifications.id, request.id),
        isNull(notifications.doneAt),
        // An org's system actor finishes its own org's notices only; the operator any.
        actor.kind === "system" ? eq(notifications.orgId, actor.orgId) : undefined,
      ),
    );
}
