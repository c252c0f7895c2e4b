import type { OrgSettingsView } from "@/core/org/get-org-settings";
import { installableOAuth } from "@/slack/install/oauth-state";
import type { SlackSettings } from "@/slack/settings";
import { formatDayInZone } from "../_components/format-time";

/** How the org reaches Slack, as the settings page tells an admin. */
export interface SlackStatus {
  connected: boolean;
  summary: string;
  /** "Add to Slack", when workspaces connect by installing the app. */
  installHref: string | null;
}

/**
 * Single-workspace deployments serve one workspace from their environment (SLACK_BOT_TOKEN), for the org
 * SLACK_ORG names or else the only org; the others connect each workspace by installing the app.
 */
export function slackStatus(
  slack: SlackSettings | null,
  org: Pick<OrgSettingsView, "slug" | "slackWorkspaces">,
  timeZone: string,
): SlackStatus {
  if (!slack) {
    return {
      connected: false,
      summary:
        "Slack isn't set up on this Plaudit yet: its operator creates the Slack app from slack/manifest.json and sets SLACK_SIGNING_SECRET.",
      installHref: null,
    };
  }
  if (slack.botToken) {
    if (slack.orgSlug === org.slug) {
      return {
        connected: true,
        summary: "Connected: this Plaudit serves one Slack workspace, for this organization.",
        installHref: null,
      };
    }
    if (slack.orgSlug) {
      return {
        connected: false,
        summary:
          "Not connected: this Plaudit serves one Slack workspace, and it belongs to another organization.",
        installHref: null,
      };
    }
    return {
      connected: true,
      summary: `Connected if this is the only organization on this Plaudit, which serves one Slack workspace. With several, its operator sets SLACK_ORG=${org.slug} to name this one.`,
      installHref: null,
    };
  }
  const installHref = installableOAuth(slack) ? "/api/slack/install" : null;
  if (org.slackWorkspaces.length > 0) {
    const workspaces = org.slackWorkspaces.map(
      (workspace) =>
        `${workspace.teamName ?? workspace.teamId} (since ${formatDayInZone(workspace.installedAt, timeZone)})`,
    );
    return { connected: true, summary: `Connected to ${workspaces.join(", ")}.`, installHref };
  }
  return {
    connected: false,
    summary: installHref
      ? "Not connected yet: add Plaudit to your Slack workspace."
      : "Not connected: this Plaudit's operator sets SLACK_CLIENT_ID and SLACK_CLIENT_SECRET to let admins add it to Slack.",
    installHref,
  };
}
