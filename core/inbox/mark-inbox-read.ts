import { and, eq } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { people } from "../../db/schema";
import type { Actor } from "../shared/actor";
import { type Clock, systemClock } from "../shared/clock";
import { DomainError } from "../shared/errors";
import { authorize } from "../shared/permissions";

/** Marks everything in the actor's inbox up to now as read. */
export async function markInboxRead(db: Executor, actor: Actor, clock: Clock = systemClock): Promise<void> {
  authorize(actor, "read_own_inbox");
  if (actor.kind !== "person") throw new DomainError("forbidden", "Only a person has an inbox.");
  await db
    .update(people)
    .set({ inboxSeenAt: clock() })
    .where(and(eq(people.orgId, actor.orgId), eq(people.id, actor.personId)));
}
