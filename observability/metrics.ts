import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";

/**
 * Plaudit's Prometheus metrics, one registry per process. On globalThis: Next.js bundles route handlers
 * and server actions into separate chunks, each with its own copy of this module, and a give counted by
 * the web form's action must show on `/api/metrics`.
 */
export interface Metrics {
  registry: Registry;
  gives: Counter<"source" | "outcome">;
  slackAck: Histogram<never>;
  httpRequests: Counter<"route" | "method" | "status">;
  httpDuration: Histogram<"route" | "method">;
  redemptions: Gauge<"status">;
  backlog: Gauge<"work">;
  oldestDue: Gauge<"work">;
  databaseUp: Gauge<never>;
}

function createMetrics(): Metrics {
  const registry = new Registry();
  const registers = [registry];
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    gives: new Counter({
      name: "plaudit_gives_total",
      help: "Gives asked for, by where from (web, slack, api) and outcome (given, refused, failed).",
      labelNames: ["source", "outcome"],
      registers,
    }),
    slackAck: new Histogram({
      name: "plaudit_slack_ack_seconds",
      help: "Time from a Slack request's arrival to its acknowledgement; Slack gives up after 3 s.",
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 2.5, 3, 5],
      registers,
    }),
    httpRequests: new Counter({
      name: "plaudit_http_requests_total",
      help: "HTTP requests served, by route (the app's route pattern), method and status.",
      labelNames: ["route", "method", "status"],
      registers,
    }),
    httpDuration: new Histogram({
      name: "plaudit_http_request_duration_seconds",
      help: "Time to serve an HTTP request, to its last byte, by route and method.",
      labelNames: ["route", "method"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    redemptions: new Gauge({
      name: "plaudit_redemptions",
      help: "Redemptions in each status, across every org, read from the database at scrape time.",
      labelNames: ["status"],
      registers,
    }),
    backlog: new Gauge({
      name: "plaudit_background_backlog",
      help: "Rows background work should have taken up by now: redemptions due, notices due, bills due to close.",
      labelNames: ["work"],
      registers,
    }),
    oldestDue: new Gauge({
      name: "plaudit_background_oldest_due_seconds",
      help: "How long the longest-waiting row of each background work has been due (0 when none is).",
      labelNames: ["work"],
      registers,
    }),
    databaseUp: new Gauge({
      name: "plaudit_database_up",
      help: "1 when the database answered this scrape's questions, 0 when it did not.",
      registers,
    }),
  };
}

const processWide = globalThis as typeof globalThis & { plauditMetrics?: Metrics };

export function metrics(): Metrics {
  processWide.plauditMetrics ??= createMetrics();
  return processWide.plauditMetrics;
}

export type GiveSource = "web" | "slack" | "api";

/**
 * `give`, counted in `plaudit_gives_total` by where it came from and how it ended: given (a replay of an
 * idempotent request too), refused (an error `isRefusal` recognises: the giver was told why), or failed.
 */
export async function countedGive<Result>(
  source: GiveSource,
  give: Promise<Result>,
  isRefusal: (error: unknown) => boolean,
): Promise<Result> {
  try {
    const result = await give;
    metrics().gives.inc({ source, outcome: "given" });
    return result;
  } catch (error) {
    metrics().gives.inc({ source, outcome: isRefusal(error) ? "refused" : "failed" });
    throw error;
  }
}
