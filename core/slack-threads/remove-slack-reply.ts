import type { z } from "zod";
import type { Database } from "../../db/client";
import { recognitionComments } from "../../db/schema";
import type { Actor } from "../shared/actor";
import { actorOrgId, authorize } from "../shared/permissions";
import { parseInput } from "../shared/validation";
import { commentFromSlackReply, slackReplyInput } from "./slack-reply";

export type RemoveSlackReplyInput = z.input<typeof slackReplyInput>;

/** A thread reply deleted in Slack: its comment leaves the web too (if the reply ever became one). */
export async function removeSlackReply(
  db: Database,
  actor: Actor,
  input: RemoveSlackReplyInput,
): Promise<{ removed: boolean }> {
  authorize(actor, "mirror_slack_replies");
  const orgId = actorOrgId(actor);
  const reply = parseInput(slackReplyInput, input);
  const removed = await db
    .delete(recognitionComments)
    .where(commentFromSlackReply(orgId, reply))
    .returning({ id: recognitionComments.id });
  return { removed: removed.length > 0 };
}
