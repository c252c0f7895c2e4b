import { WebClient } from "@slack/web-api";
import type { CommentView } from "@/core/feed/comments";
import type { Reaction } from "@/core/feed/reactions";
import type { OrgActor } from "@/core/shared/actor";
import { findSlackThread } from "@/core/slack-threads/find-slack-thread";
import type { Database } from "@/db/client";
import { componentLogger } from "@/observability/logger";
import { workspaceBot } from "../authorize";
import { escapeMrkdwn } from "../blocks/mrkdwn";
import { slackClientOptions } from "../client-options";
import { slackErrorCode } from "../private-reply";
import { slackSettingsFromEnv } from "../settings";

/** Slack's answers when the bot's reaction is already as asked: nothing to do. */
const ALREADY_SO = new Set(["already_reacted", "no_reaction"]);

/** The recognition's Slack post and a client of its workspace's bot; null when it has none here. */
async function slackThreadOf(db: Database, actor: OrgActor, recognitionId: string) {
  const settings = slackSettingsFromEnv();
  if (!settings) return null;
  const thread = await findSlackThread(db, actor, { recognitionId });
  if (!thread) return null;
  const bot = await workspaceBot(db, settings, thread.teamId);
  if (!bot || bot.orgId !== actor.orgId) return null;
  return { thread, client: new WebClient(bot.botToken, slackClientOptions(settings)) };
}

/** Runs a copy after the web's answer: a copy that fails is logged, and the web keeps what was saved. */
async function copying(what: string, copy: () => Promise<void>): Promise<void> {
  try {
    await copy();
  } catch (error) {
    componentLogger("slack").error({ err: error }, `A ${what} was not copied to Slack`);
  }
}

/**
 * After a reaction on the web: the bot's own reaction on the recognition's Slack post shows whether
 * anyone on the web reacted so (Slack lets an app react only as itself).
 */
export function copyReactionToSlack(
  db: Database,
  actor: OrgActor,
  recognitionId: string,
  reaction: Reaction,
): Promise<void> {
  return copying("reaction", async () => {
    const found = await slackThreadOf(db, actor, recognitionId);
    if (!found) return;
    const { thread, client } = found;
    const target = { channel: thread.channelId, timestamp: thread.messageTs, name: reaction };
    const shown = thread.webReactions.includes(reaction);
    await (shown ? client.reactions.add(target) : client.reactions.remove(target)).catch((error: unknown) => {
      if (!ALREADY_SO.has(slackErrorCode(error) ?? "")) throw error;
    });
  });
}

/** After a comment on the web: the same words in the recognition's Slack thread, under the author's name. */
export function copyCommentToSlack(
  db: Database,
  actor: OrgActor,
  recognitionId: string,
  comment: Pick<CommentView, "author" | "body">,
): Promise<void> {
  return copying("comment", async () => {
    const found = await slackThreadOf(db, actor, recognitionId);
    if (!found) return;
    await found.client.chat.postMessage({
      channel: found.thread.channelId,
      thread_ts: found.thread.threadTs,
      text: `*${escapeMrkdwn(comment.author.name)}* on Plaudit: ${escapeMrkdwn(comment.body)}`,
      unfurl_links: false,
      unfurl_media: false,
    });
  });
}
