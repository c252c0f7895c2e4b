import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export interface ReceivedWebhook {
  /** The exact bytes received, as a signature check needs them. */
  rawBody: string;
  signature: string | undefined;
  event: string;
  uuid: string;
  resourceId: string;
  meta: Record<string, unknown>;
}

export interface WebhookReceiver {
  url: string;
  received: ReceivedWebhook[];
  /** The raw bodies answered with a 503 (see `refuseNext`). */
  refused: string[];
  /** The first webhook (already in or still to come) for which `matches` holds. */
  next(matches: (webhook: ReceivedWebhook) => boolean): Promise<ReceivedWebhook>;
  /** Answers the next `count` deliveries with a 503, as a receiver that is restarting would. */
  refuseNext(count: number): void;
  close(): Promise<void>;
}

/** A local endpoint that records the webhooks posted to it, for tests to await. */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  const refused: string[] = [];
  const waiting: { matches: (webhook: ReceivedWebhook) => boolean; resolve: (w: ReceivedWebhook) => void }[] =
    [];
  let refusals = 0;

  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const rawBody = Buffer.concat(chunks).toString("utf8");
    if (refusals > 0) {
      refusals -= 1;
      refused.push(rawBody);
      response.writeHead(503).end();
      return;
    }
    const parsed = JSON.parse(rawBody);
    const webhook: ReceivedWebhook = {
      rawBody,
      signature: request.headers["tremendous-webhook-signature"] as string | undefined,
      event: parsed.event,
      uuid: parsed.uuid,
      resourceId: parsed.payload.resource.id,
      meta: parsed.payload.meta,
    };
    received.push(webhook);
    for (const waiter of waiting.filter((candidate) => candidate.matches(webhook))) {
      waiting.splice(waiting.indexOf(waiter), 1);
      waiter.resolve(webhook);
    }
    response.writeHead(200).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/webhooks/tremendous`,
    received,
    refused,
    next(matches) {
      const already = received.find(matches);
      return already
        ? Promise.resolve(already)
        : new Promise((resolve) => waiting.push({ matches, resolve }));
    },
    refuseNext(count) {
      refusals = count;
    },
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
