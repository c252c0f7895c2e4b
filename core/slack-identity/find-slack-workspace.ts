import { eq } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { organizations, slackInstallations } from "../../db/schema";
import { DomainError } from "../shared/errors";

/** The org a Slack workspace belongs to; the identity every Slack request is resolved against. */
export interface SlackWorkspace {
  orgId: string;
  teamId: string;
  /** Only for workspaces that installed the app through OAuth; single-workspace mode keeps its token in the environment. */
  installation?: { botTokenEncrypted: string; botUserId: string; botId: string | null };
}

export interface FindSlackWorkspaceInput {
  teamId: string;
  /** Set when the deployment serves one workspace with one bot token from its environment. */
  singleWorkspace?: { orgSlug?: string | null };
}

const NAME_THE_ORG = "Set SLACK_ORG to the slug of the org this Slack workspace belongs to.";

/**
 * Runs on every Slack request (Bolt's authorize), so each mode is one query. Null means the workspace
 * belongs to no org here: it never installed the app, or the deployment has no org yet.
 */
export async function findSlackWorkspace(
  db: Executor,
  input: FindSlackWorkspaceInput,
): Promise<SlackWorkspace | null> {
  const { teamId, singleWorkspace } = input;
  if (singleWorkspace) {
    const orgId = await singleWorkspaceOrg(db, singleWorkspace.orgSlug ?? null);
    return orgId === null ? null : { orgId, teamId };
  }
  const [installed] = await db
    .select({
      orgId: slackInstallations.orgId,
      botTokenEncrypted: slackInstallations.botTokenEncrypted,
      botUserId: slackInstallations.botUserId,
      botId: slackInstallations.botId,
    })
    .from(slackInstallations)
    .where(eq(slackInstallations.teamId, teamId));
  if (!installed) return null;
  const { orgId, ...installation } = installed;
  return { orgId, teamId, installation };
}

/** The org named by its slug, else the only org; guessing among several would hand one org's Slack to another. */
async function singleWorkspaceOrg(db: Executor, orgSlug: string | null): Promise<string | null> {
  if (orgSlug) {
    const [org] = await db
      .select({ id: organizations.id })
      .from(organizations)
      .where(eq(organizations.slug, orgSlug));
    if (!org) throw new DomainError("invalid", `No organization has the slug "${orgSlug}". ${NAME_THE_ORG}`);
    return org.id;
  }
  const orgs = await db.select({ id: organizations.id }).from(organizations).limit(2);
  if (orgs.length > 1) throw new DomainError("invalid", NAME_THE_ORG);
  return orgs[0]?.id ?? null;
}
