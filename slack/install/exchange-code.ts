import { WebAPIPlatformError, WebClient } from "@slack/web-api";
import type { SaveSlackInstallationInput } from "@/core/slack-identity/save-slack-installation";
import { componentLogger } from "@/observability/logger";
import { slackClientOptions } from "../client-options";
import { SlackInstallFailure, START_AGAIN } from "./install-failure";

/** What the exchange needs: where Slack's Web API is, and the app's OAuth credentials. */
export interface SlackOAuthApp {
  apiUrl: string;
  clientId: string;
  clientSecret: string;
}

/** Trades the code Slack sent back for the workspace's bot token and identity. */
export async function exchangeCode(
  app: SlackOAuthApp,
  code: string,
  redirectUri: string,
): Promise<SaveSlackInstallationInput> {
  const options = slackClientOptions(app);
  const access = await new WebClient(undefined, options).oauth.v2
    .access({ client_id: app.clientId, client_secret: app.clientSecret, code, redirect_uri: redirectUri })
    .catch(exchangeFailed);
  // An org-wide (Enterprise Grid) install names no workspace; the manifest does not offer one.
  if (!access.team?.id || !access.access_token || !access.bot_user_id) {
    throw new SlackInstallFailure(
      "no_workspace",
      `Slack didn't name a single workspace to connect. ${START_AGAIN}`,
    );
  }
  // The answer names the bot user but not the bot, which Bolt needs to ignore the app's own posts.
  const identity = await new WebClient(access.access_token, options).auth.test().catch(exchangeFailed);
  return {
    teamId: access.team.id,
    teamName: access.team.name ?? null,
    enterpriseId: access.enterprise?.id ?? null,
    botUserId: access.bot_user_id,
    botId: identity.bot_id ?? null,
    botToken: access.access_token,
    scopes: access.scope ?? null,
    installedBySlackUser: access.authed_user?.id ?? null,
  };
}

function exchangeFailed(error: unknown): never {
  if (error instanceof WebAPIPlatformError) {
    throw new SlackInstallFailure(
      "slack_refused",
      `Slack refused the install (${error.data.error}). ${START_AGAIN}`,
    );
  }
  // Through the logger's error serializer, which drops the request (it carries the client secret).
  componentLogger("slack").error({ err: error }, "The install code could not be exchanged");
  throw new SlackInstallFailure(
    "slack_unreachable",
    `Slack couldn't be reached to finish the install. ${START_AGAIN}`,
  );
}
