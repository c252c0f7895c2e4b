import type { App, Receiver, ReceiverEvent } from "@slack/bolt";
import { readCappedBody } from "@/core/shared/capped-body";
import { isOutage, outageResponse } from "./outage-reply";
import { checkSignatureHeaders, signatureMatches } from "./request-signature";

/** Runs work after the response has been sent (`after()` in Next; tests run it themselves). */
export type RunAfterResponse = (work: Promise<unknown>) => void;

export interface ReceiverSettings {
  signingSecret: string;
  now?: () => number;
  logError?: (message: string, error: unknown) => void;
}

/**
 * What the receiver adds to Bolt's context (read through plaudit-context.ts): when the request arrived,
 * and for an Events API delivery the call that sends the response before the listeners have finished.
 */
export interface ReceiverContext {
  receivedAt: number;
  acknowledgeEvent?: () => void;
}

/**
 * Thrown by `ack()` when Slack was answered already, by the receiver's own deadline: the listener's answer
 * never reaches the user, who must be told another way.
 */
export class AckTooLate extends Error {
  override readonly name = "AckTooLate";
  constructor() {
    super("Slack was answered before the listener acknowledged.");
  }
}

/** Whether an acknowledgement reached Slack: false when it came after the receiver had answered. */
export async function delivered(acknowledgement: Promise<void>): Promise<boolean> {
  try {
    await acknowledgement;
    return true;
  } catch (error) {
    if (error instanceof AckTooLate) return false;
    throw error;
  }
}

/**
 * Slack's payloads are a few kilobytes. The largest is a message event, which carries its text twice
 * (as text and as rich-text blocks): Slack's longest message, 40,000 characters, fits unless nearly all
 * of them are emoji, and a message that long is no give. Anything bigger is refused before it fills memory.
 */
export const MAX_BODY_BYTES = 256 * 1024;

/**
 * Slack retries a request it has no answer to after 3 seconds; answer a little before that in any case,
 * except a form's submission, where an empty answer would close the form as if it had gone through.
 */
const ACK_DEADLINE_MS = 2_500;

const EMPTY_OK = () => new Response(null, { status: 200 });

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The request's payload, or null when it is not the object every Slack request carries. */
function parseBody(raw: string, contentType: string): Record<string, unknown> | null {
  try {
    if (contentType.startsWith("application/json")) {
      const body: unknown = JSON.parse(raw);
      return isObject(body) ? body : null;
    }
    const form = Object.fromEntries(new URLSearchParams(raw));
    if (typeof form.payload !== "string") return form;
    // Interactivity (buttons, modals, shortcuts) arrives as one `payload` field of JSON.
    const payload: unknown = JSON.parse(form.payload);
    return isObject(payload) ? payload : null;
  } catch {
    return null;
  }
}

function ackResponse(body: unknown): Response {
  if (body === undefined || body === "") return EMPTY_OK();
  if (typeof body === "string") return new Response(body, { status: 200 });
  return Response.json(body);
}

/**
 * Serves Bolt from a route handler: Bolt's own receivers need a Node server of their own. Verifies the
 * request (its signature headers before reading the body, and the body only up to a cap), answers
 * Slack's URL checks, and hands the payload to Bolt. It responds when the listener acknowledges - after
 * saving what it was asked to, so that Slack is only told of what is committed - and carries the rest
 * of the listener's work on after the response.
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
    const receivedAt = Date.now();
    const headers = checkSignatureHeaders({
      signature: request.headers.get("x-slack-signature"),
      timestamp: request.headers.get("x-slack-request-timestamp"),
      nowSeconds: Math.floor((this.settings.now?.() ?? Date.now()) / 1000),
    });
    // Refused unread: an unsigned or replayed request costs nothing, however large or slow its body.
    if (!headers.ok) return Response.json({ error: "invalid_signature" }, { status: 401 });
    const raw = await readCappedBody(request, MAX_BODY_BYTES);
    if (raw === null) return Response.json({ error: "body_too_large" }, { status: 413 });
    if (!signatureMatches(this.settings.signingSecret, headers.headers, raw)) {
      return Response.json({ error: "invalid_signature" }, { status: 401 });
    }

    const body = parseBody(raw, request.headers.get("content-type") ?? "");
    if (!body) return Response.json({ error: "invalid_body" }, { status: 400 });
    if (body.ssl_check === "1") return EMPTY_OK();
    if (body.type === "url_verification") return Response.json({ challenge: body.challenge });
    return this.dispatch(body, { headers: request.headers, receivedAt, runAfter });
  }

  private async dispatch(
    body: Record<string, unknown>,
    request: { headers: Headers; receivedAt: number; runAfter: RunAfterResponse },
  ): Promise<Response> {
    if (!this.app) throw new Error("The Slack receiver was used before Bolt initialised it.");
    let respond: (response: Response) => void = () => {};
    const responded = new Promise<Response>((resolve) => {
      respond = resolve;
    });
    let answered = false;
    /** Sends this response unless one went already; says whether it did. */
    const answer = (response: Response): boolean => {
      if (answered) return false;
      answered = true;
      respond(response);
      return true;
    };
    // Bolt acknowledges an Events API delivery itself before any listener runs, and Slack never sends
    // an event again once it is answered: its response waits for the listener's own word instead.
    const isEvent = body.type === "event_callback";
    const context: ReceiverContext = {
      receivedAt: request.receivedAt,
      ...(isEvent ? { acknowledgeEvent: () => answer(EMPTY_OK()) } : {}),
    };
    const retryNum = request.headers.get("x-slack-retry-num");
    const event: ReceiverEvent = {
      body,
      retryNum: retryNum === null ? undefined : Number(retryNum),
      retryReason: request.headers.get("x-slack-retry-reason") ?? undefined,
      customProperties: { ...context },
      ack: async (response) => {
        if (isEvent) return;
        if (!answer(ackResponse(response))) throw new AckTooLate();
      },
    };
    const processing = this.app.processEvent(event).catch((error: unknown) => {
      // Bolt's error handler has logged an outage and passed it on, to be told to Slack here.
      if (!isOutage(error)) return this.settings.logError?.("A Slack listener failed", error);
      answer(outageResponse(body));
    });
    void processing.then(() => answer(EMPTY_OK()));
    const wait = request.receivedAt + ACK_DEADLINE_MS - Date.now();
    const deadline =
      body.type === "view_submission" ? undefined : setTimeout(() => answer(EMPTY_OK()), Math.max(0, wait));
    const response = await responded;
    clearTimeout(deadline);
    request.runAfter(processing);
    return response;
  }
}
