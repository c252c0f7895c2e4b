import http from "node:http";
import { performance } from "node:perf_hooks";
import type { Logger } from "./logger";
import { metrics } from "./metrics";
import { inRequest, REQUEST_ID_HEADER, requestIdFrom } from "./request-context";

/** Longer paths are cut: nothing of the app is that deep, and a line should stay a line. */
const MAX_LOGGED_PATH = 300;

/** Requests too frequent and too dull to log at info: assets and the probes of an orchestrator. */
const QUIET_PATHS = /^\/(?:_next\/|favicon\.ico$|api\/health(?:\/|$))/;

interface Served {
  requestId: string;
  method: string;
  /** Without the query string, which may carry an OAuth code or state. */
  path: string;
  route: string;
  status: number;
  seconds: number;
  /** The client went away before the response was complete. */
  aborted: boolean;
}

function recordServed(log: Logger, served: Served): void {
  const { requestId, method, path, route, status, seconds, aborted } = served;
  metrics().httpRequests.inc({ route, method, status: String(status) });
  metrics().httpDuration.observe({ route, method }, seconds);
  const fields = { requestId, method, path, route, status, ms: Math.round(seconds * 1000), aborted };
  if (QUIET_PATHS.test(path)) log.debug(fields, "request served");
  else log.info(fields, "request served");
}

const processWide = globalThis as typeof globalThis & { plauditHttpInstrumented?: boolean };

/**
 * Gives every request this process's HTTP server serves a request id (the caller's `X-Request-ID` when
 * well formed, else a new one), sent back in the response's `X-Request-ID` and carried by every log line
 * written while serving it, its `after()` work included; then logs and counts it once it is answered.
 * Done at the server's 'request' event, as OpenTelemetry's HTTP instrumentation does, because it is the
 * one place every page, server action, route handler and Slack request passes through.
 */
export function instrumentHttpServers(log: Logger, routeOf: (path: string) => string): void {
  if (processWide.plauditHttpInstrumented) return;
  processWide.plauditHttpInstrumented = true;
  const emit = http.Server.prototype.emit as (
    this: http.Server,
    event: string | symbol,
    ...args: unknown[]
  ) => boolean;
  http.Server.prototype.emit = function emitWithinRequest(
    this: http.Server,
    event: string | symbol,
    ...args: unknown[]
  ): boolean {
    if (event !== "request") return emit.call(this, event, ...args);
    const [request, response] = args as [http.IncomingMessage, http.ServerResponse];
    const requestId = requestIdFrom(request.headers[REQUEST_ID_HEADER]);
    const url = request.url ?? "/";
    // The app reads the id where it reads any header; the caller gets it back whatever the app answers.
    request.headers[REQUEST_ID_HEADER] = requestId;
    response.setHeader(REQUEST_ID_HEADER, requestId);
    const started = performance.now();
    response.once("close", () => {
      const path = (url.split("?", 1)[0] ?? "/").slice(0, MAX_LOGGED_PATH);
      recordServed(log, {
        requestId,
        method: request.method ?? "GET",
        path,
        route: routeOf(path),
        status: response.statusCode,
        seconds: (performance.now() - started) / 1000,
        aborted: !response.writableFinished,
      });
    });
    return inRequest({ requestId, url }, () => emit.call(this, event, ...args));
  };
}
