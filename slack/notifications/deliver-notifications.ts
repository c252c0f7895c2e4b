import { ErrorCode, WebClient, type WebClientOptions } from "@slack/web-api";
import {
  type ClaimedNotification,
  claimNotifications,
  NOTIFICATION_LEASE_MS,
} from "@/core/notifications/claim-notifications";
import { finishNotification } from "@/core/notifications/finish-notification";
import type { Actor } from "@/core/shared/actor";
import { type Clock, systemClock } from "@/core/shared/clock";
import type { Database } from "@/db/client";
import { workspaceBot } from "../authorize";
import { slackClientOptions } from "../client-options";
import { type SlackSettings, slackSettingsFromEnv } from "../settings";
import { celebrationChannelText } from "./celebration-text";
import { noticeText } from "./notice-text";

export interface DeliverNotificationsOptions {
  /** How many notices to claim in this pass (core's default when left out). */
  limit?: number;
  clock?: Clock;
}

export interface DeliveryTally {
  sent: number;
  skipped: number;
  failed: number;
}

interface Outcome {
  outcome: keyof DeliveryTally;
  /** Why it was skipped or failed, kept on the notice for the operator. Never a token. */
  detail?: string;
}

const OPERATOR: Actor = { kind: "operator" };

/** One Web API call gives up after this long; a notice makes two. */
const CALL_TIMEOUT_MS = 5_000;

/**
 * No notice is started this close to the end of the claim's lease: one started later could still be
 * on its way to Slack when another sender takes it up again, and the person would get it twice.
 */
const LAST_START_BEFORE_LEASE_ENDS_MS = 2 * CALL_TIMEOUT_MS + 5_000;

/** Slack's answers that mean this person can't get a direct message, however often it is tried. */
const UNREACHABLE = new Set(["user_not_found", "user_disabled", "cannot_dm_bot"]);
/** Slack's answers that mean the bot can't post in a channel until an admin changes something. */
const CHANNEL_CLOSED = new Set(["channel_not_found", "not_in_channel", "is_archived"]);

/**
 * A worker's client. Unlike a chat reply, a notice that fails is tried again by core's schedule, so one
 * pass neither waits out a rate limit nor retries: each call gets one short try.
 */
function senderOptions(settings: SlackSettings): WebClientOptions {
  return {
    ...slackClientOptions(settings),
    retryConfig: { retries: 0 },
    timeout: CALL_TIMEOUT_MS,
    rejectRateLimitedCalls: true,
  };
}

const skipped = (detail: string): Outcome => ({ outcome: "skipped", detail });

/** The Slack error code of a Web API refusal (`ratelimited`, `user_not_found`), if it is one. */
function slackErrorCode(error: unknown): string | undefined {
  const { code, data } = error as { code?: string; data?: { error?: string } };
  return code === ErrorCode.PlatformError ? data?.error : undefined;
}

/** The error's own message: the Web API client's errors name the method and Slack's code, never the token. */
function errorDetail(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 300);
}

/** One pass's bots, by workspace: looked up (and the token opened) once per workspace, not per notice. */
type Bots = Map<string, Promise<{ orgId: string; client: WebClient } | null>>;

function botFor(db: Database, settings: SlackSettings, bots: Bots, teamId: string) {
  let bot = bots.get(teamId);
  if (!bot) {
    bot = workspaceBot(db, settings, teamId).then(
      (found) =>
        found && { orgId: found.orgId, client: new WebClient(found.botToken, senderOptions(settings)) },
    );
    bots.set(teamId, bot);
  }
  return bot;
}

type Target =
  | { teamId: string; text: string; userId: string }
  | { teamId: string; text: string; channel: string }
  | { skip: string };

/**
 * Where a notice goes: most to the person as a direct message; one whose payload names a channel (a
 * celebration's or a level-up's post in the org's celebration channel) there, from the org's workspace.
 */
function targetOf(notice: ClaimedNotification): Target {
  const channel = notice.payload.channel;
  if (channel !== undefined) {
    if (typeof channel !== "string" || channel === "")
      return { skip: "A channel post that names no channel." };
    if (!notice.workspaceTeamId) return { skip: "No Slack workspace of this organization is known yet." };
    const text =
      notice.kind === "celebration.channel"
        ? celebrationChannelText(notice.payload, notice.slack?.userId ?? null)
        : noticeText(notice.kind, notice.payload);
    if (text === null) return { skip: `A ${notice.kind} notice this sender can't read.` };
    return { teamId: notice.workspaceTeamId, text, channel };
  }
  if (!notice.slack)
    return { skip: "The person has no Slack account linked: they haven't used Plaudit from Slack." };
  const text = noticeText(notice.kind, notice.payload);
  if (text === null) return { skip: `A ${notice.kind} notice this sender can't read.` };
  return { teamId: notice.slack.teamId, text, userId: notice.slack.userId };
}

async function directChannel(client: WebClient, userId: string): Promise<string> {
  const dm = await client.conversations.open({ users: userId });
  const channel = dm.channel?.id;
  if (!channel) throw new Error("conversations.open answered without a channel.");
  return channel;
}

async function deliver(
  db: Database,
  settings: SlackSettings | null,
  bots: Bots,
  notice: ClaimedNotification,
): Promise<Outcome> {
  if (!settings) return skipped("Slack is not set up in this deployment (SLACK_SIGNING_SECRET is unset).");
  const target = targetOf(notice);
  if ("skip" in target) return skipped(target.skip);
  const { teamId, text } = target;
  try {
    const bot = await botFor(db, settings, bots, teamId);
    if (!bot) return skipped(`Slack workspace ${teamId} has not installed Plaudit.`);
    if (bot.orgId !== notice.orgId) {
      return skipped(`Slack workspace ${teamId} belongs to another organization here.`);
    }
    const channel = "channel" in target ? target.channel : await directChannel(bot.client, target.userId);
    await bot.client.chat.postMessage({ channel, text, unfurl_links: false, unfurl_media: false });
    return { outcome: "sent" };
  } catch (error) {
    const code = slackErrorCode(error);
    if (code && UNREACHABLE.has(code)) return skipped(`Slack can't send this person a message (${code}).`);
    if (code && CHANNEL_CLOSED.has(code)) {
      return skipped(
        `Plaudit can't post in the celebration channel (${code}): invite it, or check the channel ID.`,
      );
    }
    return { outcome: "failed", detail: errorDetail(error) };
  }
}

/**
 * One pass of the Slack notice sender, which background work runs in a loop: claims the notices that are
 * due (across every org), sends each as a direct message from the bot of the person's workspace, and
 * records what became of it. A failure is tried again on core's schedule; a person Slack can't reach is
 * skipped, with why. Claims are leases taken with `skip locked`, so senders side by side never send the
 * same notice; a notice not started before its lease runs short is left for the next claim.
 */
export async function deliverNotifications(
  db: Database,
  options: DeliverNotificationsOptions = {},
): Promise<DeliveryTally> {
  const clock = options.clock ?? systemClock;
  // Read before claiming, so it is never later than the lease core takes.
  const lastStart = clock().getTime() + NOTIFICATION_LEASE_MS - LAST_START_BEFORE_LEASE_ENDS_MS;
  const claimed = await claimNotifications(db, OPERATOR, { limit: options.limit }, clock);
  const settings = slackSettingsFromEnv();
  const bots: Bots = new Map();
  const tally: DeliveryTally = { sent: 0, skipped: 0, failed: 0 };
  for (const notice of claimed) {
    if (clock().getTime() > lastStart) break;
    const { outcome, detail } = await deliver(db, settings, bots, notice);
    await finishNotification(
      db,
      OPERATOR,
      { id: notice.id, outcome, detail, attempts: notice.attempts },
      clock,
    );
    tally[outcome] += 1;
  }
  return tally;
}
