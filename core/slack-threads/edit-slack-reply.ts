import type { z } from "zod";
import type { Database } from "../../db/client";
import { recognitionComments } from "../../db/schema";
import { commentBody } from "../feed/comments";
import type { Actor } from "../shared/actor";
import { actorOrgId, authorize } from "../shared/permissions";
import { parseInput } from "../shared/validation";
import { commentFromSlackReply, slackReplyInput } from "./slack-reply";

const editInput = slackReplyInput.extend({ body: commentBody });

export type EditSlackReplyInput = z.input<typeof editInput>;

/**
 * A thread reply edited in Slack: its comment on the web says what the reply says now. Nothing happens
 * for a reply that never became a comment.
 */
export async function editSlackReply(
  db: Database,
  actor: Actor,
  input: EditSlackReplyInput,
): Promise<{ edited: boolean }> {
  authorize(actor, "mirror_slack_replies");
  const orgId = actorOrgId(actor);
  const { body, ...reply } = parseInput(editInput, input);
  const edited = await db
    .update(recognitionComments)
    .set({ body })
    .where(commentFromSlackReply(orgId, reply))
    .returning({ id: recognitionComments.id });
  return { edited: edited.length > 0 };
}
