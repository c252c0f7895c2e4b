"use server";

import { revalidatePath } from "next/cache";
import { after } from "next/server";
import {
  type FormState,
  formAction,
  formIdempotencyKey,
  type Lookup,
  lookupAction,
  numberField,
  textField,
} from "@/app/_lib/form-state";
import { signedIn } from "@/app/_lib/viewer";
import { describeGiveBonus } from "@/core/campaigns/bonus-text";
import { commentOnRecognition } from "@/core/feed/comment-on-recognition";
import type { CommentView } from "@/core/feed/comments";
import { listRecognitionComments } from "@/core/feed/list-recognition-comments";
import { reactToRecognition } from "@/core/feed/react-to-recognition";
import type { Reaction, ReactionCount } from "@/core/feed/reactions";
import { addToRecognition } from "@/core/giving/add-to-recognition";
import { isDomainError } from "@/core/shared/errors";
import { formatPointsWithValue } from "@/core/shared/money";
import { countedGive } from "@/observability/metrics";
import { copyCommentToSlack, copyReactionToSlack } from "@/slack/threads/copy-to-slack";

/** Adds points to a recognition in the feed out of the viewer's allowance; the form's key makes it count once. */
export async function addPointsToRecognition(_previous: FormState, form: FormData): Promise<FormState> {
  const { db, actor, org } = await signedIn();
  return formAction(async () => {
    const amount = numberField(form, "amount") ?? Number.NaN;
    const added = addToRecognition(db, actor, {
      recognitionId: textField(form, "recognitionId") ?? "",
      amount,
      source: "web",
      idempotencyKey: formIdempotencyKey(form),
    });
    const result = await countedGive("web", added, (error) => isDomainError(error));
    revalidatePath("/", "layout");
    const left = formatPointsWithValue(result.allowanceRemaining, org.pointValue);
    const bonus = describeGiveBonus(result, amount);
    return `Added ${formatPointsWithValue(amount, org.pointValue)} each.${bonus ? ` ${bonus}` : ""} ${left} left to give this month.`;
  });
}

/**
 * Adds or takes back the viewer's reaction to a recognition; answers its reactions as they now stand.
 * A recognition given in Slack shows the change on its Slack post too, after the answer.
 */
export async function reactToRecognitionAction(
  recognitionId: unknown,
  reaction: unknown,
  on: unknown,
): Promise<Lookup<ReactionCount[]>> {
  const { db, actor } = await signedIn();
  return lookupAction(async () => {
    const request = { recognitionId: String(recognitionId), reaction: String(reaction) as Reaction };
    const { reactions } = await reactToRecognition(db, actor, { ...request, on: on === true });
    after(() => copyReactionToSlack(db, actor, request.recognitionId, request.reaction));
    return reactions;
  });
}

/** The comments under a recognition, for its comments section when opened. */
export async function listCommentsAction(recognitionId: unknown): Promise<Lookup<CommentView[]>> {
  const { db, actor } = await signedIn();
  return lookupAction(async () => {
    const { comments } = await listRecognitionComments(db, actor, { recognitionId: String(recognitionId) });
    return comments;
  });
}

/**
 * Posts the viewer's comment; the section's key makes a double submit post once. A recognition given in
 * Slack gets the comment in its Slack thread too, after the answer.
 */
export async function commentAction(
  recognitionId: unknown,
  body: unknown,
  idempotencyKey: unknown,
): Promise<Lookup<CommentView[]>> {
  const { db, actor } = await signedIn();
  return lookupAction(async () => {
    const onRecognition = String(recognitionId);
    const { comment, comments, replayed } = await commentOnRecognition(db, actor, {
      recognitionId: onRecognition,
      body: typeof body === "string" ? body : "",
      idempotencyKey: `web:${String(idempotencyKey)}`,
    });
    if (!replayed) after(() => copyCommentToSlack(db, actor, onRecognition, comment));
    revalidatePath("/");
    return comments;
  });
}
