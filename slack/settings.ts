/** How this deployment talks to Slack, read from the environment when first needed (never at import). */
export interface SlackSettings {
  signingSecret: string;
  /** Single-workspace mode: the bot token of the one workspace. Absent in multi-workspace (OAuth) mode. */
  botToken: string | null;
  /** Single-workspace mode: the slug of the org the workspace belongs to; null means the only org. */
  orgSlug: string | null;
  /** Base URL of Slack's Web API; tests and local fakes point it elsewhere. Ends with a slash. */
  apiUrl: string;
  /** Multi-workspace OAuth install: the Slack app's client credentials. */
  oauth: { clientId: string; clientSecret: string; stateSecret: string } | null;
}

function withSlash(url: string): string {
  return url.endsWith("/") ? url : `${url}/`;
}

/** Null when Slack is not set up in this deployment. */
export function slackSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): SlackSettings | null {
  const signingSecret = env.SLACK_SIGNING_SECRET;
  if (!signingSecret) return null;
  const clientId = env.SLACK_CLIENT_ID;
  const clientSecret = env.SLACK_CLIENT_SECRET;
  return {
    signingSecret,
    botToken: env.SLACK_BOT_TOKEN || null,
    orgSlug: env.SLACK_ORG || null,
    apiUrl: withSlash(env.SLACK_API_URL || "https://slack.com/api/"),
    oauth:
      clientId && clientSecret
        ? { clientId, clientSecret, stateSecret: env.SLACK_STATE_SECRET || env.AUTH_SECRET || signingSecret }
        : null,
  };
}
