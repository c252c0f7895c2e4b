import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { ProviderError, type ProviderWebhookEvent } from "../../core/rewards/reward-provider";

export const SIGNATURE_HEADER = "Tremendous-Webhook-Signature";

/** The header value Tremendous sends: `sha256=` and the hex HMAC-SHA256 of the raw body. */
export function tremendousSignature(rawBody: string | Buffer, key: string): string {
  return `sha256=${createHmac("sha256", key).update(rawBody).digest("hex")}`;
}

/**
 * Whether `header` signs `rawBody` (the bytes as received, before any JSON parsing) with the webhook's
 * private key. Accepts the value with or without `sha256=`; compares in constant time.
 */
export function verifyTremendousSignature(
  rawBody: string | Buffer,
  header: string | null | undefined,
  key: string,
): boolean {
  // An unset key would make anyone's HMAC with the empty key pass.
  if (!key || !header) return false;
  const hex = header.trim().replace(/^sha256=/i, "");
  if (!/^[0-9a-f]{64}$/i.test(hex)) return false;
  const given = Buffer.from(hex, "hex");
  const wanted = Buffer.from(tremendousSignature(rawBody, key).slice("sha256=".length), "hex");
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

const webhookBody = z.object({
  event: z.string().min(1),
  uuid: z.string().min(1),
  created_utc: z.string().min(1),
  payload: z.object({
    resource: z.object({ id: z.string().min(1), type: z.string() }),
    meta: z.unknown().optional(),
  }),
});

/**
 * The event a verified webhook announces. Only the resource's id and type are kept: the handler reads
 * the resource back from the API rather than trusting the payload's copy of it.
 */
export function readTremendousWebhook(rawBody: string | Buffer): ProviderWebhookEvent {
  let json: unknown;
  try {
    json = JSON.parse(rawBody.toString());
  } catch {
    throw new ProviderError("invalid", "The webhook body is not JSON.");
  }
  const parsed = webhookBody.safeParse(json);
  if (!parsed.success) throw new ProviderError("invalid", "The webhook body is not a Tremendous event.");
  const { event, uuid, created_utc, payload } = parsed.data;
  const { id, type } = payload.resource;
  return {
    uuid,
    event,
    createdAt: created_utc,
    resource: { id, type: type === "orders" || type === "rewards" ? type : "other" },
  };
}
