import { createHmac, timingSafeEqual } from "node:crypto";

/** Slack's requests carry a timestamp; one further than this from our clock, either way, is refused. */
export const MAX_CLOCK_SKEW_SECONDS = 5 * 60;

/** A request's `X-Slack-Signature` and `X-Slack-Request-Timestamp`, present and fresh. */
export interface SignatureHeaders {
  signature: string;
  timestamp: string;
}

export type HeaderCheck = { ok: true; headers: SignatureHeaders } | { ok: false; reason: string };

/**
 * The half of the check that needs no body: both headers present, and a timestamp within five minutes of
 * now. Done before the body is read, so that an unsigned or replayed request costs nothing to refuse.
 * Bolt's own check only refuses old timestamps; a request from the future is as suspect as a replayed one.
 */
export function checkSignatureHeaders(options: {
  signature: string | null;
  timestamp: string | null;
  nowSeconds: number;
}): HeaderCheck {
  const { signature, timestamp } = options;
  if (!signature || !timestamp) return { ok: false, reason: "missing signature headers" };
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: "malformed timestamp" };
  if (Math.abs(options.nowSeconds - Number(timestamp)) > MAX_CLOCK_SKEW_SECONDS) {
    return { ok: false, reason: "timestamp too far from now" };
  }
  return { ok: true, headers: { signature, timestamp } };
}

/** Whether `X-Slack-Signature` (v0, HMAC-SHA256 of `v0:<timestamp>:<raw body>`) signs this body. */
export function signatureMatches(signingSecret: string, headers: SignatureHeaders, body: string): boolean {
  const expected = `v0=${createHmac("sha256", signingSecret).update(`v0:${headers.timestamp}:${body}`).digest("hex")}`;
  const given = Buffer.from(headers.signature);
  const wanted = Buffer.from(expected);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}
