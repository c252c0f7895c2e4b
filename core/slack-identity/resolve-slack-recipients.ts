import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { people } from "../../db/schema";
import { type Clock, systemClock } from "../shared/clock";
import { resolveSlackPerson, type SlackRefusal } from "./resolve-slack-person";
import type { DescribeSlackUser, SlackProfile, SlackWorkspaceRef } from "./slack-profile";

/** A mentioned Slack user, and the person they are. */
export interface SlackRecipient {
  slackUserId: string;
  personId: string;
}

export type SlackRecipientsResult =
  /** In the order the user ids were given, each once. */
  | { status: "found"; recipients: SlackRecipient[] }
  /** The first mentioned user Plaudit cannot place, and why. */
  | { status: "unknown"; slackUserId: string; reason: SlackRefusal };

export interface SlackRecipientsLookup {
  userIds: readonly string[];
  describeUser: DescribeSlackUser;
}

/** What a mentioned user Slack cannot describe (unknown to it, or the call failed) counts as: nobody to place. */
const NO_PROFILE: SlackProfile = { email: null, name: null, isBot: false, deleted: false };

/**
 * The people the mentioned Slack users are. Those already linked come from one query, without asking
 * Slack; each of the others is asked about and linked (or added) as resolveSlackPerson does. A user who
 * cannot be placed stops the lookup, so a give names them rather than silently thanking fewer people. A
 * deactivated person or a bot is still returned: the give refuses them with a reason the giver can act on.
 */
export async function resolveSlackRecipients(
  db: Executor,
  workspace: SlackWorkspaceRef,
  lookup: SlackRecipientsLookup,
  clock: Clock = systemClock,
): Promise<SlackRecipientsResult> {
  const wanted = [...new Set(lookup.userIds)];
  if (wanted.length === 0) return { status: "found", recipients: [] };
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
  const describeUser = (userId: string) => lookup.describeUser(userId).catch(() => NO_PROFILE);
  for (const slackUserId of wanted) {
    if (personOf.has(slackUserId)) continue;
    const found = await resolveSlackPerson(db, workspace, { userId: slackUserId, describeUser }, clock);
    if (found.status !== "linked") return { status: "unknown", slackUserId, reason: found.reason };
    personOf.set(slackUserId, found.person.id);
  }
  return {
    status: "found",
    recipients: wanted.flatMap((slackUserId) => {
      const personId = personOf.get(slackUserId);
      return personId ? [{ slackUserId, personId }] : [];
    }),
  };
}
