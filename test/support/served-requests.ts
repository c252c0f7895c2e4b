import { performance } from "node:perf_hooks";
import { slashCommand } from "../../testing/slack-requests";

/** A request to a served app, kept so that it can be sent again, to the same app or another. */
export interface HttpRequest {
  path: string;
  headers: Record<string, string>;
  body: string;
}

/** What came back: no status when the connection failed or was cut before an answer. */
export interface Exchange {
  status: number | null;
  text: string;
  headers: Headers;
  /** From sending to the whole answer (or the failure). */
  ms: number;
}

export function answered(exchange: Exchange): boolean {
  return exchange.status !== null && exchange.status >= 200 && exchange.status < 300;
}

export function jsonOf<Body>(exchange: Exchange): Body {
  return JSON.parse(exchange.text) as Body;
}

export async function send(baseUrl: string, request: HttpRequest): Promise<Exchange> {
  const started = performance.now();
  try {
    const response = await fetch(`${baseUrl}${request.path}`, {
      method: "POST",
      headers: request.headers,
      body: request.body,
    });
    const text = await response.text();
    return { status: response.status, text, headers: response.headers, ms: performance.now() - started };
  } catch {
    return { status: null, text: "", headers: new Headers(), ms: performance.now() - started };
  }
}

export interface SendAllOptions {
  /** How many requests are on their way at once, as a client's connection pool allows. */
  inFlight: number;
  /** Called as each answer (or failure) arrives, with how many have so far. */
  onExchange?: (exchange: Exchange, settled: number) => void;
}

/** Sends every request, `inFlight` at a time, in order; the exchanges come back in the requests' order. */
export async function sendAll(
  baseUrl: string | ((index: number) => string),
  requests: readonly HttpRequest[],
  options: SendAllOptions,
): Promise<Exchange[]> {
  const exchanges: Exchange[] = new Array(requests.length);
  let next = 0;
  let settled = 0;
  const urlOf = typeof baseUrl === "string" ? () => baseUrl : baseUrl;
  const worker = async () => {
    for (let index = next++; index < requests.length; index = next++) {
      const exchange = await send(urlOf(index), requests[index] as HttpRequest);
      exchanges[index] = exchange;
      settled += 1;
      options.onExchange?.(exchange, settled);
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.inFlight, requests.length) }, worker));
  return exchanges;
}

export interface ApiGive {
  idempotencyKey: string;
  giverId: string;
  recipientId: string;
  message: string;
}

export function apiGiveRequest(apiKey: string, give: ApiGive): HttpRequest {
  return {
    path: "/api/v1/recognitions",
    headers: {
      authorization: `Bearer ${apiKey}`,
      "content-type": "application/json",
      "idempotency-key": give.idempotencyKey,
    },
    body: JSON.stringify({
      giver_id: give.giverId,
      recipient_ids: [give.recipientId],
      amount: 1,
      message: give.message,
    }),
  };
}

export interface ApiRedemption {
  idempotencyKey: string;
  personId: string;
}

/** A $5 Starbucks card (50 pts at the default point value) for the person. */
export function apiRedemptionRequest(apiKey: string, redemption: ApiRedemption): HttpRequest {
  return {
    path: "/api/v1/redemptions",
    headers: {
      authorization: `Bearer ${apiKey}`,
      "content-type": "application/json",
      "idempotency-key": redemption.idempotencyKey,
    },
    body: JSON.stringify({
      person_id: redemption.personId,
      product_id: "SBUXUS000001",
      face_value_minor: 500,
    }),
  };
}

export interface SlackGive {
  giverSlackId: string;
  recipientSlackId: string;
  /** Unique to the command, so that every message about it can be told apart. */
  reason: string;
  triggerId: string;
}

/** The give's idempotency key, as the `/give` listener makes it from the workspace and the trigger id. */
export function slackGiveKey(give: SlackGive, teamId: string): string {
  return `slack:command:${teamId}:${give.triggerId}`;
}

/**
 * `/give @recipient 1 <reason>` as Slack posts it, signed now. A retry is the same command again with
 * `X-Slack-Retry-Num`, as Slack sends when it had no answer in time.
 */
export async function slackGiveRequest(give: SlackGive, retryNum?: number): Promise<HttpRequest> {
  const request = slashCommand(
    {
      text: `<@${give.recipientSlackId}|colleague> 1 ${give.reason}`,
      userId: give.giverSlackId,
      triggerId: give.triggerId,
    },
    retryNum === undefined
      ? {}
      : { headers: { "x-slack-retry-num": String(retryNum), "x-slack-retry-reason": "http_timeout" } },
  );
  return {
    path: "/api/slack/events",
    headers: Object.fromEntries(request.headers),
    body: await request.text(),
  };
}
