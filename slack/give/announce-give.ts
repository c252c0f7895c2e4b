import type { WebClient } from "@slack/web-api";
import { describeGiveBonus } from "@/core/campaigns/bonus-text";
import type { GivePointsResult } from "@/core/giving/give-points";
import { formatPoints, formatPointsWithValue, type PointValue } from "@/core/shared/money";
import type { SlackRecipient } from "@/core/slack-identity/resolve-slack-recipients";
import { componentLogger } from "@/observability/logger";
import { escapeMrkdwn } from "../blocks/mrkdwn";
import { replyPrivately } from "../private-reply";

/** A give the ledger took, with what its announcements say. */
export interface GiveAnnouncement {
  giverSlackId: string;
  recipients: SlackRecipient[];
  amount: number;
  reason: string;
  values: string[];
  result: GivePointsResult;
  pointValue: PointValue;
  recognitionChannel: string | null;
  /** Remembers the public post, whose reactions and thread replies then reach the recognition on the web. */
  recordPost: (post: AnnouncedPost) => Promise<void>;
}

/** Where the public post about a give landed. */
export interface AnnouncedPost {
  channelId: string;
  messageTs: string;
  /** The thread replies go to: the post's own, or the thread of the `+N` message it answers. */
  threadTs: string;
}

/** Where the give happened: the giver is answered there, and the public post goes there too unless the org names a recognition channel. */
export interface AnnouncePlace {
  channel: string;
  /** Confirm in this thread of `channel` instead of a separate post (a `+N` message, a message's shortcut). */
  threadTs?: string;
}

const HASHTAG = /#([\p{L}\p{N}_-]+)/gu;

function mentionList(ids: string[]): string {
  const mentions = ids.map((id) => `<@${id}>`);
  if (mentions.length <= 1) return mentions.join("");
  return `${mentions.slice(0, -1).join(", ")} and ${mentions.at(-1)}`;
}

/** The values a reason does not show yet: a reason typed in chat keeps the hashtags it was given with. */
function valueTags(give: GiveAnnouncement): string {
  const shown = new Set(Array.from(give.reason.matchAll(HASHTAG), ([, name = ""]) => name.toLowerCase()));
  const missing = give.values.filter((value) => !shown.has(value));
  return missing.length > 0 ? `  ${missing.map((value) => `#${value}`).join(" ")}` : "";
}

/** The public line, readable on its own in a busy channel. */
function publicText(give: GiveAnnouncement): string {
  const each = give.recipients.length > 1 ? " each" : "";
  const bonus = give.result.bonus
    ? `  _×${give.result.bonus.multiplier} ${escapeMrkdwn(give.result.bonus.campaignName)}_`
    : "";
  return `:tada: <@${give.giverSlackId}> gave ${mentionList(give.recipients.map((r) => r.slackUserId))} ${formatPoints(give.amount + (give.result.bonus?.perRecipient ?? 0))}${each}: ${give.reason}${valueTags(give)}${bonus}`;
}

/** What the giver alone is told: the give went through, and what is left this month. */
export function confirmationText(give: GiveAnnouncement): string {
  const total = give.amount * give.recipients.length;
  const bonus = escapeMrkdwn(describeGiveBonus(give.result, give.amount));
  return `You gave ${formatPointsWithValue(total, give.pointValue)} to ${mentionList(give.recipients.map((r) => r.slackUserId))}.${bonus ? ` ${bonus}` : ""} You have ${formatPointsWithValue(give.result.allowanceRemaining, give.pointValue)} left to give this month.`;
}

function directMessageText(give: GiveAnnouncement, recipient: SlackRecipient): string {
  const earned = give.result.earnedBalances[recipient.personId] ?? 0;
  const bonus = give.result.bonus;
  const got = bonus
    ? `${formatPointsWithValue(give.amount + bonus.perRecipient, give.pointValue)} (×${bonus.multiplier} ${escapeMrkdwn(bonus.campaignName)})`
    : formatPointsWithValue(give.amount, give.pointValue);
  return `<@${give.giverSlackId}> gave you ${got}: ${give.reason}\nYou now have ${formatPointsWithValue(earned, give.pointValue)} earned.`;
}

/**
 * Tells everyone concerned about a give, once it is saved: the giver privately (unless the
 * acknowledgement told them already), the channel (or the org's recognition channel, or the message's
 * thread), and each recipient by direct message; the public post is remembered for the recognition's
 * reactions and comments. A replayed give was announced the first time, so it is
 * only confirmed to the giver again. One failed post never stops the others.
 */
export async function announceGive(
  client: WebClient,
  give: GiveAnnouncement,
  place: AnnouncePlace,
  options: { tellGiver: boolean },
): Promise<void> {
  const posts: Promise<unknown>[] = [];
  if (options.tellGiver) {
    const giver = { channel: place.channel, user: give.giverSlackId };
    posts.push(replyPrivately(client, giver, confirmationText(give)));
  }
  if (!give.result.replayed) {
    const channel = give.recognitionChannel ?? place.channel;
    const inThread = place.threadTs && channel === place.channel ? { thread_ts: place.threadTs } : {};
    posts.push(
      client.chat.postMessage({ channel, text: publicText(give), ...inThread }).then((posted) => {
        if (!posted.channel || !posted.ts) return;
        const threadTs = inThread.thread_ts ?? posted.ts;
        return give.recordPost({ channelId: posted.channel, messageTs: posted.ts, threadTs });
      }),
    );
    for (const recipient of give.recipients) {
      posts.push(
        client.conversations.open({ users: recipient.slackUserId }).then((opened) =>
          client.chat.postMessage({
            channel: opened.channel?.id ?? recipient.slackUserId,
            text: directMessageText(give, recipient),
          }),
        ),
      );
    }
  }
  const outcomes = await Promise.allSettled(posts);
  for (const outcome of outcomes) {
    if (outcome.status === "rejected") {
      componentLogger("slack").error({ err: outcome.reason }, "A recognition notice was not delivered");
    }
  }
}
