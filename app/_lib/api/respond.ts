import { consumeRateLimit, rateLimit } from "@/core/limits/rate-limits";
import type { Actor, ApiKeyGrant } from "@/core/shared/actor";
import { type DomainError, isDomainError } from "@/core/shared/errors";
import { type Database, getDb } from "@/db/client";
import { componentLogger } from "@/observability/logger";
import { httpStatusFor } from "../error-status";
import { outageNoted, unavailableJson } from "../unavailable";
import { authenticateRequest } from "./authenticate";

export interface ApiCall {
  db: Database;
  actor: Actor & { kind: "system"; apiKey: ApiKeyGrant };
  query: URLSearchParams;
}

/** Every answer is about one org's live data; no cache may keep it. */
export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store", ...headers } });
}

/** The headers a refusal carries beside its body: how to authenticate, or when to try again. */
function refusalHeaders(error: DomainError): Record<string, string> {
  if (error.code === "unauthenticated") return { "WWW-Authenticate": 'Bearer realm="plaudit"' };
  if (error.code === "rate_limited") return { "Retry-After": String(error.details.retryAfterSeconds) };
  return {};
}

function refusal(error: DomainError): Response {
  const field = typeof error.details.field === "string" ? error.details.field : undefined;
  const headers = refusalHeaders(error);
  return jsonResponse(
    { error: { code: error.code, message: error.message, ...(field ? { field } : {}) } },
    httpStatusFor(error.code),
    headers,
  );
}

/**
 * Runs one integration API request: authenticates its key, counts the request against the key's rate
 * limit (shared by every app instance), runs `work` as the key's org, and turns a refusal into
 * `{"error": {"code", "message", "field"?}}` with its status (and `Retry-After` for `rate_limited`), and a
 * database outage into 503 `unavailable`. Anything else is a bug: it is logged here and answered with a
 * generic 500 that reveals nothing about the cause.
 */
export async function apiCall(
  request: Request,
  work: (call: ApiCall) => Promise<Response>,
): Promise<Response> {
  try {
    const db = getDb();
    const { actor, apiKeyId } = await authenticateRequest(db, request);
    await consumeRateLimit(db, rateLimit("api"), apiKeyId);
    return await work({ db, actor, query: new URL(request.url).searchParams });
  } catch (error) {
    if (isDomainError(error)) return refusal(error);
    if (outageNoted(error)) return unavailableJson();
    componentLogger("api").error({ err: error }, "An API request failed");
    return jsonResponse(
      { error: { code: "internal", message: "Something went wrong on our side; try again later." } },
      500,
    );
  }
}
