import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../../db/client";
import { people } from "../../db/schema";
import type { Actor } from "../shared/actor";
import { DomainError } from "../shared/errors";
import { authorize } from "../shared/permissions";
import { parseInput } from "../shared/validation";
import { getNotificationPreferences, type NotificationPreferences } from "./get-notification-preferences";

const preferencesInput = z
  .object({
    allowanceReminders: z.boolean("Say whether to get month-end reminders.").optional(),
    teamDigest: z.boolean("Say whether to get the weekly team digest.").optional(),
  })
  .strict();

export type UpdateNotificationPreferencesInput = z.input<typeof preferencesInput>;

/** Turns the actor's own month-end reminders or weekly team digest on or off; what is left out stays. */
export async function updateNotificationPreferences(
  db: Database,
  actor: Actor,
  input: UpdateNotificationPreferencesInput,
): Promise<NotificationPreferences> {
  authorize(actor, "manage_own_preferences");
  if (actor.kind !== "person") throw new DomainError("forbidden", "Only a person has preferences.");
  const asked = parseInput(preferencesInput, input);
  const changes = Object.fromEntries(Object.entries(asked).filter(([, value]) => value !== undefined));
  return db.transaction(async (tx) => {
    if (Object.keys(changes).length > 0) {
      await tx
        .update(people)
        .set(changes)
        .where(and(eq(people.orgId, actor.orgId), eq(people.id, actor.personId)));
    }
    return getNotificationPreferences(tx, actor);
  });
}
