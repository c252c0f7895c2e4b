import { connection } from "next/server";
import { withinMs } from "@/app/_lib/deadline";
import { failureMessage } from "@/core/shared/errors";
import { getDb } from "@/db/client";
import { countPendingMigrations } from "@/db/pending-migrations";
import { componentLogger } from "@/observability/logger";

/** Long enough for a busy embedded database to answer; short enough that a probe never hangs on a dead one. */
const TIMEOUT_MS = 2_000;

type Readiness = { ready: true } | { ready: false; reason: "database_unavailable" | "migrations_pending" };

async function readiness(): Promise<Readiness> {
  // Async, so that a missing DATABASE_URL (getDb throws) also ends up as a rejection.
  const pending = await countPendingMigrations(getDb());
  if (pending > 0) {
    componentLogger("health").warn({ pending }, "Migrations are pending; run `npm run db:migrate`");
    return { ready: false, reason: "migrations_pending" };
  }
  return { ready: true };
}

async function readinessWithinTimeout(): Promise<Readiness> {
  try {
    return await withinMs(readiness(), TIMEOUT_MS);
  } catch (error) {
    // The reason without a stack: a probe asks every few seconds for as long as the outage lasts.
    componentLogger("health").warn(
      { reason: failureMessage(error) },
      "Not ready: the database is unavailable",
    );
    return { ready: false, reason: "database_unavailable" };
  }
}

/**
 * Readiness: whether this instance can serve, which is whether its database answers within two seconds
 * and has every migration this code expects. 200 `{"status":"ready"}`, else 503 with the reason.
 */
export async function GET(): Promise<Response> {
  await connection();
  const result = await readinessWithinTimeout();
  return Response.json(result.ready ? { status: "ready" } : { status: "not_ready", reason: result.reason }, {
    status: result.ready ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
