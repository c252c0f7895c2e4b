import type { AuthorizeResult, AuthorizeSourceData } from "@slack/bolt";
import { WebClient } from "@slack/web-api";
import { openSecret } from "@/core/shared/secret-box";
import { findSlackWorkspace } from "@/core/slack-identity/find-slack-workspace";
import { type Executor, getDb } from "@/db/client";
import { slackClientOptions } from "./client-options";
import type { SlackSettings } from "./settings";

/** What authorize puts in Bolt's context: the org the workspace belongs to, beside Bolt's own fields. */
export interface AuthorizedWorkspace extends AuthorizeResult {
  orgId: string;
  teamId: string;
  botToken: string;
}

/** The org a workspace belongs to here and the bot token that speaks for Plaudit in it. */
export interface WorkspaceBot {
  orgId: string;
  botToken: string;
  /** The bot's identity as saved at install; single-workspace mode has to ask Slack for it. */
  installed?: { botUserId: string; botId?: string };
}

/**
 * Which org a workspace is and which bot token to use there. One bot token from the environment serves a
 * single workspace; otherwise the workspace must have installed the app (OAuth), and its token is opened
 * from the secret box. Null when the workspace belongs to no org here.
 */
export async function workspaceBot(
  db: Executor,
  settings: SlackSettings,
  teamId: string,
): Promise<WorkspaceBot | null> {
  const { botToken } = settings;
  if (botToken) {
    const workspace = await findSlackWorkspace(db, {
      teamId,
      singleWorkspace: { orgSlug: settings.orgSlug },
    });
    return workspace && { orgId: workspace.orgId, botToken };
  }
  const workspace = await findSlackWorkspace(db, { teamId });
  if (!workspace?.installation) return null;
  const { botTokenEncrypted, botUserId, botId } = workspace.installation;
  return {
    orgId: workspace.orgId,
    botToken: openSecret(botTokenEncrypted),
    installed: { botUserId, botId: botId ?? undefined },
  };
}

// The single workspace's bot identity, asked of Slack once per process (Bolt needs it to ignore its own posts).
let singleBot: Promise<{ botUserId?: string; botId?: string }> | undefined;

function singleWorkspaceBot(settings: SlackSettings, botToken: string) {
  singleBot ??= new WebClient(botToken, slackClientOptions(settings)).auth
    .test()
    .then((answer) => ({ botUserId: answer.user_id, botId: answer.bot_id }))
    .catch((error: unknown) => {
      singleBot = undefined;
      throw error;
    });
  return singleBot;
}

/** Bolt's `authorize`: which org and bot token a request's workspace has (see `workspaceBot`). */
export function workspaceAuthorizer(settings: SlackSettings) {
  return async (source: AuthorizeSourceData<boolean>): Promise<AuthorizedWorkspace> => {
    const teamId = source.teamId ?? source.enterpriseId;
    if (!teamId) throw new Error("The Slack request names no workspace.");
    const bot = await workspaceBot(getDb(), settings, teamId);
    if (!bot) {
      throw new Error(
        settings.botToken
          ? "No Plaudit organization matches this Slack workspace."
          : `Slack workspace ${teamId} has not installed Plaudit.`,
      );
    }
    return {
      ...(bot.installed ?? (await singleWorkspaceBot(settings, bot.botToken))),
      botToken: bot.botToken,
      teamId,
      orgId: bot.orgId,
    };
  };
}
