import { randomUUID } from "node:crypto";
import { saveSlackInstallation } from "../../core/slack-identity/save-slack-installation";
import type { Database } from "../../db/client";
import type { TestOrg } from "./factories";

/**
 * Installs the Slack app for a test org under a workspace id of its own, so that tests sharing a worker
 * database (in multi-workspace mode) never reach each other's orgs. Returns the workspace's team id.
 */
export async function connectSlackWorkspace(db: Database, org: TestOrg): Promise<string> {
  const teamId = `T${randomUUID().replace(/-/g, "").slice(0, 10).toUpperCase()}`;
  await saveSlackInstallation(db, org.admin.actor, {
    teamId,
    teamName: `Workspace of ${org.slug}`,
    botUserId: "UBOT",
    botId: "BBOT",
    botToken: `xoxb-${teamId}`,
    scopes: "commands,chat:write",
    installedBySlackUser: "UADMIN",
  });
  return teamId;
}
