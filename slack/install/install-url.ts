import { can } from "@/core/shared/permissions";
import type { Viewer } from "@/core/sign-in/load-viewer";
import manifest from "../manifest.json";
import type { SlackSettings } from "../settings";
import { SlackInstallFailure } from "./install-failure";
import { OAUTH_REDIRECT_PATH, signInstallState } from "./oauth-state";

const SLACK_AUTHORIZE_URL = "https://slack.com/oauth/v2/authorize";

/** Where "Add to Slack" sends an admin: Slack's install page, for a workspace to connect to their org. */
export function slackInstallUrl(
  oauth: NonNullable<SlackSettings["oauth"]>,
  installer: Viewer,
  origin: string,
): URL {
  if (!can(installer.actor, "manage_slack")) {
    throw new SlackInstallFailure(
      "not_an_admin",
      "Only an admin of your organization can connect it to Slack.",
    );
  }
  const target = new URL(SLACK_AUTHORIZE_URL);
  target.search = new URLSearchParams({
    client_id: oauth.clientId,
    // The scopes the manifest creates the app with, so an install never asks for less than the app uses.
    scope: manifest.oauth_config.scopes.bot.join(","),
    redirect_uri: `${origin}${OAUTH_REDIRECT_PATH}`,
    state: signInstallState(oauth.stateSecret, { orgId: installer.org.id, personId: installer.person.id }),
  }).toString();
  return target;
}
