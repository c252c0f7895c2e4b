import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../../db/client";
import { REACTIONS, type Reaction } from "../feed/reactions";
import type { Actor } from "../shared/actor";
import { actorOrgId, authorize } from "../shared/permissions";
import { parseInput, uuid } from "../shared/validation";

const threadInput = z.object({ recognitionId: uuid("Choose a recognition.") });

export type FindSlackThreadInput = z.input<typeof threadInput>;

/** Where Slack shows a recognition, and what of the web's belongs there. */
export interface SlackThread {
  teamId: string;
  channelId: string;
  /** The bot's post, which the bot reacts to. */
  messageTs: string;
  /** Where comments from the web are posted. */
  threadTs: string;
  /**
   * The reactions someone chose on the web. Slack lets an app react only as itself, so the bot shows each
   * of these once on the post; people who react in Slack are seen there already.
   */
  webReactions: Reaction[];
}

/** The Slack post of a recognition of the org, or null when it was not announced in Slack. */
export async function findSlackThread(
  db: Database,
  actor: Actor,
  input: FindSlackThreadInput,
): Promise<SlackThread | null> {
  authorize(actor, "read_slack_threads");
  const orgId = actorOrgId(actor);
  const { recognitionId } = parseInput(threadInput, input);
  const [thread] = await db.execute<{
    team_id: string;
    channel_id: string;
    message_ts: string;
    thread_ts: string;
    web_reactions: string[];
  }>(sql`
    select a.team_id, a.channel_id, a.message_ts, a.thread_ts,
      array(select distinct reaction from recognition_reactions r
            where r.org_id = a.org_id and r.recognition_id = a.recognition_id and r.source = 'web')
        as web_reactions
    from slack_announcements a
    where a.org_id = ${orgId}::uuid and a.recognition_id = ${recognitionId}::uuid`);
  if (!thread) return null;
  return {
    teamId: thread.team_id,
    channelId: thread.channel_id,
    messageTs: thread.message_ts,
    threadTs: thread.thread_ts,
    webReactions: REACTIONS.filter((reaction) => thread.web_reactions.includes(reaction)),
  };
}
