import type { WebClient } from "@slack/web-api";
import {
  resolveSlackPerson,
  type SlackPersonResult,
  type SlackWorkspaceRef,
} from "@/core/slack-identity/resolve-slack-person";
import { resolveSlackRecipients } from "@/core/slack-identity/resolve-slack-recipients";
import type { Executor } from "@/db/client";
import type { SlackRecipient } from "./announce-give";

/** What Slack's `users.info` says about a user, in the shape the core lookup takes. */
async function describeUser(client: WebClient, userId: string) {
  const answer = await client.users.info({ user: userId });
  const user = answer.user;
  return {
    userId,
    email: user?.profile?.email ?? null,
    name: user?.profile?.real_name || user?.real_name || user?.name || null,
    isBot: user?.is_bot ?? false,
    deleted: user?.deleted ?? false,
  };
}

/**
 * The person a Slack user acts as. The stored Slack id answers in one query; only a user not linked yet
 * costs a `users.info` call, whose email links (or, where the org allows, adds) them.
 */
export async function slackPerson(
  db: Executor,
  client: WebClient,
  workspace: SlackWorkspaceRef,
  userId: string,
): Promise<SlackPersonResult> {
  const known = await resolveSlackPerson(db, workspace, { userId });
  if (known.status === "linked" || known.reason !== "no_email") return known;
  return resolveSlackPerson(db, workspace, await describeUser(client, userId));
}

export type RecipientLookup =
  | { ok: true; recipients: SlackRecipient[] }
  | { ok: false; slackUserId: string; message: string };

/**
 * The people mentioned Slack users are, in the order mentioned. A user Plaudit cannot place stops the
 * give with a message naming them, rather than silently thanking fewer people.
 */
export async function slackRecipients(
  db: Executor,
  client: WebClient,
  workspace: SlackWorkspaceRef,
  userIds: readonly string[],
): Promise<RecipientLookup> {
  const { linked, unlinked } = await resolveSlackRecipients(db, workspace, userIds);
  const found = new Map(linked.map((entry) => [entry.slackUserId, entry.personId]));
  for (const userId of unlinked) {
    const user = await describeUser(client, userId).catch(() => ({ userId }));
    const result = await resolveSlackPerson(db, workspace, user);
    if (result.status !== "linked") {
      return {
        ok: false,
        slackUserId: userId,
        message:
          result.reason === "bot"
            ? `<@${userId}> is a bot and can't receive points.`
            : `<@${userId}> isn't in Plaudit yet, so they can't receive points. An admin can add them with the email they use in Slack.`,
      };
    }
    found.set(userId, result.person.id);
  }
  return {
    ok: true,
    recipients: userIds.flatMap((slackUserId) => {
      const personId = found.get(slackUserId);
      return personId ? [{ slackUserId, personId }] : [];
    }),
  };
}
