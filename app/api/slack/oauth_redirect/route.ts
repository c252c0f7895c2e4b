import { redirectTo, viewerOrRedirect } from "@/app/_lib/route-responses";
import { answeringOutage, unavailablePageHere } from "@/app/_lib/unavailable";
import { getDb } from "@/db/client";
import { finishSlackInstall } from "@/slack/install/finish-install";
import { readInstallCallback } from "@/slack/install/install-callback";
import { installableOAuth, OAUTH_REDIRECT_PATH, publicOrigin } from "@/slack/install/oauth-state";
import { slackSettingsFromEnv } from "@/slack/settings";
import { installNotOffered, installProblemFor } from "../install/install-responses";

/** Where Slack sends the admin back after "Allow": checks who started the install, then connects the workspace. */
export const GET = answeringOutage(
  unavailablePageHere,
  async function GET(request: Request): Promise<Response> {
    const settings = slackSettingsFromEnv();
    const oauth = installableOAuth(settings);
    if (!settings || !oauth) return installNotOffered();
    const origin = publicOrigin(request.url);
    try {
      const callback = readInstallCallback(oauth.stateSecret, new URL(request.url).searchParams);
      const installer = await viewerOrRedirect(request, origin);
      if (installer instanceof Response) return installer;
      await finishSlackInstall(
        getDb(),
        { apiUrl: settings.apiUrl, ...oauth },
        { installer, callback, redirectUri: `${origin}${OAUTH_REDIRECT_PATH}` },
      );
    } catch (error) {
      return installProblemFor(error);
    }
    return redirectTo(new URL("/admin/settings?slack=connected", origin));
  },
);
