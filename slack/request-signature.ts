import { createHmac, timingSafeEqual } from "node:crypto";

/** Slack's requests carry a timestamp; one further than this from our clock, either way, is refused. */
export const MAX_CLOCK_SKEW_SECONDS = 5 * 60;

export type SignatureCheck = { ok: true } | { ok: false; reason: string };

/**
 * Checks `X-Slack-Signature` (v0, HMAC-SHA256 of `v0:<timestamp>:<raw body>`) and the timestamp. Bolt's
 * own check only refuses old timestamps; a request from the future is as suspect as a replayed one.
 */
export function checkSlackSignature(options: {
  signingSecret: string;
  body: string;
  signature: string | null;
  timestamp: string | null;
  nowSeconds: number;
}): SignatureCheck {
  const { signature, timestamp } = options;
  if (!signature || !timestamp) return { ok: false, reason: "missing signature headers" };
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: "malformed timestamp" };
  if (Math.abs(options.nowSeconds - Number(timestamp)) > MAX_CLOCK_SKEW_SECONDS) {
    return { ok: false, reason: "timestamp too far from now" };
  }
  const expected = `v0=${createHmac("sha256", options.signingSecret).update(`v0:${timestamp}:${options.body}`).digest("hex")}`;
  const given = Buffer.from(signature);
  const wanted = Buffer.from(expected);
  if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) {
    return { ok: false, reason: "signature mismatch" };
  }
  return { ok: true };
}
