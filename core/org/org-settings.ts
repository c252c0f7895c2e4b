import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "../../db/client";
import { ledgerTransactions, organizations } from "../../db/schema";
import { isValidTimeZone } from "../shared/periods";
import { text } from "../shared/validation";

const points = (what: string) =>
  z
    .number(`Enter a number for ${what}.`)
    .int(`${what[0]?.toUpperCase()}${what.slice(1)} must be a whole number.`)
    .max(1_000_000, `That ${what} is too large.`);

/** A public (C...) or private (G...) channel's id; channel names change, ids do not. */
const slackChannel = () =>
  text("Enter a Slack channel ID.")
    .trim()
    .toUpperCase()
    .regex(
      /^[CG][A-Z0-9]{6,}$/,
      "Use a Slack channel ID such as C0123ABCD (channel details, at the bottom).",
    );

/** Points for an occasion; null (an empty field) turns its celebration off. */
const occasionPoints = (what: string, off: string) =>
  points(what).positive(`Give at least 1 point, or leave it empty: ${off}.`).nullable();

/** Every setting an admin edits, each with the rule it must meet. */
export const orgSettingFields = z.object({
  name: text().trim().min(1, "Name the organization.").max(120, "Keep the name under 120 characters."),
  timeZone: text().refine(isValidTimeZone, "Use an IANA time zone such as America/New_York."),
  currency: text()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{3}$/, "Use a three-letter ISO 4217 currency code."),
  pointValuePoints: points("number of points").positive("A point value needs at least 1 point."),
  pointValueMinor: points("money value").min(0, "A point value can't be negative."),
  defaultMonthlyAllowance: points("allowance").min(0, "An allowance can't be negative."),
  managerAllowancePerReport: points("per-report allowance").min(0, "An allowance can't be negative."),
  managerAllowanceCeiling: points("ceiling").min(0, "A ceiling can't be negative."),
  minPointsPerRecognition: points("minimum").min(1, "The minimum is at least 1 point."),
  maxPointsPerRecognition: points("maximum").min(1, "The maximum is at least 1 point."),
  valuesMode: z.enum(["off", "optional", "required"], "Choose off, optional or required."),
  leaverPolicy: z.enum(["keep", "forfeit"], "Choose keep or forfeit."),
  /** Null posts where people give. */
  slackRecognitionChannel: slackChannel().nullable(),
  slackAutoProvision: z.boolean("Choose whether people who use Plaudit from Slack are added."),
  birthdayPoints: occasionPoints("birthday points", "birthdays aren't celebrated"),
  anniversaryPoints: occasionPoints("anniversary points", "work anniversaries aren't celebrated"),
  anniversaryPointsPerYear: points("points per year of service").min(0, "Points per year can't be negative."),
  /** Null: birthdays and anniversaries are not announced in a channel (the feed and direct messages still are). */
  celebrationChannel: slackChannel().nullable(),
});

export type OrgSettings = z.output<typeof orgSettingFields>;
export type SettingName = keyof OrgSettings;

/** The columns behind each setting; `getOrgSettings` reads the same ones. */
export const SETTING_COLUMNS = {
  name: organizations.name,
  timeZone: organizations.timeZone,
  currency: organizations.currency,
  pointValuePoints: organizations.pointValuePoints,
  pointValueMinor: organizations.pointValueMinor,
  defaultMonthlyAllowance: organizations.defaultMonthlyAllowance,
  managerAllowancePerReport: organizations.managerAllowancePerReport,
  managerAllowanceCeiling: organizations.managerAllowanceCeiling,
  minPointsPerRecognition: organizations.minPointsPerRecognition,
  maxPointsPerRecognition: organizations.maxPointsPerRecognition,
  valuesMode: organizations.valuesMode,
  leaverPolicy: organizations.leaverPolicy,
  slackRecognitionChannel: organizations.slackRecognitionChannel,
  slackAutoProvision: organizations.slackAutoProvision,
  birthdayPoints: organizations.birthdayPoints,
  anniversaryPoints: organizations.anniversaryPoints,
  anniversaryPointsPerYear: organizations.anniversaryPointsPerYear,
  celebrationChannel: organizations.celebrationChannel,
} as const;

/**
 * Whether any redemption (a hold, settled or not) exists in the org: from then on the point value and
 * currency are what redemptions were priced in, and can't change.
 */
export async function hasRedemption(db: Executor, orgId: string): Promise<boolean> {
  const [redemption] = await db
    .select({ id: ledgerTransactions.id })
    .from(ledgerTransactions)
    .where(and(eq(ledgerTransactions.orgId, orgId), eq(ledgerTransactions.kind, "hold")))
    .limit(1);
  return redemption !== undefined;
}
