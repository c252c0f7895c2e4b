import { and, eq, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { recognitions } from "../../db/schema";
import type { Actor } from "../shared/actor";
import { DomainError } from "../shared/errors";

/** Refuses a recognition the org doesn't have, exactly like one that doesn't exist anywhere. */
export async function requireRecognition(db: Executor, orgId: string, recognitionId: string): Promise<void> {
  const [recognition] = await db
    .select({ id: recognitions.id })
    .from(recognitions)
    .where(and(eq(recognitions.orgId, orgId), eq(recognitions.id, recognitionId)));
  if (!recognition) throw new DomainError("not_found", "That recognition doesn't exist.");
}

/** The person an actor is, whose own reactions a page marks; an org-level actor is no one. */
export function viewerOf(actor: Actor): string | undefined {
  return actor.kind === "person" ? actor.personId : undefined;
}

/**
 * Which recognitions (as `r`) a viewer may see: those in the feed, and those kept out of it (a private
 * celebration) only by their recipients. An org-level actor (the API) is no one, so sees the feed's.
 */
export function visibleTo(orgId: string, viewerId: string | undefined): SQL {
  if (!viewerId) return sql`r.in_feed`;
  return sql`(r.in_feed or exists (select 1 from recognition_recipients own
    where own.org_id = ${orgId}::uuid and own.recognition_id = r.id and own.person_id = ${viewerId}::uuid))`;
}

/**
 * Refuses a recognition the viewer may not see (another org's, or one kept out of the feed that isn't
 * theirs) exactly like one that doesn't exist, so no one reacts to or comments on what they can't see.
 */
export async function requireVisibleRecognition(
  db: Executor,
  orgId: string,
  recognitionId: string,
  viewerId: string | undefined,
): Promise<void> {
  const rows = await db.execute(sql`
    select 1 from recognitions r
    where r.org_id = ${orgId}::uuid and r.id = ${recognitionId}::uuid and ${visibleTo(orgId, viewerId)}`);
  if (rows.length === 0) throw new DomainError("not_found", "That recognition doesn't exist.");
}
