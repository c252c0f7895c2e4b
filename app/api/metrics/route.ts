import { createHash, timingSafeEqual } from "node:crypto";
import { connection } from "next/server";
import { jsonResponse } from "@/app/_lib/api/respond";
import { withinMs } from "@/app/_lib/deadline";
import { BACKGROUND_WORK, getOperationsFigures } from "@/core/operations/get-operations-figures";
import type { Actor } from "@/core/shared/actor";
import { failureMessage } from "@/core/shared/errors";
import { getDb } from "@/db/client";
import { componentLogger } from "@/observability/logger";
import { metrics } from "@/observability/metrics";

const DEPLOYMENT: Actor = { kind: "operator" };
const BEARER = /^Bearer +(\S+) *$/i;
/** Scrapes come every few seconds; a database that has not answered in this long is reported down. */
const FIGURES_TIMEOUT_MS = 3_000;

/** Compared as digests, in constant time, so the answer's timing says nothing of the token. */
function sameToken(given: string, expected: string): boolean {
  const digest = (text: string) => createHash("sha256").update(text, "utf8").digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/**
 * Sets the figures read from the database at scrape time. When the database does not answer they are
 * left out (a stale figure would look current) and `plaudit_database_up` says why.
 */
async function readDatabaseFigures(): Promise<void> {
  const { redemptions, backlog, oldestDue, databaseUp } = metrics();
  try {
    const figures = await withinMs(getOperationsFigures(getDb(), DEPLOYMENT), FIGURES_TIMEOUT_MS);
    for (const [status, count] of Object.entries(figures.redemptionsByStatus))
      redemptions.set({ status }, count);
    for (const work of BACKGROUND_WORK) {
      backlog.set({ work }, figures.backlog[work].due);
      oldestDue.set({ work }, figures.backlog[work].oldestDueSeconds);
    }
    databaseUp.set(1);
  } catch (error) {
    componentLogger("metrics").warn(
      { reason: failureMessage(error) },
      "Metrics: the database did not answer",
    );
    redemptions.reset();
    backlog.reset();
    oldestDue.reset();
    databaseUp.set(0);
  }
}

/**
 * Prometheus metrics, for a scraper holding `PLAUDIT_METRICS_TOKEN` as a bearer token. Without the token
 * configured the endpoint does not exist (404); a missing or wrong token is refused (401).
 */
export async function GET(request: Request): Promise<Response> {
  await connection();
  const token = process.env.PLAUDIT_METRICS_TOKEN;
  if (!token) {
    return jsonResponse(
      { error: { code: "not_found", message: "Metrics are off: PLAUDIT_METRICS_TOKEN is not set." } },
      404,
    );
  }
  const given = BEARER.exec(request.headers.get("authorization") ?? "")?.[1];
  if (!given || !sameToken(given, token)) {
    return jsonResponse(
      {
        error: {
          code: "unauthenticated",
          message: "Send the metrics token in the Authorization header: Bearer <token>.",
        },
      },
      401,
      { "WWW-Authenticate": 'Bearer realm="plaudit-metrics"' },
    );
  }
  await readDatabaseFigures();
  const { registry } = metrics();
  return new Response(await registry.metrics(), {
    headers: { "Content-Type": registry.contentType, "Cache-Control": "no-store" },
  });
}
