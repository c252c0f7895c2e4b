import type { Database } from "../../db/client";
import { componentLogger } from "../../observability/logger";
import { BACKGROUND_TASKS } from "./background-tasks";
import { runWorker } from "./run-worker";

const IDLE_MS = Number(process.env.PLAUDIT_WORKER_IDLE_MS) || 2000;

/** Every background task, pass after pass, until `signal` aborts. */
export function backgroundWork(db: Database, signal: AbortSignal): Promise<void> {
  const log = componentLogger("worker");
  log.info("Background work started");
  return runWorker({ db, tasks: BACKGROUND_TASKS, idleMs: IDLE_MS, signal, log });
}
