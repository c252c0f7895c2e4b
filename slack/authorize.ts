import type { AuthorizeResult, AuthorizeSourceData } from "@slack/bolt";
import { WebClient } from "@slack/web-api";
import { openSecret } from "@/core/shared/secret-box";
import { findSlackWorkspace } from "@/core/slack-identity/find-slack-workspace";
import { getDb } from "@/db/client";
import { slackClientOptions } from "./client-options";
import type { SlackSettings } from "./settings";

/** What authorize puts in Bolt's context: the org the workspace belongs to, beside Bolt's own fields. */
export interface AuthorizedWorkspace extends AuthorizeResult {
  orgId: string;
  teamId: string;
  botToken: string;
}

// The single workspace's bot identity, asked of Slack once per process (Bolt needs it to ignore its own posts).
let singleBot: Promise<{ botUserId?: string; botId?: string }> | undefined;

function singleWorkspaceBot(settings: SlackSettings & { botToken: string }) {
  singleBot ??= new WebClient(settings.botToken, slackClientOptions(settings)).auth
    .test()
    .then((answer) => ({ botUserId: answer.user_id, botId: answer.bot_id }))
    .catch((error: unknown) => {
      singleBot = undefined;
      throw error;
    });
  return singleBot;
}

/**
 * Bolt's `authorize`: which org and bot token a request's workspace has. One bot token from the
 * environment serves a single workspace; otherwise the workspace must have installed the app (OAuth).
 */
export function workspaceAuthorizer(settings: SlackSettings) {
  return async (source: AuthorizeSourceData<boolean>): Promise<AuthorizedWorkspace> => {
    const teamId = source.teamId ?? source.enterpriseId;
    if (!teamId) throw new Error("The Slack request names no workspace.");
    const { botToken } = settings;
    if (botToken) {
      const workspace = await findSlackWorkspace(getDb(), {
        teamId,
        singleWorkspace: { orgSlug: settings.orgSlug },
      });
      if (!workspace) throw new Error("No Plaudit organization matches this Slack workspace.");
      return {
        ...(await singleWorkspaceBot({ ...settings, botToken })),
        botToken,
        teamId,
        orgId: workspace.orgId,
      };
    }
    const workspace = await findSlackWorkspace(getDb(), { teamId });
    if (!workspace?.installation) throw new Error(`Slack workspace ${teamId} has not installed Plaudit.`);
    return {
      botToken: openSecret(workspace.installation.botTokenEncrypted),
      botUserId: workspace.installation.botUserId,
      botId: workspace.installation.botId ?? undefined,
      teamId,
      orgId: workspace.orgId,
    };
  };
}
