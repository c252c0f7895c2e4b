import { after } from "next/server";
import { rewardDeps } from "@/app/_lib/reward-deps";
import { answeringOutage, unavailableJson } from "@/app/_lib/unavailable";
import { advanceRedemption } from "@/core/rewards/advance-redemption";
import { listWebhookKeys } from "@/core/rewards/list-webhook-keys";
import { recordProviderWebhook } from "@/core/rewards/record-provider-webhook";
import { isProviderError } from "@/core/rewards/reward-provider";
import type { Actor } from "@/core/shared/actor";
import { readCappedBody } from "@/core/shared/capped-body";
import { type Database, getDb } from "@/db/client";
import { componentLogger } from "@/observability/logger";
import {
  readTremendousWebhook,
  SIGNATURE_HEADER,
  verifyTremendousSignature,
} from "@/providers/tremendous/tremendous-webhooks";

/** Tremendous's events are a few hundred bytes; anything near this is not one. */
const MAX_BODY_BYTES = 64 * 1024;
/** Older events are acknowledged and ignored: their state has long been read back, and replays stop here. */
const STALE_AFTER_MS = 3 * 24 * 60 * 60_000;
const DEPLOYMENT: Actor = { kind: "operator" };

type Sender = { provider: "sandbox" } | { provider: "tremendous"; orgId: string };

/** Whose key signed the body: the built-in sandbox's, or one org's Tremendous webhook key. */
async function senderOf(db: Database, body: string, signature: string): Promise<Sender | null> {
  const sandboxKey = process.env.PLAUDIT_SANDBOX_WEBHOOK_KEY;
  if (sandboxKey && verifyTremendousSignature(body, signature, sandboxKey)) return { provider: "sandbox" };
  for (const { orgId, key } of await listWebhookKeys(db, DEPLOYMENT)) {
    if (verifyTremendousSignature(body, signature, key)) return { provider: "tremendous", orgId };
  }
  return null;
}

/**
 * Tremendous's webhooks (and the built-in sandbox's, which speaks the same). The signature is checked
 * before anything else is done with the body; the event then only marks its redemption due, and the
 * follow-up reads the real state back from the provider. A duplicate is acknowledged and ignored.
 */
export const POST = answeringOutage(
  unavailableJson,
  async function POST(request: Request): Promise<Response> {
    const signature = request.headers.get(SIGNATURE_HEADER);
    if (!signature) return Response.json({ error: "missing_signature" }, { status: 401 });
    const body = await readCappedBody(request, MAX_BODY_BYTES);
    if (body === null) return Response.json({ error: "body_too_large" }, { status: 413 });
    const db = getDb();
    const sender = await senderOf(db, body, signature);
    if (!sender) return Response.json({ error: "invalid_signature" }, { status: 401 });

    let event: ReturnType<typeof readTremendousWebhook>;
    try {
      event = readTremendousWebhook(body);
    } catch (error) {
      if (!isProviderError(error)) throw error;
      return Response.json({ error: "invalid_event" }, { status: 400 });
    }
    const sentAt = Date.parse(event.createdAt);
    if (Number.isFinite(sentAt) && Date.now() - sentAt > STALE_AFTER_MS) {
      return Response.json({ received: true, ignored: "stale" });
    }
    const recorded = await recordProviderWebhook(db, DEPLOYMENT, { ...sender, event });
    const { redemption } = recorded;
    if (redemption) {
      // After the answer: the provider waits for nobody, and background work would get to it anyway.
      after(() =>
        advanceRedemption(
          db,
          { kind: "system", orgId: redemption.orgId },
          { redemptionId: redemption.id },
          rewardDeps(),
        )
          .then(() => undefined)
          .catch((error: unknown) => {
            componentLogger("rewards").error({ err: error }, "The follow-up of a webhook failed");
          }),
      );
    }
    return Response.json({ received: true, duplicate: recorded.duplicate });
  },
);
