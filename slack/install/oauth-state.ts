import { createHmac, timingSafeEqual } from "node:crypto";
import { configuredAppUrl } from "@/core/shared/public-url";
import type { SlackSettings } from "../settings";

/**
 * The multi-workspace install round trip: Plaudit sends an admin to Slack with a signed `state`, and Slack
 * sends them back to the redirect URL with it. The state carries who started the install and until when,
 * so no server-side table is needed; the redirect checks it before using the code Slack sent.
 */

/** Who started an install: the admin and the org the workspace will be connected to. */
export interface InstallState {
  orgId: string;
  personId: string;
}

export type VerifiedInstallState =
  | ({ ok: true } & InstallState)
  | { ok: false; reason: "invalid" | "expired" };

export const INSTALL_STATE_TTL_MS = 10 * 60 * 1000;

// The state secret may fall back to AUTH_SECRET or the signing secret: a purpose label keeps a MAC made
// here from ever being valid anywhere else those secrets sign.
const PURPOSE = "plaudit slack install state v1";

interface StatePayload {
  org: string;
  person: string;
  /** Expiry, in milliseconds since the epoch. */
  exp: number;
}

function mac(secret: string, payload: string): Buffer {
  return createHmac("sha256", secret).update(`${PURPOSE}\n${payload}`).digest();
}

/** `<payload>.<mac>`, both base64url: opaque to Slack, which hands it back unchanged. */
export function signInstallState(secret: string, state: InstallState, now: number = Date.now()): string {
  const payload: StatePayload = { org: state.orgId, person: state.personId, exp: now + INSTALL_STATE_TTL_MS };
  const encoded = Buffer.from(JSON.stringify(payload)).toString("base64url");
  return `${encoded}.${mac(secret, encoded).toString("base64url")}`;
}

function isPayload(value: unknown): value is StatePayload {
  const candidate = value as Partial<StatePayload> | null;
  return (
    typeof candidate?.org === "string" &&
    typeof candidate.person === "string" &&
    typeof candidate.exp === "number"
  );
}

/** Checks the MAC before reading anything, so a forged state can never say "expired" instead of "invalid". */
export function verifyInstallState(
  secret: string,
  token: string,
  now: number = Date.now(),
): VerifiedInstallState {
  const [encoded, signature, ...rest] = token.split(".");
  if (!encoded || !signature || rest.length > 0) return { ok: false, reason: "invalid" };
  const expected = mac(secret, encoded);
  const given = Buffer.from(signature, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, reason: "invalid" };
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(encoded, "base64url").toString("utf8"));
  } catch {
    return { ok: false, reason: "invalid" };
  }
  if (!isPayload(payload)) return { ok: false, reason: "invalid" };
  if (now >= payload.exp) return { ok: false, reason: "expired" };
  return { ok: true, orgId: payload.org, personId: payload.person };
}

/**
 * The OAuth credentials when workspaces connect by installing the app. A deployment with its own bot
 * token serves one workspace and ignores installations, so it offers no install.
 */
export function installableOAuth(settings: SlackSettings | null): NonNullable<SlackSettings["oauth"]> | null {
  if (!settings || settings.botToken) return null;
  return settings.oauth;
}

/**
 * The app's public origin: the configured one (PLAUDIT_URL or AUTH_URL) when a proxy in front changes the
 * host, else the request's. The redirect URL sent to Slack and the one the code is exchanged with must be
 * the same string.
 */
export function publicOrigin(
  requestUrl: string,
  configured: string | undefined = configuredAppUrl(),
): string {
  return new URL(configured || requestUrl).origin;
}

export const OAUTH_REDIRECT_PATH = "/api/slack/oauth_redirect";
