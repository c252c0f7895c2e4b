import { z } from "zod";
import { formatPointsWithValue } from "@/core/shared/money";
import { escapeMrkdwn } from "../blocks/mrkdwn";
import { link } from "./notice-link";

/** What core/levels/award-due-levels.ts puts in a level's announcement. */
const levelReached = z.object({
  level: z.string().min(1),
  person: z.string().min(1),
  personId: z.string().min(1),
  /** Points granted for the levels reached in this step; 0 for none. */
  granted: z.number().int().nonnegative(),
  pointValue: z.object({
    points: z.number().int().positive(),
    minor: z.number().int(),
    currency: z.string(),
  }),
});

const LEVELS: Record<string, (facts: z.output<typeof levelReached>) => string[]> = {
  "level.reached": ({ level, granted, pointValue, personId }) => [
    `:trophy: You reached *${escapeMrkdwn(level)}*! It's for the recognition your colleagues gave you.`,
    ...(granted > 0
      ? [`The company added ${formatPointsWithValue(granted, pointValue)} to your earned balance.`]
      : []),
    link(`/people/${personId}`, "See your profile"),
  ],
  "level.reached_channel": ({ level, person, personId }) => [
    `:trophy: ${link(`/people/${personId}`, escapeMrkdwn(person))} reached *${escapeMrkdwn(level)}*! Congratulations!`,
  ],
};

/** A level announcement, as a DM or a channel post; null for a kind or payload this sender can't read. */
export function levelText(kind: string, payload: unknown): string | null {
  const message = Object.hasOwn(LEVELS, kind) ? LEVELS[kind] : undefined;
  const facts = levelReached.safeParse(payload);
  return message && facts.success ? message(facts.data).join("\n") : null;
}
