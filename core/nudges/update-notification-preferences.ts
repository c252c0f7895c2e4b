import { and, eq, sql } from "drizzle-orm";
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
    publicCelebrations: z
      .boolean("Say whether your birthday and work anniversaries are celebrated in public.")
      .optional(),
  })
  .strict();

export type UpdateNotificationPreferencesInput = z.input<typeof preferencesInput>;

/**
 * Turns the actor's own month-end reminders, weekly team digest or public celebrations (the feed and the
 * Slack channel; the points and the direct message come either way) on or off; what is left out stays.
 */
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
    if (asked.publicCelebrations !== undefined) {
      // The choice covers their celebrations already in (or kept out of) the feed, not only those to come.
      await tx.execute(sql`
        update recognitions r set in_feed = ${asked.publicCelebrations}
        from celebrations c
        where c.org_id = ${actor.orgId}::uuid and c.person_id = ${actor.personId}::uuid
          and r.org_id = c.org_id and r.id = c.recognition_id and r.in_feed <> ${asked.publicCelebrations}`);
    }
    return getNotificationPreferences(tx, actor);
  });
}
