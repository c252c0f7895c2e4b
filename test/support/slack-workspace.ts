import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { saveSlackInstallation } from "../../core/slack-identity/save-slack-installation";
import type { Database } from "../../db/client";
import { people } from "../../db/schema";
import type { TestOrg } from "./factories";

/** A Slack id of this kind (`T` workspace, `U` user) that no other test uses. */
export function newSlackId(prefix: string): string {
  return `${prefix}${randomUUID().replaceAll("-", "").slice(0, 10).toUpperCase()}`;
}

/**
 * Installs the Slack app for a test org under a workspace id of its own, so that tests sharing a worker
 * database (in multi-workspace mode) never reach each other's orgs. Returns the workspace's team id; its
 * bot token is `xoxb-<team id>`.
 */
export async function connectSlackWorkspace(db: Database, org: TestOrg): Promise<string> {
  const teamId = newSlackId("T");
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

/** Ties a person to a new Slack user of the workspace, as their first Slack request would. Returns the user id. */
export async function linkSlackUser(db: Database, teamId: string, personId: string): Promise<string> {
  const userId = newSlackId("U");
  await db.update(people).set({ slackTeamId: teamId, slackUserId: userId }).where(eq(people.id, personId));
  return userId;
}
