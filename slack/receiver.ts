import type { App, Receiver, ReceiverEvent } from "@slack/bolt";
import { isOutage, outageResponse } from "./outage-reply";
import { checkSlackSignature } from "./request-signature";

/** Runs work after the response has been sent (`after()` in Next; tests run it themselves). */
export type RunAfterResponse = (work: Promise<unknown>) => void;

export interface ReceiverSettings {
  signingSecret: string;
  now?: () => number;
  logError?: (message: string, error: unknown) => void;
}

// Slack retries a request it has no answer to after 3 seconds; answer a little before that in any case.
const ACK_DEADLINE_MS = 2_500;

function parseBody(raw: string, contentType: string): Record<string, unknown> {
  if (contentType.startsWith("application/json")) return JSON.parse(raw) as Record<string, unknown>;
  const form = Object.fromEntries(new URLSearchParams(raw));
  // Interactivity (buttons, modals, shortcuts) arrives as one `payload` field of JSON.
  return typeof form.payload === "string" ? (JSON.parse(form.payload) as Record<string, unknown>) : form;
}

function ackResponse(body: unknown): Response {
  if (body === undefined || body === "") return new Response(null, { status: 200 });
  if (typeof body === "string") return new Response(body, { status: 200 });
  return Response.json(body);
}

/**
 * Serves Bolt from a route handler: Bolt's own receivers need a Node server of their own. Verifies the
 * request, answers Slack's URL checks, hands the payload to Bolt and responds as soon as the listener
 * acknowledges; the rest of the listener's work carries on after the response.
 */
export class RouteHandlerReceiver implements Receiver {
  private app: App | undefined;

  constructor(private readonly settings: ReceiverSettings) {}

  init(app: App): void {
    this.app = app;
  }

  // The route handler is the server; there is nothing to start or stop.
  async start(): Promise<void> {}
  async stop(): Promise<void> {}

  async handle(request: Request, runAfter: RunAfterResponse): Promise<Response> {
    const raw = await request.text();
    const contentType = request.headers.get("content-type") ?? "";
    if (
      contentType.startsWith("application/x-www-form-urlencoded") &&
      new URLSearchParams(raw).get("ssl_check") === "1"
    ) {
      return new Response(null, { status: 200 });
    }
    const check = checkSlackSignature({
      signingSecret: this.settings.signingSecret,
      body: raw,
      signature: request.headers.get("x-slack-signature"),
      timestamp: request.headers.get("x-slack-request-timestamp"),
      nowSeconds: Math.floor((this.settings.now?.() ?? Date.now()) / 1000),
    });
    if (!check.ok) return Response.json({ error: "invalid_signature" }, { status: 401 });

    let body: Record<string, unknown>;
    try {
      body = parseBody(raw, contentType);
    } catch {
      return Response.json({ error: "invalid_body" }, { status: 400 });
    }
    if (body.type === "url_verification") return Response.json({ challenge: body.challenge });
    if (!this.app) throw new Error("The Slack receiver was used before Bolt initialised it.");

    let acknowledge: (response: Response) => void = () => {};
    const acknowledged = new Promise<Response>((resolve) => {
      acknowledge = resolve;
    });
    let acked = false;
    const retryNum = request.headers.get("x-slack-retry-num");
    const event: ReceiverEvent = {
      body,
      retryNum: retryNum === null ? undefined : Number(retryNum),
      retryReason: request.headers.get("x-slack-retry-reason") ?? undefined,
      ack: async (response) => {
        if (acked) return;
        acked = true;
        acknowledge(ackResponse(response));
      },
    };
    const processing = this.app.processEvent(event).catch((error: unknown) => {
      // Bolt's error handler has logged an outage and passed it on, to be told to Slack here.
      if (!isOutage(error)) return this.settings.logError?.("A Slack listener failed", error);
      if (acked) return;
      acked = true;
      acknowledge(outageResponse(body));
    });
    const deadline = new Promise<Response>((resolve) =>
      setTimeout(() => resolve(new Response(null, { status: 200 })), ACK_DEADLINE_MS).unref(),
    );
    const response = await Promise.race([
      acknowledged,
      processing.then(() => new Response(null, { status: 200 })),
      deadline,
    ]);
    runAfter(processing);
    return response;
  }
}
