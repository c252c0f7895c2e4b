import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { componentLogger } from "../../observability/logger";
import { SIGNATURE_HEADER, tremendousSignature } from "../tremendous/tremendous-webhooks";

export interface WebhookResource {
  id: string;
  type: "orders" | "rewards";
}

export interface WebhookSender {
  /** Posts the event in the background; failures are logged and retried a few times, never thrown. */
  send(event: string, resource: WebhookResource, meta?: Record<string, unknown>): void;
  /** Waits for every delivery in flight, after `signal` stopped their retries. */
  settled(): Promise<void>;
}

/** After the first attempt: two retries, as a receiver that restarts briefly should still get the event. */
const RETRY_DELAYS_MS = [200, 1000];
const ATTEMPT_TIMEOUT_MS = 5000;

/**
 * Signs each event as Tremendous does (`Tremendous-Webhook-Signature: sha256=<hex HMAC>` over the exact
 * bytes sent) and posts it to `url`. Each event gets its own uuid; a retry resends the same bytes.
 */
export function webhookSender(url: string | undefined, key: string, signal: AbortSignal): WebhookSender {
  const inFlight = new Set<Promise<void>>();

  async function deliver(endpoint: string, body: string, event: string): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      const outcome = await fetch(endpoint, {
        method: "POST",
        headers: { "content-type": "application/json", [SIGNATURE_HEADER]: tremendousSignature(body, key) },
        body,
        signal: AbortSignal.any([signal, AbortSignal.timeout(ATTEMPT_TIMEOUT_MS)]),
      }).then(
        async (response) => {
          await response.body?.cancel(); // frees the connection; the answer's body says nothing
          return response.ok ? null : `answered ${response.status}`;
        },
        (error: unknown) => String(error),
      );
      if (outcome === null || signal.aborted) return;
      const delay = RETRY_DELAYS_MS[attempt];
      if (delay === undefined) {
        componentLogger("sandbox-provider").warn({ event, outcome }, "A webhook failed; giving up");
        return;
      }
      await sleep(delay, undefined, { signal }).catch(() => undefined);
    }
  }

  return {
    send(event, resource, meta = {}) {
      if (!url) return;
      const body = JSON.stringify({
        event,
        uuid: randomUUID(),
        created_utc: new Date().toISOString(),
        payload: { resource, meta },
      });
      const delivery = deliver(url, body, event).finally(() => inFlight.delete(delivery));
      inFlight.add(delivery);
    },
    async settled() {
      await Promise.all(inFlight);
    },
  };
}
