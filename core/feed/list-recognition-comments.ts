import { z } from "zod";
import type { Executor } from "../../db/client";
import type { Actor } from "../shared/actor";
import { actorOrgId, authorize } from "../shared/permissions";
import { parseInput, uuid } from "../shared/validation";
import { type CommentView, commentsOn } from "./comments";
import { requireVisibleRecognition, viewerOf } from "./recognition-lookup";

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
  await requireVisibleRecognition(db, orgId, request.recognitionId, viewerOf(actor));
  return { comments: await commentsOn(db, orgId, request.recognitionId) };
}
