import type { App } from "@slack/bolt";
import { commentOnRecognition } from "@/core/feed/comment-on-recognition";
import { isDomainError } from "@/core/shared/errors";
import { findAnnouncedRecognition } from "@/core/slack-threads/find-announced-recognition";
import { slackReplyKey } from "@/core/slack-threads/slack-reply";
import { plauditContext } from "../../plaudit-context";
import { replyPrivately } from "../../private-reply";
import { slackProfiles } from "../../slack-profiles";
import { threadReplyComment } from "../../threads/thread-reply-comment";
import { giveAskedIn, isNewPersonMessage } from "./person-message";

/**
 * A reply in the thread of a recognition's Slack post is a comment on the recognition, shown on the web
 * too. A `+N` reply is a give instead (plus-points.ts). The reply's channel and ts are the comment's
 * idempotency key, so Slack's retries and duplicate deliveries comment once.
 */
export function registerThreadReplies(app: App): void {
  app.message(async ({ message, context, client }) => {
    if (!isNewPersonMessage(message) || !message.thread_ts || message.thread_ts === message.ts) return;
    const text = message.text ?? "";
    if (giveAskedIn(text) !== null) return;
    const slack = plauditContext(context);
    const { db, workspace } = slack;
    const announced = await findAnnouncedRecognition(
      db,
      { kind: "system", orgId: workspace.orgId },
      { channelId: message.channel, messageTs: message.thread_ts },
    );
    if (!announced) return;
    const body = await threadReplyComment(text, slackProfiles(client));
    // A file or an emoji-only reply has no words to show on the web.
    if (body === "") return;
    const author = await slack.slackUser();
    if (author.status !== "linked") return;
    try {
      await commentOnRecognition(db, author.actor, {
        recognitionId: announced.recognitionId,
        body,
        idempotencyKey: slackReplyKey({
          teamId: workspace.teamId,
          channelId: message.channel,
          messageTs: message.ts,
        }),
        source: "slack",
      });
    } catch (error) {
      if (!isDomainError(error)) throw error;
      slack.acknowledgeEvent();
      const from = { channel: message.channel, user: message.user, threadTs: message.thread_ts };
      await replyPrivately(client, from, `Your reply stays in Slack only, not on Plaudit: ${error.message}`);
    }
  });
}
