import type { types } from "@slack/bolt";
import type { RecognitionItem } from "@/core/feed/recognition-list";
import type { Balances } from "@/core/giving/get-balances";
import type { NotificationPreferences } from "@/core/nudges/get-notification-preferences";
import type { UpdateNotificationPreferencesInput } from "@/core/nudges/update-notification-preferences";
import { formatPointsWithValue, type PointValue } from "@/core/shared/money";
import { OPEN_GIVE_MODAL_ACTION_ID } from "./give-modal";
import { escapeMrkdwn, slackDate } from "./mrkdwn";

/** How many of the recognitions a person received their App Home lists. */
export const RECENT_RECOGNITIONS = 5;

/**
 * The "Redeem rewards" button opens the web Rewards page. Slack still sends the click to the app, which
 * must acknowledge it (slack/listeners/actions/open-rewards.ts) or Slack marks the button as failed.
 */
export const OPEN_REWARDS_ACTION_ID = "open_rewards";

/** A reminder's (or public celebrations') button in App Home; its value says which, and whether to turn it on or off. */
export const SET_REMINDER_ACTION_ID = "set_reminder";

const CHOICES = ["allowanceReminders", "teamDigest", "publicCelebrations"] as const;

/** What a choice's button value asks for: `allowanceReminders:off`, `teamDigest:on`, `publicCelebrations:off`. */
export function reminderChange(value: string): UpdateNotificationPreferencesInput | null {
  const [name, state] = value.split(":");
  if (!CHOICES.some((choice) => choice === name) || (state !== "on" && state !== "off") || !name) return null;
  return { [name]: state === "on" };
}

export interface HomeFigures {
  balances: Balances;
  /** Newest first, at most RECENT_RECOGNITIONS. */
  received: RecognitionItem[];
  /** The web Rewards page, where earned points are redeemed. */
  rewardsUrl: string;
  preferences: NotificationPreferences;
}

/**
 * The App Home of a person in Plaudit: what they can give, what they earned and a way to redeem it, and
 * who thanked them lately.
 */
export function homeView({ balances, received, rewardsUrl, preferences }: HomeFigures): types.HomeView {
  const { pointValue } = balances;
  return {
    type: "home",
    blocks: [
      { type: "header", text: { type: "plain_text", text: "Your points" } },
      {
        type: "section",
        fields: [
          {
            type: "mrkdwn",
            text: `*Left to give this month*\n${formatPointsWithValue(balances.allowance.remaining, pointValue)}`,
          },
          { type: "mrkdwn", text: `*Earned*\n${formatPointsWithValue(balances.earned.balance, pointValue)}` },
        ],
      },
      {
        type: "actions",
        block_id: "home_actions",
        elements: [
          {
            type: "button",
            action_id: OPEN_GIVE_MODAL_ACTION_ID,
            style: "primary",
            text: { type: "plain_text", text: "Give points" },
          },
          {
            type: "button",
            action_id: OPEN_REWARDS_ACTION_ID,
            url: rewardsUrl,
            text: { type: "plain_text", text: "Redeem rewards" },
          },
        ],
      },
      { type: "divider" },
      { type: "header", text: { type: "plain_text", text: "Recently received" } },
      ...(received.length === 0
        ? [noRecognitionsYet()]
        : received.flatMap((item) => recognitionBlocks(item, pointValue))),
      { type: "divider" },
      { type: "header", text: { type: "plain_text", text: "Reminders" } },
      reminderBlock(
        "allowanceReminders",
        "Month-end reminder",
        "three days before the month ends, while you have points to give",
        preferences.allowanceReminders,
      ),
      ...(preferences.hasReports
        ? [
            reminderBlock(
              "teamDigest",
              "Weekly team digest",
              "on Monday mornings: your reports' recognition, and who hasn't been thanked lately",
              preferences.teamDigest,
            ),
          ]
        : []),
      { type: "header", text: { type: "plain_text", text: "Celebrations" } },
      choiceBlock(
        "publicCelebrations",
        "Public celebrations",
        "Your birthday and work anniversaries in the feed and the celebration channel. Off, you still get the points and a direct message.",
        preferences.publicCelebrations,
      ),
    ],
  };
}

function reminderBlock(name: string, title: string, when: string, on: boolean): types.KnownBlock {
  return choiceBlock(name, title, `A direct message ${when}.`, on);
}

function choiceBlock(name: string, title: string, description: string, on: boolean): types.KnownBlock {
  return {
    type: "section",
    text: { type: "mrkdwn", text: `*${title}: ${on ? "on" : "off"}*\n${description}` },
    accessory: {
      type: "button",
      action_id: SET_REMINDER_ACTION_ID,
      value: `${name}:${on ? "off" : "on"}`,
      text: { type: "plain_text", text: on ? "Turn off" : "Turn on" },
    },
  };
}

/** The App Home of a Slack user Plaudit cannot place: `message` says how to get access. */
export function unknownUserHomeView(message: string): types.HomeView {
  return {
    type: "home",
    blocks: [
      { type: "header", text: { type: "plain_text", text: "Plaudit" } },
      { type: "section", text: { type: "plain_text", text: message } },
    ],
  };
}

function noRecognitionsYet(): types.KnownBlock {
  return {
    type: "section",
    text: {
      type: "mrkdwn",
      text: "No recognitions yet. When a colleague thanks you with points, it shows here.",
    },
  };
}

function recognitionBlocks(item: RecognitionItem, pointValue: PointValue): types.KnownBlock[] {
  const giver = item.giver ? escapeMrkdwn(item.giver.name) : "Your company";
  const points = formatPointsWithValue(item.amountPerRecipient, pointValue);
  // A message written in Slack is already Slack markup (mentions, links); one typed elsewhere is plain text.
  const message = item.source === "slack" ? item.message : escapeMrkdwn(item.message);
  const values = item.values.map((value) => `#${value}`);
  return [
    { type: "section", text: { type: "mrkdwn", text: `*${giver}* gave you *${points}*\n${message}` } },
    {
      type: "context",
      elements: [{ type: "mrkdwn", text: [slackDate(item.createdAt), ...values].join("  ·  ") }],
    },
  ];
}
