/**
 * `npm run worker`: background work (provider orders left to finish, daily catalog syncs, notices to
 * send). `npm start` runs one beside the app; a deployment with several app instances can run any
 * number more: every task claims its rows with `for update skip locked` leases, and what moves money is
 * deduplicated by the ledger's keys and the provider's external ids, never by the claims.
 */
import { connectFromEnv } from "../db/client";
import { BACKGROUND_TASKS } from "./worker/background-tasks";
import { runWorker } from "./worker/run-worker";

const IDLE_MS = Number(process.env.PLAUDIT_WORKER_IDLE_MS) || 2000;

function log(message: string): void {
  console.log(`[worker] ${message}`);
}

async function main(): Promise<void> {
  const connection = connectFromEnv();
  const stop = new AbortController();
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => stop.abort());
  log("Started");
  try {
    await runWorker({
      db: connection.db,
      tasks: BACKGROUND_TASKS,
      idleMs: IDLE_MS,
      signal: stop.signal,
      log,
    });
  } finally {
    await connection.close();
    log("Stopped");
  }
}

main().catch((error: unknown) => {
  console.error(`[worker] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
