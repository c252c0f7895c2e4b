import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { componentLogger } from "../../observability/logger";
import { apiRoutes } from "./api-routes";
import { controlRoutes } from "./control-routes";
import { type Fault, FaultSwitch } from "./faults";
import { ApiRefusal, send, sendJson, sendRefusal } from "./http-io";
import { publicRoutes } from "./public-routes";
import { type Answer, findRoute } from "./routes";
import { sandboxOrders } from "./sandbox-orders";
import { SandboxStore } from "./sandbox-store";
import { orderJson } from "./tremendous-json";
import { webhookSender } from "./webhook-sender";

export interface SandboxProviderOptions {
  /** 0 (the default) takes any free port. */
  port?: number;
  /** 127.0.0.1 by default. */
  host?: string;
  /** The Bearer key every API and control request must carry. */
  apiKey: string;
  /** Where signed webhooks go; none are sent without it. */
  webhookUrl?: string;
  /** Signs the webhooks; a random one when not given (read it back from the result). */
  webhookKey?: string;
  /** A JSON file the orders and balance are kept in across restarts; memory only without it. */
  stateFile?: string;
  /** The `balance` funding source to start from, in US cents: $5,000 by default. */
  balanceMinor?: number;
  /** How long an email delivery takes; 0 (the default) settles it before the order is answered. */
  emailDeliveryMs?: number;
}

export interface SandboxProvider {
  /** The server, e.g. `http://127.0.0.1:4010`: images, redemption links, `/sandbox/*`. */
  url: string;
  /** `url` + `/api/v2`: the SDK's `basePath`, and what `PLAUDIT_SANDBOX_URL` should say. */
  apiUrl: string;
  apiKey: string;
  webhookKey: string;
  /** Arms a fault for the next matching requests (see `faults.ts`). */
  injectFault(fault: Fault): void;
  /** Forgets every order and fault; the balance starts again (at `balanceMinor` if given). */
  reset(balanceMinor?: number): void;
  /** Every order, as `GET /orders/{id}` shows it. */
  orders(): ReturnType<typeof orderJson>[];
  balanceMinor(): number;
  /** Waits for the webhooks already sent (with their retries) to be delivered or given up. */
  webhooksSettled(): Promise<void>;
  /** Closes every connection, hung ones included, and stops delivery timers and webhook retries. */
  stop(): Promise<void>;
}

const API_PREFIX = "/api/v2";
const DEFAULT_BALANCE_MINOR = 500_000;

/** Starts a local server that speaks Plaudit's subset of Tremendous's API v2 (see the reference). */
export async function startSandboxProvider(options: SandboxProviderOptions): Promise<SandboxProvider> {
  const { apiKey, host = "127.0.0.1" } = options;
  const webhookKey = options.webhookKey ?? randomBytes(24).toString("hex");
  const stopping = new AbortController();
  const store = new SandboxStore(options.stateFile, options.balanceMinor ?? DEFAULT_BALANCE_MINOR);
  const faults = new FaultSwitch();
  const webhooks = webhookSender(options.webhookUrl, webhookKey, stopping.signal);

  /** A hang: `ms`, or until the server stops; false when it stopped (the request stays unanswered). */
  async function hold(ms: number | undefined): Promise<boolean> {
    const { signal } = stopping;
    await (ms === undefined
      ? new Promise((resolve) => signal.addEventListener("abort", resolve, { once: true }))
      : sleep(ms, undefined, { signal }).catch(() => undefined));
    return !signal.aborted;
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (error instanceof ApiRefusal) return sendRefusal(response, error);
      componentLogger("sandbox-provider").error({ err: error }, "A request failed");
      if (!response.headersSent) sendRefusal(response, new ApiRefusal(500, "Internal server error."));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;

  const orders = sandboxOrders({
    store,
    webhooks,
    origin: url,
    emailDeliveryMs: options.emailDeliveryMs ?? 0,
    signal: stopping.signal,
  });
  const openRoutes = publicRoutes(store);
  const controls = controlRoutes(store, faults);
  const api = apiRoutes({ store, orders, faults, origin: url, hold });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const answer = await answerTo(request, new URL(request.url ?? "/", url));
    if (answer) write(response, answer);
  }

  async function answerTo(request: IncomingMessage, requestUrl: URL): Promise<Answer | null> {
    const method = request.method ?? "GET";
    const { pathname } = requestUrl;
    const isApi = pathname.startsWith(`${API_PREFIX}/`);
    const path = isApi ? pathname.slice(API_PREFIX.length) : pathname;
    const routes = isApi ? api : pathname.startsWith("/sandbox/") ? controls : openRoutes;
    if (routes !== openRoutes && request.headers.authorization !== `Bearer ${apiKey}`) {
      throw new ApiRefusal(401, "Invalid API key.");
    }
    const found = findRoute(routes, method, path);
    if (!found) throw new ApiRefusal(404, `No route ${method} ${pathname}.`);
    if (isApi) {
      const limited = faults.take("rate_limited");
      if (limited) return rateLimited(limited.retryAfterSeconds ?? 1);
      const hang = faults.take("hang");
      if (hang && !(await hold(hang.ms))) return null;
    }
    return found.route.answer({ id: found.id, url: requestUrl, request });
  }

  const write = (response: ServerResponse, answer: Answer) =>
    answer.contentType
      ? send(response, answer.status, String(answer.body), answer.contentType, answer.headers)
      : sendJson(response, answer.status, answer.body, answer.headers);

  return {
    url,
    apiUrl: `${url}${API_PREFIX}`,
    apiKey,
    webhookKey,
    injectFault: (fault) => faults.arm(fault),
    reset: (balanceMinor) => {
      store.reset(balanceMinor);
      faults.clear();
    },
    orders: () => store.state.orders.map((order) => orderJson(order)),
    balanceMinor: () => store.state.balanceMinor,
    webhooksSettled: () => webhooks.settled(),
    async stop() {
      stopping.abort();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await webhooks.settled();
    },
  };
}

/** A 429 in the singular `error` shape Tremendous's rate-limit docs show: adapters must read both. */
function rateLimited(retryAfterSeconds: number): Answer {
  const message = "Rate limit exceeded: at most 10 requests per second.";
  return {
    status: 429,
    body: { status: 429, error: { message, payload: {} } },
    headers: { "retry-after": String(retryAfterSeconds) },
  };
}
