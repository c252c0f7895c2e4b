import { z } from "zod";
import type { Database } from "../../db/client";
import { slackAnnouncements } from "../../db/schema";
import { requireRecognition } from "../feed/recognition-lookup";
import type { Actor } from "../shared/actor";
import { actorOrgId, authorize } from "../shared/permissions";
import { parseInput, uuid } from "../shared/validation";
import { slackRef } from "./slack-thread-input";

const announcementInput = z.object({
  recognitionId: uuid("Choose a recognition."),
  teamId: slackRef("workspace id"),
  channelId: slackRef("channel id"),
  messageTs: slackRef("message timestamp"),
  threadTs: slackRef("thread timestamp"),
});

export type RecordSlackAnnouncementInput = z.input<typeof announcementInput>;

/**
 * Remembers the public Slack post about a recognition, so that its reactions and thread replies find the
 * recognition. A recognition keeps its first post: a replayed give is not announced again.
 */
export async function recordSlackAnnouncement(
  db: Database,
  actor: Actor,
  input: RecordSlackAnnouncementInput,
): Promise<void> {
  authorize(actor, "record_slack_announcements");
  const orgId = actorOrgId(actor);
  const announcement = parseInput(announcementInput, input);
  await db.transaction(async (tx) => {
    await requireRecognition(tx, orgId, announcement.recognitionId);
    await tx
      .insert(slackAnnouncements)
      .values({ orgId, ...announcement })
      .onConflictDoNothing();
  });
}
