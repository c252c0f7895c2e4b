import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../../db/client";
import { providerWebhookEvents, redemptions } from "../../db/schema";
import type { Actor } from "../shared/actor";
import { systemClock } from "../shared/clock";
import { authorize } from "../shared/permissions";
import { parseInput, text, uuid } from "../shared/validation";
import type { RewardDeps } from "./order-placement";

const webhookInput = z.object({
  provider: z.enum(["sandbox", "tremendous"]),
  /** The org whose webhook key verified it; a Tremendous event is only ever about that org's orders. */
  orgId: uuid().optional(),
  event: z.object({
    uuid: text().min(1).max(200),
    event: text().min(1).max(200),
    createdAt: text().max(100),
    resource: z.object({ type: z.enum(["orders", "rewards", "other"]), id: text().min(1).max(200) }),
  }),
});

export type RecordProviderWebhookInput = z.input<typeof webhookInput>;

export interface RecordedWebhook {
  /** Seen before under the same uuid: nothing was done. */
  duplicate: boolean;
  /** The redemption it is about, now due for a follow-up; null when it names none Plaudit knows. */
  redemption: { orgId: string; id: string } | null;
}

/**
 * A provider's webhook, its signature already verified by the route. Its payload is never trusted: it
 * only marks the redemption it names as due, and the follow-up reads the real state back from the
 * provider. Deduplicated on the event's uuid, so a redelivery does nothing.
 */
export async function recordProviderWebhook(
  db: Database,
  actor: Actor,
  input: RecordProviderWebhookInput,
  deps: Pick<RewardDeps, "clock"> = {},
): Promise<RecordedWebhook> {
  authorize(actor, "run_background_work");
  const { provider, orgId, event } = parseInput(webhookInput, input);
  const now = (deps.clock ?? systemClock)();
  return db.transaction(async (tx) => {
    const { id: resourceId, type } = event.resource;
    const [redemption] =
      type === "other"
        ? []
        : await tx
            .select({ orgId: redemptions.orgId, id: redemptions.id })
            .from(redemptions)
            .where(
              and(
                // The deployment's route may hear of any org's order; an org's system actor of its own only.
                actor.kind === "system" ? eq(redemptions.orgId, actor.orgId) : undefined,
                eq(redemptions.provider, provider),
                orgId ? eq(redemptions.orgId, orgId) : undefined,
                type === "orders"
                  ? eq(redemptions.providerOrderId, resourceId)
                  : eq(redemptions.providerRewardId, resourceId),
              ),
            )
            .limit(1);
    const [inserted] = await tx
      .insert(providerWebhookEvents)
      .values({
        provider,
        uuid: event.uuid,
        orgId: redemption?.orgId ?? null,
        event: event.event,
        resourceType: type,
        resourceId,
        receivedAt: now,
      })
      .onConflictDoNothing()
      .returning({ uuid: providerWebhookEvents.uuid });
    if (!inserted) return { duplicate: true, redemption: null };
    if (!redemption) return { duplicate: false, redemption: null };
    // Only an order still under way or a delivery can change; a closed redemption stays closed.
    await tx
      .update(redemptions)
      .set({ nextAttemptAt: now, updatedAt: now })
      .where(
        and(
          eq(redemptions.orgId, redemption.orgId),
          eq(redemptions.id, redemption.id),
          inArray(redemptions.status, ["submitted", "fulfilled"]),
        ),
      );
    return { duplicate: false, redemption };
  });
}
