import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../../db/client";
import { recognitionComments } from "../../db/schema";
import type { Actor } from "../shared/actor";
import { type Clock, systemClock } from "../shared/clock";
import { DomainError } from "../shared/errors";
import { authorize } from "../shared/permissions";
import { parseInput, text, uuid } from "../shared/validation";
import { type CommentView, commentBody, commentsOn } from "./comments";
import { requireVisibleRecognition } from "./recognition-lookup";

const commentInput = z.object({
  recognitionId: uuid("Choose a recognition."),
  body: commentBody,
  idempotencyKey: text().min(1).max(200),
  /** Where it was written: on the web, or as a reply in the recognition's Slack thread. */
  source: z.enum(["web", "slack"]).default("web"),
});

export type CommentOnRecognitionInput = z.input<typeof commentInput>;

/**
 * Posts the actor's comment under a recognition of their org, once per key however often it is sent,
 * and answers the recognition's comments as they now stand.
 */
export async function commentOnRecognition(
  db: Database,
  actor: Actor,
  input: CommentOnRecognitionInput,
  clock: Clock = systemClock,
): Promise<{ comment: CommentView; comments: CommentView[]; replayed: boolean }> {
  authorize(actor, "comment_on_recognitions");
  if (actor.kind !== "person") throw new DomainError("forbidden", "Only a person comments on a recognition.");
  const request = parseInput(commentInput, input);
  return db.transaction(async (tx) => {
    await requireVisibleRecognition(tx, actor.orgId, request.recognitionId, actor.personId);
    const inserted = await tx
      .insert(recognitionComments)
      .values({
        orgId: actor.orgId,
        recognitionId: request.recognitionId,
        authorId: actor.personId,
        body: request.body,
        source: request.source,
        idempotencyKey: request.idempotencyKey,
        createdAt: clock(),
      })
      .onConflictDoNothing({ target: [recognitionComments.orgId, recognitionComments.idempotencyKey] })
      .returning({ id: recognitionComments.id });
    let commentId = inserted[0]?.id;
    if (commentId === undefined) {
      const [earlier] = await tx
        .select()
        .from(recognitionComments)
        .where(
          and(
            eq(recognitionComments.orgId, actor.orgId),
            eq(recognitionComments.idempotencyKey, request.idempotencyKey),
          ),
        );
      const same =
        earlier?.authorId === actor.personId &&
        earlier.recognitionId === request.recognitionId &&
        earlier.body === request.body;
      if (!same)
        throw new DomainError("idempotency_conflict", "This key was already used for a different comment.");
      commentId = earlier.id;
    }
    const comments = await commentsOn(tx, actor.orgId, request.recognitionId);
    const comment = comments.find((shown) => shown.id === commentId);
    if (!comment) throw new Error("A comment just saved is missing from its recognition.");
    return { comment, comments, replayed: inserted.length === 0 };
  });
}
