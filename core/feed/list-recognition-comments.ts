import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "../../db/client";
import { recognitions } from "../../db/schema";
import type { Actor } from "../shared/actor";
import { DomainError } from "../shared/errors";
import { actorOrgId, authorize } from "../shared/permissions";
import { parseInput, uuid } from "../shared/validation";
import { type CommentView, commentsOn } from "./comments";

const listInput = z.object({ recognitionId: uuid("Choose a recognition.") });

/** The comments under a recognition, oldest first; recognition is public within an org, and so are they. */
export async function listRecognitionComments(
  db: Executor,
  actor: Actor,
  input: z.input<typeof listInput>,
): Promise<{ comments: CommentView[] }> {
  authorize(actor, "read_feed");
  const orgId = actorOrgId(actor);
  const request = parseInput(listInput, input);
  const [recognition] = await db
    .select({ id: recognitions.id })
    .from(recognitions)
    .where(and(eq(recognitions.orgId, orgId), eq(recognitions.id, request.recognitionId)));
  if (!recognition) throw new DomainError("not_found", "That recognition doesn't exist.");
  return { comments: await commentsOn(db, orgId, request.recognitionId) };
}
