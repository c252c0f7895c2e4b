import { and, eq, type SQL } from "drizzle-orm";
import { z } from "zod";
import { recognitionComments } from "../../db/schema";
import { slackRef } from "./slack-thread-input";

/** A reply in a Slack thread, as Slack names it. */
export const slackReplyInput = z.object({
  teamId: slackRef("workspace id"),
  channelId: slackRef("channel id"),
  messageTs: slackRef("message timestamp"),
});

type SlackReply = z.output<typeof slackReplyInput>;

/** The idempotency key of the comment a Slack thread reply became: one per reply, whoever delivers it. */
export function slackReplyKey(reply: SlackReply): string {
  return `slack:comment:${reply.teamId}:${reply.channelId}:${reply.messageTs}`;
}

/** The org's comment that a Slack reply became, if it became one (never a comment written on the web). */
export function commentFromSlackReply(orgId: string, reply: SlackReply): SQL | undefined {
  return and(
    eq(recognitionComments.orgId, orgId),
    eq(recognitionComments.idempotencyKey, slackReplyKey(reply)),
    eq(recognitionComments.source, "slack"),
  );
}
