import type { Database } from "../../db/client";
import { BACKGROUND_TASKS } from "./background-tasks";
import { runWorker } from "./run-worker";

const IDLE_MS = Number(process.env.PLAUDIT_WORKER_IDLE_MS) || 2000;

function log(message: string): void {
  console.log(`[worker] ${message}`);
}

/** Every background task, pass after pass, until `signal` aborts. */
export function backgroundWork(db: Database, signal: AbortSignal): Promise<void> {
  log("Started");
  return runWorker({ db, tasks: BACKGROUND_TASKS, idleMs: IDLE_MS, signal, log });
}
