import { z } from "zod";
import { celebrationMessage, ordinal } from "@/core/celebrations/occasion-calendar";
import { formatPointsWithValue } from "@/core/shared/money";
import { escapeMrkdwn } from "../blocks/mrkdwn";
import { link } from "./notice-link";

/** What core/celebrations/celebration-grant.ts puts in a celebration's notices. */
const celebration = z.object({
  occasion: z.enum(["birthday", "work_anniversary"]),
  years: z.number().int().positive().nullable(),
  points: z.number().int().positive(),
  pointValue: z.object({
    points: z.number().int().positive(),
    minor: z.number().int(),
    currency: z.string(),
  }),
  name: z.string(),
  public: z.boolean(),
});

const EMOJI = { birthday: ":birthday:", work_anniversary: ":tada:" } as const;

/**
 * The direct message to the person celebrated: the wish, the points with their money value, and, when
 * they keep celebrations private, that no one else was told and where to change it.
 */
export function celebrationDirectText(payload: unknown): string | null {
  const facts = celebration.safeParse(payload);
  if (!facts.success) return null;
  const { occasion, years, points, pointValue } = facts.data;
  const wish =
    occasion === "birthday"
      ? "Happy birthday!"
      : `Happy ${ordinal(years ?? 1)} work anniversary! Thank you for ${years === 1 ? "a year" : `${years} years`} with us.`;
  return [
    `${EMOJI[occasion]} ${wish} The company gave you ${formatPointsWithValue(points, pointValue)} to celebrate. ${link("/history", "See it in Plaudit")}`,
    facts.data.public
      ? null
      : `You keep your celebrations private, so only you see this one. ${link("/settings", "Change that in Settings")}`,
  ]
    .filter((line) => line !== null)
    .join("\n");
}

/** The post in the celebration channel: the person mentioned when Slack knows them, else named. */
export function celebrationChannelText(payload: unknown, slackUserId: string | null): string | null {
  const facts = celebration.safeParse(payload);
  if (!facts.success) return null;
  const { occasion, years, points, pointValue, name } = facts.data;
  const who = slackUserId ? `<@${slackUserId}>` : `*${escapeMrkdwn(name)}*`;
  return `${EMOJI[occasion]} ${celebrationMessage(occasion, who, years)} ${formatPointsWithValue(points, pointValue)} from the company.`;
}
