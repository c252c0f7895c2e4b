import { setTimeout as sleep } from "node:timers/promises";
import { isDatabaseUnavailable } from "../../db/availability";
import type { Database } from "../../db/client";
import type { Logger } from "../../observability/logger";
import type { BackgroundTask } from "./background-tasks";

export interface WorkerOptions {
  db: Database;
  tasks: readonly BackgroundTask[];
  /** Between passes when a pass found nothing to do. */
  idleMs: number;
  signal: AbortSignal;
  log: Logger;
}

/** Waits `ms`, or less when `signal` aborts; leaves no listener behind on the long-lived signal. */
export function pause(ms: number, signal: AbortSignal): Promise<void> {
  return sleep(ms, undefined, { signal }).catch((error: unknown) => {
    if (!signal.aborted) throw error;
  });
}

/**
 * Runs every task in turn until `signal` aborts, pausing only when a pass did nothing, so a backlog is
 * worked through at once. A task that throws is logged and the others go on: one provider being down
 * must not stop notices being sent. While the database is down every task fails the same way; that is
 * a warning, without the stack, and the passes carry on until it is back.
 */
export async function runWorker(options: WorkerOptions): Promise<void> {
  const { db, tasks, idleMs, signal, log } = options;
  while (!signal.aborted) {
    let busy = false;
    for (const task of tasks) {
      if (signal.aborted) break;
      try {
        const done = await task.run(db);
        if (done) {
          busy = true;
          log.info({ task: task.name }, done);
        }
      } catch (error) {
        if (isDatabaseUnavailable(error)) log.warn({ task: task.name }, "The database is unavailable");
        else log.error({ task: task.name, err: error }, "A background task failed");
      }
    }
    if (!busy) await pause(idleMs, signal);
  }
}
