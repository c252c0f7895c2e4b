/** The idempotency key of the comment a Slack thread reply became: one per reply, whoever delivers it. */
export function slackReplyKey(reply: { teamId: string; channelId: string; messageTs: string }): string {
  return `slack:comment:${reply.teamId}:${reply.channelId}:${reply.messageTs}`;
}
