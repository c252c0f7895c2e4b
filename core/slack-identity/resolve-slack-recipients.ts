import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { people } from "../../db/schema";
import type { SlackWorkspaceRef } from "./resolve-slack-person";

export interface SlackRecipients {
  /** In the order the user ids were given, each once. */
  linked: { slackUserId: string; personId: string }[];
  /** Not tied to anyone yet: ask Slack for their emails and pass each to resolveSlackPerson. */
  unlinked: string[];
}

/**
 * The people the mentioned Slack users already are, in one query. A deactivated person or a bot is
 * still returned: the give refuses them with a reason the giver can act on.
 */
export async function resolveSlackRecipients(
  db: Executor,
  workspace: SlackWorkspaceRef,
  userIds: readonly string[],
): Promise<SlackRecipients> {
  const wanted = [...new Set(userIds)];
  if (wanted.length === 0) return { linked: [], unlinked: [] };
  const rows = await db
    .select({ personId: people.id, slackUserId: people.slackUserId })
    .from(people)
    .where(
      and(
        eq(people.orgId, workspace.orgId),
        eq(people.slackTeamId, workspace.teamId),
        inArray(people.slackUserId, wanted),
      ),
    );
  const personOf = new Map(rows.map((row) => [row.slackUserId, row.personId]));
  const linked: SlackRecipients["linked"] = [];
  const unlinked: string[] = [];
  for (const slackUserId of wanted) {
    const personId = personOf.get(slackUserId);
    if (personId) linked.push({ slackUserId, personId });
    else unlinked.push(slackUserId);
  }
  return { linked, unlinked };
}
