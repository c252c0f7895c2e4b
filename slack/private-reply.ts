import type { WebClient } from "@slack/web-api";

/** Whom to answer, and where they wrote. */
export interface ReplyTarget {
  channel: string;
  user: string;
  /** Set when the user wrote in a thread, so the reply shows up there. */
  threadTs?: string;
}

/** Slack's answers when the bot cannot post in a conversation: it is not a member, or cannot see it. */
const UNREACHABLE = new Set(["channel_not_found", "not_in_channel", "user_not_in_channel"]);

export function slackErrorCode(error: unknown): string | undefined {
  const data = (error as { data?: { error?: unknown } } | null)?.data;
  return typeof data?.error === "string" ? data.error : undefined;
}

/**
 * Says something only the user sees, where they are. A slash command works in conversations the bot is no
 * member of (a DM between two people, a private channel), where Slack refuses ephemeral messages; the
 * reply then goes to the user's DM with the bot rather than being lost.
 */
export async function replyPrivately(client: WebClient, to: ReplyTarget, text: string): Promise<void> {
  const { channel, user, threadTs } = to;
  try {
    await client.chat.postEphemeral({ channel, user, text, ...(threadTs ? { thread_ts: threadTs } : {}) });
  } catch (error) {
    if (!UNREACHABLE.has(slackErrorCode(error) ?? "")) throw error;
    const opened = await client.conversations.open({ users: user });
    await client.chat.postMessage({ channel: opened.channel?.id ?? user, text });
  }
}

/** What a user is told when something unexpected stopped their request. */
export const SOMETHING_FAILED = "Plaudit couldn't do that just now. Please try again in a minute.";

/**
 * Runs the part of a listener that follows its ack. An unexpected failure is still answered, so the user
 * is never left with silence, and is rethrown for Bolt's error log.
 */
export async function answeringFailures(
  client: WebClient,
  to: ReplyTarget,
  work: () => Promise<void>,
): Promise<void> {
  try {
    await work();
  } catch (error) {
    await replyPrivately(client, to, SOMETHING_FAILED).catch(() => {});
    throw error;
  }
}
