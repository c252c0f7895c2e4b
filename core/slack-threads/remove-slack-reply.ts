import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../../db/client";
import { recognitionComments } from "../../db/schema";
import type { Actor } from "../shared/actor";
import { actorOrgId, authorize } from "../shared/permissions";
import { parseInput } from "../shared/validation";
import { slackReplyKey } from "./slack-reply-key";
import { slackRef } from "./slack-thread-input";

const removeInput = z.object({
  teamId: slackRef("workspace id"),
  channelId: slackRef("channel id"),
  messageTs: slackRef("message timestamp"),
});

export type RemoveSlackReplyInput = z.input<typeof removeInput>;

/** A thread reply deleted in Slack: its comment leaves the web too (if the reply ever became one). */
export async function removeSlackReply(
  db: Database,
  actor: Actor,
  input: RemoveSlackReplyInput,
): Promise<{ removed: boolean }> {
  authorize(actor, "mirror_slack_replies");
  const orgId = actorOrgId(actor);
  const reply = parseInput(removeInput, input);
  const removed = await db
    .delete(recognitionComments)
    .where(
      and(
        eq(recognitionComments.orgId, orgId),
        eq(recognitionComments.idempotencyKey, slackReplyKey(reply)),
        eq(recognitionComments.source, "slack"),
      ),
    )
    .returning({ id: recognitionComments.id });
  return { removed: removed.length > 0 };
}
