import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";

/** What every log line written while serving one request carries. */
export interface RequestContext {
  requestId: string;
  /** An HTTP request's path and query, to send the browser back to once a failure has passed. */
  url?: string;
}

export const REQUEST_ID_HEADER = "x-request-id";

/** An id a proxy in front may send: short, and nothing a log line could be forged or broken with. */
const WELL_FORMED_ID = /^[A-Za-z0-9._:@+=/-]{1,128}$/;

// On globalThis: the server bundles this module into several chunks, and they must share one store.
const processWide = globalThis as typeof globalThis & { plauditRequests?: AsyncLocalStorage<RequestContext> };
processWide.plauditRequests ??= new AsyncLocalStorage<RequestContext>();
const storage = processWide.plauditRequests;

/** The incoming `X-Request-ID` when it is well formed, else a new one. */
export function requestIdFrom(header: string | string[] | null | undefined): string {
  return typeof header === "string" && WELL_FORMED_ID.test(header) ? header : randomUUID();
}

/** Runs `work` (and everything it starts, to its last `after()`) as part of the request `context`. */
export function inRequest<Result>(context: RequestContext, work: () => Result): Result {
  return storage.run(context, work);
}

/** The request being served here, if any. */
export function currentRequest(): RequestContext | undefined {
  return storage.getStore();
}
