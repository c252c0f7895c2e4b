import { connection } from "next/server";

/**
 * Liveness: the process is up and serving requests. It asks nothing of the database, so an orchestrator
 * never restarts a healthy app because its database is away; `/api/health/ready` says whether to send
 * it traffic.
 */
export async function GET(): Promise<Response> {
  // Wait for a real request: without this the build would prerender the answer once, at build time.
  await connection();
  return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
}
