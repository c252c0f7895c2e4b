import { createHmac, randomUUID } from "node:crypto";

export const SIGNING_SECRET = "test-signing-secret";
export const TEAM_ID = "T0001";

export interface SignOptions {
  secret?: string;
  /** Seconds since the epoch; defaults to now. */
  timestamp?: number;
  headers?: Record<string, string>;
}

/** A request to the Slack route, signed the way Slack signs it (v0 HMAC-SHA256 over `v0:ts:body`). */
export function signedRequest(body: string, contentType: string, options: SignOptions = {}): Request {
  const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
  const signature = `v0=${createHmac("sha256", options.secret ?? SIGNING_SECRET)
    .update(`v0:${timestamp}:${body}`)
    .digest("hex")}`;
  return new Request("http://localhost/api/slack/events", {
    method: "POST",
    body,
    headers: {
      "content-type": contentType,
      "x-slack-request-timestamp": timestamp,
      "x-slack-signature": signature,
      ...options.headers,
    },
  });
}

function form(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString();
}

/** A slash command as Slack posts it (form-encoded; `should_escape` on, so mentions are `<@U..|name>`). */
export function slashCommand(
  fields: {
    text: string;
    userId: string;
    command?: string;
    channelId?: string;
    teamId?: string;
    triggerId?: string;
  },
  options?: SignOptions,
): Request {
  return signedRequest(
    form({
      token: "verification-token-unused",
      team_id: fields.teamId ?? TEAM_ID,
      team_domain: "acme",
      channel_id: fields.channelId ?? "C0GENERAL",
      channel_name: "general",
      user_id: fields.userId,
      user_name: fields.userId.toLowerCase(),
      command: fields.command ?? "/give",
      text: fields.text,
      api_app_id: "A0PLAUDIT",
      is_enterprise_install: "false",
      response_url: "https://hooks.slack.com/commands/T0001/1/abc",
      trigger_id: fields.triggerId ?? `${Date.now()}.${randomUUID()}`,
    }),
    "application/x-www-form-urlencoded",
    options,
  );
}

/** An Events API delivery (`event_callback`) wrapping one event. */
export function eventCallback(
  event: Record<string, unknown>,
  fields: { teamId?: string; eventId?: string } = {},
  options?: SignOptions,
): Request {
  const teamId = fields.teamId ?? TEAM_ID;
  return signedRequest(
    JSON.stringify({
      token: "verification-token-unused",
      team_id: teamId,
      api_app_id: "A0PLAUDIT",
      event,
      type: "event_callback",
      event_id: fields.eventId ?? `Ev${randomUUID().replace(/-/g, "").slice(0, 10).toUpperCase()}`,
      event_time: Math.floor(Date.now() / 1000),
      authorizations: [{ team_id: teamId, user_id: "UBOT", is_bot: true, is_enterprise_install: false }],
      is_ext_shared_channel: false,
    }),
    "application/json",
    options,
  );
}

/** An interactivity payload (block actions, view submissions, shortcuts): one form field of JSON. */
export function interaction(payload: Record<string, unknown>, options?: SignOptions): Request {
  return signedRequest(
    form({ payload: JSON.stringify(payload) }),
    "application/x-www-form-urlencoded",
    options,
  );
}
