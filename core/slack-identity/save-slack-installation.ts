import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../../db/client";
import { organizations, slackInstallations } from "../../db/schema";
import { recordAudit } from "../org/audit";
import type { Actor } from "../shared/actor";
import { type Clock, systemClock } from "../shared/clock";
import { DomainError } from "../shared/errors";
import { authorize } from "../shared/permissions";
import { sealSecret } from "../shared/secret-box";
import { parseInput, text, uuid } from "../shared/validation";

const slackId = text().trim().min(1);

const installInput = z.object({
  /** Only the operator names the org; an admin installs into their own. */
  orgId: uuid("Choose an organization.").optional(),
  teamId: slackId,
  teamName: text().nullable().optional(),
  enterpriseId: slackId.nullable().optional(),
  botUserId: slackId,
  botId: slackId.nullable().optional(),
  botToken: text().trim().startsWith("xoxb-", "Expected a Slack bot token (xoxb-...)."),
  /** As Slack's OAuth answer lists them: comma-separated. */
  scopes: text().nullable().optional(),
  installedBySlackUser: slackId.nullable().optional(),
});

export type SaveSlackInstallationInput = z.input<typeof installInput>;

/** An installation as it may be shown and logged: everything but the token. */
const INSTALLATION_COLUMNS = {
  id: slackInstallations.id,
  orgId: slackInstallations.orgId,
  teamId: slackInstallations.teamId,
  teamName: slackInstallations.teamName,
  enterpriseId: slackInstallations.enterpriseId,
  botUserId: slackInstallations.botUserId,
  botId: slackInstallations.botId,
  scopes: slackInstallations.scopes,
  installedBySlackUser: slackInstallations.installedBySlackUser,
  installedAt: slackInstallations.installedAt,
};

export interface SlackInstallation {
  id: string;
  orgId: string;
  teamId: string;
  teamName: string | null;
  enterpriseId: string | null;
  botUserId: string;
  botId: string | null;
  scopes: string | null;
  installedBySlackUser: string | null;
  installedAt: Date;
}

export interface SaveSlackInstallationResult {
  installation: SlackInstallation;
  /** True when the workspace was already connected to this org and got a new token. */
  reinstalled: boolean;
}

const TAKEN = "This Slack workspace is already connected to another Plaudit organization.";

/**
 * Binds a Slack workspace to an org after the app's OAuth install, with the bot token sealed at rest.
 * Installing again (new scopes, a rotated token) updates the binding; a workspace stays with the org
 * that connected it first, so another org can never take over its people.
 */
export async function saveSlackInstallation(
  db: Database,
  actor: Actor,
  input: SaveSlackInstallationInput,
  clock: Clock = systemClock,
): Promise<SaveSlackInstallationResult> {
  authorize(actor, "manage_slack");
  const request = parseInput(installInput, input);
  const orgId = targetOrgId(actor, request.orgId);
  const fields = {
    orgId,
    teamId: request.teamId,
    teamName: request.teamName ?? null,
    enterpriseId: request.enterpriseId ?? null,
    botUserId: request.botUserId,
    botId: request.botId ?? null,
    botTokenEncrypted: sealSecret(request.botToken),
    scopes: request.scopes ?? null,
    installedBySlackUser: request.installedBySlackUser ?? null,
    installedAt: clock(),
  };
  return db.transaction(async (tx) => {
    const [org] = await tx
      .select({ id: organizations.id })
      .from(organizations)
      .where(eq(organizations.id, orgId));
    if (!org) throw new DomainError("not_found", "That organization doesn't exist.", { field: "orgId" });
    const [before] = await tx
      .select(INSTALLATION_COLUMNS)
      .from(slackInstallations)
      .where(eq(slackInstallations.teamId, request.teamId))
      .for("update");
    if (before && before.orgId !== orgId) throw new DomainError("conflict", TAKEN, { field: "teamId" });

    // The condition also covers another org's first install racing this one: then nothing is returned.
    const [installation] = await tx
      .insert(slackInstallations)
      .values(fields)
      .onConflictDoUpdate({
        target: slackInstallations.teamId,
        set: fields,
        setWhere: sql`${slackInstallations.orgId} = ${orgId}`,
      })
      .returning(INSTALLATION_COLUMNS);
    if (!installation) throw new DomainError("conflict", TAKEN, { field: "teamId" });

    await recordAudit(tx, actor, {
      orgId,
      action: "slack.install",
      targetType: "slack_installation",
      targetId: installation.id,
      before: before ? logged(before) : null,
      after: logged(installation),
    });
    return { installation, reinstalled: before !== undefined };
  });
}

function targetOrgId(actor: Actor, orgId: string | undefined): string {
  if (actor.kind === "operator") {
    if (!orgId) throw new DomainError("invalid", "Name the organization to connect.", { field: "orgId" });
    return orgId;
  }
  if (orgId && orgId !== actor.orgId) {
    throw new DomainError("forbidden", "You can only connect Slack to your own organization.");
  }
  return actor.orgId;
}

/** What the audit log keeps of an installation: never the token, sealed or not. */
function logged(installation: SlackInstallation) {
  const { id: _id, orgId: _orgId, installedAt: _installedAt, ...described } = installation;
  return described;
}
