import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import type { LoadResult } from "../load";

/** Calls still unanswered beyond this mean the server cannot keep up; the run stops adding more. */
const MAX_IN_FLIGHT = 512;

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Starts `rate` calls per second, evenly spaced, for `seconds`, whether or not earlier calls have
 * answered: users arrive at their own pace. Each latency counts from the call's scheduled start, so a
 * client or server that falls behind shows up in the figures instead of silently thinning the load.
 * Calls that could not be started because MAX_IN_FLIGHT were waiting count as errors.
 */
export async function openLoop(
  rate: number,
  seconds: number,
  call: () => Promise<unknown>,
): Promise<LoadResult> {
  const result: LoadResult = { completed: 0, errors: 0, latencies: [], seconds, errorMessages: new Set() };
  const interval = 1000 / rate;
  const total = Math.floor(rate * seconds);
  const inFlight = new Set<Promise<void>>();
  const start = performance.now();
  for (let i = 0; i < total; i++) {
    const due = start + i * interval;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    if (inFlight.size >= MAX_IN_FLIGHT) {
      result.errors += 1;
      result.errorMessages.add(`more than ${MAX_IN_FLIGHT} calls waiting`);
      continue;
    }
    const done = call().then(
      () => {
        result.latencies.push(performance.now() - due);
        result.completed += 1;
      },
      (error: unknown) => {
        result.errors += 1;
        result.errorMessages.add(errorMessage(error));
      },
    );
    const tracked = done.finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
  }
  await Promise.all(inFlight);
  return result;
}
