import type { App } from "@slack/bolt";
import { isDomainError } from "@/core/shared/errors";
import { editSlackReply } from "@/core/slack-threads/edit-slack-reply";
import { removeSlackReply } from "@/core/slack-threads/remove-slack-reply";
import { plauditContext } from "../../plaudit-context";
import { replyPrivately } from "../../private-reply";
import { slackProfiles } from "../../slack-profiles";
import { threadReplyComment } from "../../threads/thread-reply-comment";

interface ThreadReply {
  user: string;
  ts: string;
  text: string;
  threadTs: string;
}

/** The person's thread reply an edit or deletion is about; null for anything else (a thread's start, an app's post). */
function replyOf(message: unknown): ThreadReply | null {
  const fields = (message ?? {}) as Record<string, unknown>;
  const { user, ts, text, thread_ts: threadTs, bot_id: botId } = fields;
  if (typeof user !== "string" || typeof ts !== "string" || typeof threadTs !== "string") return null;
  if (threadTs === ts || botId) return null;
  return { user, ts, text: typeof text === "string" ? text : "", threadTs };
}

/**
 * A thread reply that became a comment (thread-replies.ts) stays the same on the web when its author
 * edits or deletes it in Slack. An edit the web can't show (over 1,000 characters) leaves the comment
 * as it was, and the author is told why.
 */
export function registerThreadReplyChanges(app: App): void {
  app.message(async ({ message, context, client }) => {
    if (message.subtype !== "message_changed" && message.subtype !== "message_deleted") return;
    const reply = replyOf(message.previous_message);
    if (!reply) return;
    const slack = plauditContext(context);
    const org = { kind: "system", orgId: slack.workspace.orgId } as const;
    const where = { teamId: slack.workspace.teamId, channelId: message.channel, messageTs: reply.ts };
    const now = message.subtype === "message_changed" ? replyOf(message.message) : null;
    const body = now ? await threadReplyComment(now.text, slackProfiles(client)) : "";
    if (body === "") {
      await removeSlackReply(slack.db, org, where);
      return;
    }
    try {
      await editSlackReply(slack.db, org, { ...where, body });
    } catch (error) {
      if (!isDomainError(error)) throw error;
      slack.acknowledgeEvent();
      const author = { channel: message.channel, user: reply.user, threadTs: reply.threadTs };
      await replyPrivately(client, author, `Plaudit keeps your reply as it was on the web: ${error.message}`);
    }
  });
}
