import { can } from "@/core/shared/permissions";
import manifest from "@/slack/manifest.json";
import { installableOAuth, OAUTH_REDIRECT_PATH, publicOrigin, signInstallState } from "@/slack/oauth-state";
import { slackSettingsFromEnv } from "@/slack/settings";
import { installNotOffered, installProblem, redirectTo, viewerOrRedirect } from "./install-responses";

const SLACK_AUTHORIZE_URL = "https://slack.com/oauth/v2/authorize";

/** "Add to Slack": sends an admin to Slack to install the app into a workspace for their org. */
export async function GET(request: Request): Promise<Response> {
  const oauth = installableOAuth(slackSettingsFromEnv());
  if (!oauth) return installNotOffered();
  const origin = publicOrigin(request.url);
  const viewer = await viewerOrRedirect(request, origin);
  if (viewer instanceof Response) return viewer;
  if (!can(viewer.actor, "manage_slack")) {
    return installProblem(403, "Only an admin of your organization can connect it to Slack.");
  }
  const target = new URL(SLACK_AUTHORIZE_URL);
  target.search = new URLSearchParams({
    client_id: oauth.clientId,
    // The scopes the manifest creates the app with, so an install never asks for less than the app uses.
    scope: manifest.oauth_config.scopes.bot.join(","),
    redirect_uri: `${origin}${OAUTH_REDIRECT_PATH}`,
    state: signInstallState(oauth.stateSecret, { orgId: viewer.org.id, personId: viewer.person.id }),
  }).toString();
  return redirectTo(target);
}
