import { eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { type organizations, people } from "../../db/schema";
import { eventCallback } from "../../testing/slack-requests";
import { createTestOrg, type PersonOptions, type TestPerson } from "./factories";
import type { SlackRoute } from "./slack-route";
import { connectSlackWorkspace, newSlackId } from "./slack-workspace";

export const CHANNEL = "C0GENERAL";

let tsCounter = 0;
export const newTs = () => `${Math.floor(Date.now() / 1000)}.${String(++tsCounter).padStart(6, "0")}`;

export interface Member extends TestPerson {
  slackId: string;
  /** As Slack sends a mention with `should_escape`. */
  mention: string;
}

export type Workspace = Awaited<ReturnType<typeof connectSlackOrg>>;

/**
 * An org that installed the app in a workspace of its own, with its own bot token, and what reached Slack
 * with that token.
 */
export async function connectSlackOrg(
  db: Database,
  route: () => SlackRoute,
  settings: Partial<typeof organizations.$inferInsert> = {},
) {
  const org = await createTestOrg(db, settings);
  const teamId = await connectSlackWorkspace(db, org);
  const token = `xoxb-${teamId}`;
  const link = async (person: TestPerson, userId = newSlackId("U")): Promise<Member> => {
    await db.update(people).set({ slackTeamId: teamId, slackUserId: userId }).where(eq(people.id, person.id));
    return { ...person, slackId: userId, mention: `<@${userId}|${person.name.toLowerCase()}>` };
  };
  /** What reached Slack with this workspace's token: every call, or those to one method. */
  const calls = (method?: string) =>
    (method ? route().slack.callsTo(method) : route().slack.calls).filter((call) => call.token === token);
  return {
    org,
    teamId,
    link,
    member: async (options?: PersonOptions) => link(await org.addPerson(options)),
    calls,
    ephemerals: () =>
      calls("chat.postEphemeral").map(({ args }) => ({
        channel: args.channel,
        user: args.user,
        text: args.text,
      })),
    publicPosts: () =>
      calls("chat.postMessage")
        .filter(({ args }) => !String(args.channel).startsWith("D"))
        .map(({ args }) => ({
          channel: args.channel,
          text: args.text,
          ...(args.thread_ts ? { thread_ts: args.thread_ts } : {}),
        })),
    directMessages: () =>
      calls("chat.postMessage")
        .filter(({ args }) => String(args.channel).startsWith("D"))
        .map(({ args }) => ({ channel: args.channel, text: args.text }))
        .sort((a, b) => String(a.channel).localeCompare(String(b.channel))),
  };
}

/** A message event in a channel of the workspace, as the Events API delivers it (a retry when `retry` is set). */
export function messageEvent(
  workspace: Workspace,
  event: Record<string, unknown>,
  eventId?: string,
  retry?: string,
) {
  return eventCallback(
    { type: "message", channel: CHANNEL, channel_type: "channel", event_ts: event.ts, ...event },
    { teamId: workspace.teamId, eventId },
    retry ? { headers: { "x-slack-retry-num": retry, "x-slack-retry-reason": "http_timeout" } } : undefined,
  );
}
