import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../db/client";
import { ledgerAccounts, ledgerTransactions, organizations } from "../db/schema";
import type { Actor } from "./actor";
import { syncCurrentAllowance } from "./allowance-sync";
import { recordAudit } from "./audit";
import { type Clock, systemClock } from "./clock";
import { DomainError } from "./errors";
import { isValidTimeZone, monthKey } from "./periods";
import { actorOrgId, authorize } from "./permissions";
import { parseInput } from "./validation";

const points = (what: string) =>
  z
    .number(`Enter a number for ${what}.`)
    .int(`${what[0]?.toUpperCase()}${what.slice(1)} must be a whole number.`)
    .max(1_000_000, `That ${what} is too large.`);

const updateOrgSettingsInput = z
  .object({
    name: z.string().trim().min(1, "Name the organization.").max(120, "Keep the name under 120 characters."),
    timeZone: z.string().refine(isValidTimeZone, "Use an IANA time zone such as America/New_York."),
    currency: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{3}$/, "Use a three-letter ISO 4217 currency code."),
    pointValuePoints: points("number of points").positive("A point value needs at least 1 point."),
    pointValueMinor: points("money value").min(0, "A point value can't be negative."),
    defaultMonthlyAllowance: points("allowance").min(0, "An allowance can't be negative."),
    managerAllowancePerReport: points("per-report allowance").min(0, "An allowance can't be negative."),
    minPointsPerRecognition: points("minimum").min(1, "The minimum is at least 1 point."),
    maxPointsPerRecognition: points("maximum").min(1, "The maximum is at least 1 point."),
    valuesMode: z.enum(["off", "optional", "required"], "Choose off, optional or required."),
    leaverPolicy: z.enum(["keep", "forfeit"], "Choose keep or forfeit."),
    /** A public (C...) or private (G...) channel's id; channel names change, ids do not. Null posts where people give. */
    slackRecognitionChannel: z
      .string("Enter a Slack channel ID.")
      .trim()
      .toUpperCase()
      .regex(
        /^[CG][A-Z0-9]{6,}$/,
        "Use a Slack channel ID such as C0123ABCD (channel details, at the bottom).",
      )
      .nullable(),
    slackAutoProvision: z.boolean("Choose whether people who use Plaudit from Slack are added."),
  })
  .partial()
  .strict()
  .refine(
    (input) => Object.values(input).some((value) => value !== undefined),
    "Change at least one setting.",
  );

export type UpdateOrgSettingsInput = z.input<typeof updateOrgSettingsInput>;

export type OrgSettings = Required<z.output<typeof updateOrgSettingsInput>>;
type SettingName = keyof OrgSettings;

/** The columns behind each setting; `getOrgSettings` reads the same ones. */
export const SETTING_COLUMNS = {
  name: organizations.name,
  timeZone: organizations.timeZone,
  currency: organizations.currency,
  pointValuePoints: organizations.pointValuePoints,
  pointValueMinor: organizations.pointValueMinor,
  defaultMonthlyAllowance: organizations.defaultMonthlyAllowance,
  managerAllowancePerReport: organizations.managerAllowancePerReport,
  minPointsPerRecognition: organizations.minPointsPerRecognition,
  maxPointsPerRecognition: organizations.maxPointsPerRecognition,
  valuesMode: organizations.valuesMode,
  leaverPolicy: organizations.leaverPolicy,
  slackRecognitionChannel: organizations.slackRecognitionChannel,
  slackAutoProvision: organizations.slackAutoProvision,
} as const;

/** What a redemption was priced in; changing it afterwards would re-price points already redeemed. */
const LOCKED_BY_REDEMPTION: readonly SettingName[] = ["pointValuePoints", "pointValueMinor", "currency"];
const ALLOWANCE_SETTINGS: readonly SettingName[] = ["defaultMonthlyAllowance", "managerAllowancePerReport"];

/**
 * An admin changes org settings. The point value and currency are locked once the first redemption
 * exists. A change to the default or per-report allowance applies to the current month at once for
 * everyone whose month has already started; what they already gave stays given.
 */
export async function updateOrgSettings(
  db: Database,
  actor: Actor,
  input: UpdateOrgSettingsInput,
  clock: Clock = systemClock,
): Promise<OrgSettings> {
  authorize(actor, "update_org_settings");
  const orgId = actorOrgId(actor);
  const request = parseInput(updateOrgSettingsInput, input);
  const actorPersonId = actor.kind === "person" ? actor.personId : null;
  return db.transaction(async (tx) => {
    // Settings changes for one org queue here, so two admins can't each pass the min/max check alone.
    const [current] = await tx
      .select(SETTING_COLUMNS)
      .from(organizations)
      .where(eq(organizations.id, orgId))
      .for("update");
    if (!current) throw new DomainError("not_found", "That organization doesn't exist.");

    const changed = (Object.keys(request) as SettingName[]).filter(
      (setting) => request[setting] !== undefined && request[setting] !== current[setting],
    );
    if (changed.length === 0) return current;
    const next: OrgSettings = { ...current };
    for (const setting of changed) Object.assign(next, { [setting]: request[setting] });

    if (next.minPointsPerRecognition > next.maxPointsPerRecognition) {
      const field =
        request.maxPointsPerRecognition !== undefined ? "maxPointsPerRecognition" : "minPointsPerRecognition";
      throw new DomainError(
        "invalid",
        `The maximum per recognition (${next.maxPointsPerRecognition}) can't be below the minimum (${next.minPointsPerRecognition}).`,
        { field },
      );
    }

    const lockedChange = changed.find((setting) => LOCKED_BY_REDEMPTION.includes(setting));
    if (lockedChange) {
      const [redemption] = await tx
        .select({ id: ledgerTransactions.id })
        .from(ledgerTransactions)
        .where(and(eq(ledgerTransactions.orgId, orgId), eq(ledgerTransactions.kind, "hold")))
        .limit(1);
      if (redemption) {
        throw new DomainError(
          "conflict",
          lockedChange === "currency"
            ? "The currency can't change once points have been redeemed."
            : "The point value can't change once points have been redeemed.",
          { field: lockedChange },
        );
      }
    }

    const update = Object.fromEntries(changed.map((setting) => [setting, next[setting]]));
    await tx.update(organizations).set(update).where(eq(organizations.id, orgId));
    await recordAudit(tx, actor, {
      orgId,
      action: "organization.update_settings",
      targetType: "organization",
      targetId: orgId,
      before: Object.fromEntries(changed.map((setting) => [setting, current[setting]])),
      after: update,
    });

    if (changed.some((setting) => ALLOWANCE_SETTINGS.includes(setting))) {
      const now = clock();
      const open = await tx
        .select({ personId: ledgerAccounts.personId })
        .from(ledgerAccounts)
        .where(
          and(
            eq(ledgerAccounts.orgId, orgId),
            eq(ledgerAccounts.kind, "allowance"),
            eq(ledgerAccounts.period, monthKey(now, next.timeZone)),
          ),
        )
        .orderBy(ledgerAccounts.personId);
      // Accounts not yet open this month pick up the new amount when they open.
      for (const { personId } of open) {
        if (personId) await syncCurrentAllowance(tx, orgId, personId, actorPersonId, now);
      }
    }
    return next;
  });
}
