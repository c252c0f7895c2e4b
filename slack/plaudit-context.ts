import type { AnyMiddlewareArgs, Context, Middleware } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import { resolveSlackPerson, type SlackPersonResult } from "@/core/slack-identity/resolve-slack-person";
import type { SlackWorkspaceRef } from "@/core/slack-identity/slack-profile";
import { type Database, getDb } from "@/db/client";
import type { AuthorizedWorkspace } from "./authorize";
import type { ReceiverContext } from "./receiver";
import { slackProfiles } from "./slack-profiles";

/** What a listener finds in Bolt's context, read through `plauditContext`. */
export interface PlauditContext {
  /** The org the request's workspace belongs to, as authorize (slack/authorize.ts) found it. */
  workspace: SlackWorkspaceRef;
  db: Database;
  /**
   * The person the Slack user who sent the request is. Looked up on the first call and kept for the rest
   * of the request: one indexed query for a linked user, and a `users.info` call only for one not linked yet.
   */
  slackUser: () => Promise<SlackPersonResult>;
  /** When Slack's request arrived (ms since the epoch): its deadlines count from here. */
  receivedAt: number;
  /**
   * For an Events API delivery, answers Slack now. The request URL holds an event's response until its
   * listeners finish or call this, because Slack never sends an event again once it is answered: a
   * listener calls it once what the event asked for is saved, before it replies and announces. Elsewhere
   * (a command, an interaction, Socket Mode, where Bolt answers events before any listener) it does nothing.
   */
  acknowledgeEvent: () => void;
}

/** What the middleware adds to Bolt's context, beside what authorize (and the receiver) put there. */
type AddedByMiddleware = Pick<PlauditContext, "db" | "slackUser" | "receivedAt" | "acknowledgeEvent">;

/**
 * Global Bolt middleware, registered before the listeners: gives each request the database and its Slack
 * user's person. Every message in a channel with the app passes through here, and most are not gives, so
 * it neither queries nor calls Slack: the person is looked up on the first `slackUser()`, if any.
 */
export const providePlauditContext: Middleware<AnyMiddlewareArgs> = async ({ context, client, next }) => {
  const db = getDb();
  let person: Promise<SlackPersonResult> | undefined;
  // Socket Mode's receiver is Bolt's own and adds nothing: the request arrived about now.
  const fromReceiver = context as Partial<ReceiverContext>;
  const added: AddedByMiddleware = {
    db,
    slackUser: () => {
      person ??= lookUpSlackUser(db, context, client);
      return person;
    },
    receivedAt: fromReceiver.receivedAt ?? Date.now(),
    acknowledgeEvent: fromReceiver.acknowledgeEvent ?? (() => {}),
  };
  Object.assign(context, added);
  await next();
};

async function lookUpSlackUser(
  db: Database,
  context: Context,
  client: WebClient,
): Promise<SlackPersonResult> {
  // Bolt sets the user id from the payload: the message's author, the command's or the click's user.
  if (!context.userId) throw new Error("The Slack request names no user.");
  return resolveSlackPerson(db, workspaceIn(context), {
    userId: context.userId,
    describeUser: slackProfiles(client),
  });
}

function workspaceIn(context: Context): SlackWorkspaceRef {
  const { orgId, teamId } = context as Partial<AuthorizedWorkspace>;
  if (!orgId || !teamId) throw new Error("The Slack request reached a listener without its org.");
  return { orgId, teamId };
}

/** The database, the org and the Slack user's person that authorize and the middleware put in a listener's context. */
export function plauditContext(context: Context): PlauditContext {
  const { db, slackUser, receivedAt, acknowledgeEvent } = context as Partial<AddedByMiddleware>;
  if (!db || !slackUser || receivedAt === undefined || !acknowledgeEvent)
    throw new Error("A Slack listener ran without providePlauditContext (slack/app.ts).");
  return { workspace: workspaceIn(context), db, slackUser, receivedAt, acknowledgeEvent };
}
