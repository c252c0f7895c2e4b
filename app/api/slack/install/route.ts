import { redirectTo, viewerOrRedirect } from "@/app/_lib/route-responses";
import { answeringOutage, unavailablePageHere } from "@/app/_lib/unavailable";
import { slackInstallUrl } from "@/slack/install/install-url";
import { installableOAuth, publicOrigin } from "@/slack/install/oauth-state";
import { slackSettingsFromEnv } from "@/slack/settings";
import { installNotOffered, installProblemFor } from "./install-responses";

/** "Add to Slack": sends an admin to Slack to install the app into a workspace for their org. */
export const GET = answeringOutage(
  unavailablePageHere,
  async function GET(request: Request): Promise<Response> {
    const oauth = installableOAuth(slackSettingsFromEnv());
    if (!oauth) return installNotOffered();
    const origin = publicOrigin(request.url);
    const viewer = await viewerOrRedirect(request, origin);
    if (viewer instanceof Response) return viewer;
    try {
      return redirectTo(slackInstallUrl(oauth, viewer, origin));
    } catch (error) {
      return installProblemFor(error);
    }
  },
);
