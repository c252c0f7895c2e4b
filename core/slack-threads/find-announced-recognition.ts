import { and, asc, eq, or } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../../db/client";
import { slackAnnouncements } from "../../db/schema";
import type { Actor } from "../shared/actor";
import { actorOrgId, authorize } from "../shared/permissions";
import { parseInput } from "../shared/validation";
import { slackRef } from "./slack-thread-input";

const messageInput = z.object({
  channelId: slackRef("channel id"),
  messageTs: slackRef("message timestamp"),
});

export type FindAnnouncedRecognitionInput = z.input<typeof messageInput>;

/**
 * The recognition a Slack message stands for, if it stands for one of the org's: what a reaction to that
 * message, or a reply in its thread, is about. That is the bot's post about it, or the `+N` message it
 * answered in a thread; a thread that holds several gives belongs to its first. Null for any other message.
 */
export async function findAnnouncedRecognition(
  db: Database,
  actor: Actor,
  input: FindAnnouncedRecognitionInput,
): Promise<{ recognitionId: string } | null> {
  authorize(actor, "read_slack_threads");
  const orgId = actorOrgId(actor);
  const message = parseInput(messageInput, input);
  const [found] = await db
    .select({ recognitionId: slackAnnouncements.recognitionId })
    .from(slackAnnouncements)
    .where(
      and(
        eq(slackAnnouncements.orgId, orgId),
        eq(slackAnnouncements.channelId, message.channelId),
        or(
          eq(slackAnnouncements.messageTs, message.messageTs),
          eq(slackAnnouncements.threadTs, message.messageTs),
        ),
      ),
    )
    .orderBy(asc(slackAnnouncements.createdAt), asc(slackAnnouncements.messageTs))
    .limit(1);
  return found ?? null;
}
