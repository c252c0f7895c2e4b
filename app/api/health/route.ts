import { sql } from "drizzle-orm";
import { connection } from "next/server";
import { getDb } from "@/db/client";

/** Long enough for a busy embedded database to answer; short enough that a probe never hangs on a dead one. */
const TIMEOUT_MS = 2_000;

async function selectOne(): Promise<void> {
  // Async, so that a missing DATABASE_URL (getDb throws) also ends up as a rejection.
  await getDb().execute(sql`select 1`);
}

async function databaseAnswers(): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
  });
  try {
    await Promise.race([selectOne(), timeout]);
    return true;
  } catch (error) {
    // Drizzle wraps driver errors in "Failed query"; the cause says why (refused, bad password, ...).
    const reason = error instanceof Error && error.cause instanceof Error ? error.cause : error;
    console.error(
      "Health check: the database is unavailable:",
      reason instanceof Error ? reason.message : reason,
    );
    return false;
  } finally {
    clearTimeout(timer);
  }
}

export async function GET(): Promise<Response> {
  // Wait for a real request: without this the build would prerender the answer once, at build time.
  await connection();
  const ok = await databaseAnswers();
  return Response.json(
    { status: ok ? "ok" : "unavailable" },
    { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
