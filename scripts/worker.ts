/**
 * `npm run worker`: background work (provider orders left to finish, deliveries to read back, daily
 * catalog syncs, notices to send) in a process of its own, beside app instances or instead of theirs.
 * `npm start` runs the same work inside the app (instrumentation.ts). Any number can run side by side:
 * every task claims its rows with `for update skip locked` leases, and what moves money is deduplicated
 * by the ledger's keys and the provider's external ids, never by the claims.
 */
import { connectFromEnv } from "../db/client";
import { sendConsoleToLogger } from "../observability/console-logging";
import { componentLogger } from "../observability/logger";
import { backgroundWork } from "./worker/background-work";

const log = componentLogger("worker");

async function main(): Promise<void> {
  sendConsoleToLogger(log);
  const connection = connectFromEnv("worker");
  const stop = new AbortController();
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => stop.abort());
  try {
    await backgroundWork(connection.db, stop.signal);
  } finally {
    await connection.close();
  }
}

main().catch((error: unknown) => {
  log.fatal({ err: error }, "Background work stopped");
  process.exit(1);
});
