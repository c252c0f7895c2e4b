import { and, eq } from "drizzle-orm";
import type { Executor } from "../db/client";
import { ledgerTransactions, organizations } from "../db/schema";
import type { Actor } from "./actor";
import { DomainError } from "./errors";
import { actorOrgId, authorize } from "./permissions";
import type { OrgSettings } from "./update-org-settings";

export interface OrgSettingsView extends OrgSettings {
  /**
   * The point value and currency can no longer change: a redemption was priced in them. Decided by the
   * same rule `updateOrgSettings` enforces, so the form never offers a change that would be refused.
   */
  pointValueLocked: boolean;
}

/** Whether any redemption (a hold, settled or not) exists in the org. */
async function hasRedemption(db: Executor, orgId: string): Promise<boolean> {
  const [redemption] = await db
    .select({ id: ledgerTransactions.id })
    .from(ledgerTransactions)
    .where(and(eq(ledgerTransactions.orgId, orgId), eq(ledgerTransactions.kind, "hold")))
    .limit(1);
  return redemption !== undefined;
}

/** The org's settings as an admin edits them. */
export async function getOrgSettings(db: Executor, actor: Actor): Promise<OrgSettingsView> {
  authorize(actor, "update_org_settings");
  const orgId = actorOrgId(actor);
  const [settings] = await db
    .select({
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
    })
    .from(organizations)
    .where(eq(organizations.id, orgId));
  if (!settings) throw new DomainError("not_found", "Organization not found.");
  return { ...settings, pointValueLocked: await hasRedemption(db, orgId) };
}
