import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Database } from "../../db/client";
import { ledgerAccounts, organizations } from "../../db/schema";
import { syncCurrentAllowance } from "../allowances/allowance-sync";
import type { Actor } from "../shared/actor";
import { type Clock, systemClock } from "../shared/clock";
import { DomainError } from "../shared/errors";
import { monthKey } from "../shared/periods";
import { actorOrgId, authorize } from "../shared/permissions";
import { parseInput } from "../shared/validation";
import { recordAudit } from "./audit";
import {
  hasRedemption,
  type OrgSettings,
  orgSettingFields,
  SETTING_COLUMNS,
  type SettingName,
} from "./org-settings";

const updateOrgSettingsInput = orgSettingFields
  .partial()
  .strict()
  .refine(
    (input) => Object.values(input).some((value) => value !== undefined),
    "Change at least one setting.",
  );

export type UpdateOrgSettingsInput = z.input<typeof updateOrgSettingsInput>;

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
      if (await hasRedemption(tx, orgId)) {
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
