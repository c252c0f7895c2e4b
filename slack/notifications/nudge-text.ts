import { z } from "zod";
import { formatPointsWithValue } from "@/core/shared/money";
import { escapeMrkdwn } from "../blocks/mrkdwn";
import { link } from "./notice-link";

const pointValue = z.object({
  points: z.number().int().positive(),
  minor: z.number().int(),
  currency: z.string(),
});

/** What core/nudges/queue-allowance-reminders.ts puts in a reminder. */
const allowanceLeft = z.object({
  left: z.number().int().positive(),
  /** The month's last day, `YYYY-MM-DD`. */
  until: z.iso.date(),
  pointValue,
});

/** What core/nudges/queue-team-digests.ts puts in a digest. */
const teamWeek = z.object({
  reports: z.number().int().positive(),
  recognitions: z.number().int().nonnegative(),
  points: z.number().int().nonnegative(),
  notThanked: z.array(z.string()),
  pointValue,
});

/** The most names a digest lists before saying how many more there are. */
const NAMES_SHOWN = 10;

const settingsLink = () => link("/settings", "Change what Plaudit sends you");

function dayOf(isoDate: string): string {
  return new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" }).format(
    new Date(`${isoDate}T00:00:00Z`),
  );
}

function names(all: string[]): string {
  const shown = all.slice(0, NAMES_SHOWN).map(escapeMrkdwn);
  const more = all.length - shown.length;
  return more > 0 ? `${shown.join(", ")} and ${more} more` : shown.join(", ");
}

const NUDGES: Record<string, (payload: unknown) => string[] | null> = {
  "nudge.allowance_left": (payload) => {
    const facts = allowanceLeft.safeParse(payload);
    if (!facts.success) return null;
    const { left, until } = facts.data;
    return [
      `You have ${formatPointsWithValue(left, facts.data.pointValue)} to give before ${dayOf(until)}: they don't roll over. Who made your month? ${link("/", "Give points")}`,
      settingsLink(),
    ];
  },
  "digest.team_weekly": (payload) => {
    const facts = teamWeek.safeParse(payload);
    if (!facts.success) return null;
    const { recognitions, points, notThanked, reports } = facts.data;
    const received =
      recognitions === 0
        ? `Nobody on your team of ${reports} was recognized this past week.`
        : `Your team of ${reports} received ${recognitions} ${recognitions === 1 ? "recognition" : "recognitions"} this past week, ${formatPointsWithValue(points, facts.data.pointValue)} in all.`;
    const quiet =
      notThanked.length === 0
        ? "Everyone was thanked in the last 30 days."
        : `Not thanked in the last 30 days: ${names(notThanked)}.`;
    return [received, quiet, `${link("/team", "Open your team")} · ${settingsLink()}`];
  },
};

/** A reminder or digest as a direct message; null for a kind or payload this sender can't read. */
export function nudgeText(kind: string, payload: unknown): string | null {
  const text = Object.hasOwn(NUDGES, kind) ? NUDGES[kind]?.(payload) : null;
  return text ? text.join("\n") : null;
}
