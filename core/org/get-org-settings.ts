import { eq } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { organizations, slackInstallations } from "../../db/schema";
import type { Actor } from "../shared/actor";
import { DomainError } from "../shared/errors";
import { actorOrgId, authorize } from "../shared/permissions";
import { hasRedemption, type OrgSettings, SETTING_COLUMNS } from "./org-settings";

export interface OrgSettingsView extends OrgSettings {
  /**
   * The point value and currency can no longer change: a redemption was priced in them. Decided by the
   * same rule `updateOrgSettings` enforces, so the form never offers a change that would be refused.
   */
  pointValueLocked: boolean;
  /** What SLACK_ORG names the org by, when one Slack workspace is served from the environment. */
  slug: string;
  /** The Slack workspaces connected to the org by installing the app ("Add to Slack"). */
  slackWorkspaces: { teamId: string; teamName: string | null; installedAt: Date }[];
}

/** The org's settings as an admin edits them. */
export async function getOrgSettings(db: Executor, actor: Actor): Promise<OrgSettingsView> {
  authorize(actor, "update_org_settings");
  const orgId = actorOrgId(actor);
  const [settings] = await db
    .select({ ...SETTING_COLUMNS, slug: organizations.slug })
    .from(organizations)
    .where(eq(organizations.id, orgId));
  if (!settings) throw new DomainError("not_found", "Organization not found.");
  const slackWorkspaces = await db
    .select({
      teamId: slackInstallations.teamId,
      teamName: slackInstallations.teamName,
      installedAt: slackInstallations.installedAt,
    })
    .from(slackInstallations)
    .where(eq(slackInstallations.orgId, orgId))
    .orderBy(slackInstallations.installedAt, slackInstallations.teamId);
  return { ...settings, pointValueLocked: await hasRedemption(db, orgId), slackWorkspaces };
}
