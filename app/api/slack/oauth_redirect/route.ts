import { WebAPIPlatformError, WebClient } from "@slack/web-api";
import { httpStatusFor } from "@/app/_lib/error-status";
import { isDomainError } from "@/core/shared/errors";
import {
  type SaveSlackInstallationInput,
  saveSlackInstallation,
} from "@/core/slack-identity/save-slack-installation";
import { getDb } from "@/db/client";
import { slackClientOptions } from "@/slack/client-options";
import { installableOAuth, OAUTH_REDIRECT_PATH, publicOrigin, verifyInstallState } from "@/slack/oauth-state";
import { type SlackSettings, slackSettingsFromEnv } from "@/slack/settings";
import {
  installNotOffered,
  installProblem,
  redirectTo,
  viewerOrRedirect,
} from "../install/install-responses";

const START_AGAIN = "Start again from Settings.";

/** Thrown for an answer from Slack that names no workspace to connect. */
class UnusableInstall extends Error {}

/** Trades the code Slack sent back for the workspace's bot token and identity. */
async function exchangeCode(
  settings: SlackSettings,
  credentials: { clientId: string; clientSecret: string },
  code: string,
  redirectUri: string,
): Promise<SaveSlackInstallationInput> {
  const options = slackClientOptions(settings);
  const access = await new WebClient(undefined, options).oauth.v2.access({
    client_id: credentials.clientId,
    client_secret: credentials.clientSecret,
    code,
    redirect_uri: redirectUri,
  });
  // An org-wide (Enterprise Grid) install names no workspace; the manifest does not offer one.
  if (!access.team?.id || !access.access_token || !access.bot_user_id) throw new UnusableInstall();
  // The answer names the bot user but not the bot, which Bolt needs to ignore the app's own posts.
  const identity = await new WebClient(access.access_token, options).auth.test();
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

function exchangeProblem(error: unknown): Response {
  if (error instanceof UnusableInstall) {
    return installProblem(400, `Slack didn't name a single workspace to connect. ${START_AGAIN}`);
  }
  if (error instanceof WebAPIPlatformError) {
    return installProblem(400, `Slack refused the install (${error.data.error}). ${START_AGAIN}`);
  }
  // The message only: the error may carry the request, and the request carries the client secret.
  console.error(
    `[slack] The install code could not be exchanged: ${error instanceof Error ? error.message : String(error)}`,
  );
  return installProblem(502, `Slack couldn't be reached to finish the install. ${START_AGAIN}`);
}

/** Where Slack sends the admin back after "Allow": checks who started the install, then connects the workspace. */
export async function GET(request: Request): Promise<Response> {
  const settings = slackSettingsFromEnv();
  const oauth = installableOAuth(settings);
  if (!settings || !oauth) return installNotOffered();
  const origin = publicOrigin(request.url);
  const params = new URL(request.url).searchParams;

  const state = verifyInstallState(oauth.stateSecret, params.get("state") ?? "");
  if (!state.ok) {
    return installProblem(
      400,
      state.reason === "expired"
        ? `The install took more than 10 minutes to come back from Slack. ${START_AGAIN}`
        : `This install link wasn't made by Plaudit, or it was altered on the way. ${START_AGAIN}`,
    );
  }
  const slackError = params.get("error");
  if (slackError) {
    return installProblem(
      400,
      slackError === "access_denied"
        ? "The install was cancelled in Slack."
        : `Slack stopped the install (${slackError}). ${START_AGAIN}`,
    );
  }
  const code = params.get("code");
  if (!code) return installProblem(400, `Slack sent no install code back. ${START_AGAIN}`);

  const viewer = await viewerOrRedirect(request, origin);
  if (viewer instanceof Response) return viewer;
  // Bound to the browser's session, so nobody can finish an install someone else started (login CSRF).
  if (viewer.person.id !== state.personId) {
    return installProblem(
      403,
      `This install was started by someone else. Sign in as the admin who started it, or ${START_AGAIN.toLowerCase()}`,
    );
  }

  let workspace: SaveSlackInstallationInput;
  try {
    workspace = await exchangeCode(settings, oauth, code, `${origin}${OAUTH_REDIRECT_PATH}`);
  } catch (error) {
    return exchangeProblem(error);
  }
  try {
    await saveSlackInstallation(getDb(), viewer.actor, { ...workspace, orgId: state.orgId });
  } catch (error) {
    if (isDomainError(error)) return installProblem(httpStatusFor(error.code), error.message);
    throw error;
  }
  return redirectTo(new URL("/admin/settings?slack=connected", origin));
}
