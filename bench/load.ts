import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";

/** What a closed-loop run did; runs of the same load add up with `combine`. */
export interface LoadResult {
  completed: number;
  errors: number;
  /** One entry per successful call, in milliseconds. */
  latencies: number[];
  seconds: number;
  /** Distinct error messages, so a failing run says why without printing thousands of lines. */
  errorMessages: Set<string>;
}

/** The database's own message: Drizzle wraps it in a "Failed query" error that only repeats the SQL. */
function describeError(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  return cause instanceof Error ? cause.message : String(cause);
}

/**
 * Keeps `concurrency` calls in flight for `seconds`: each worker starts its next call when the last
 * one returns, which is how 16 request handlers sharing a pool of 16 connections behave under load.
 */
export async function closedLoop(
  concurrency: number,
  seconds: number,
  call: () => Promise<unknown>,
): Promise<LoadResult> {
  const result: LoadResult = {
    completed: 0,
    errors: 0,
    latencies: [],
    seconds: 0,
    errorMessages: new Set(),
  };
  const start = performance.now();
  const deadline = start + seconds * 1000;
  const worker = async () => {
    while (performance.now() < deadline) {
      const began = performance.now();
      try {
        await call();
        result.latencies.push(performance.now() - began);
        result.completed += 1;
      } catch (error) {
        result.errors += 1;
        result.errorMessages.add(describeError(error));
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  result.seconds = (performance.now() - start) / 1000;
  return result;
}

export function combine(results: readonly LoadResult[]): LoadResult {
  return {
    completed: results.reduce((sum, r) => sum + r.completed, 0),
    errors: results.reduce((sum, r) => sum + r.errors, 0),
    latencies: results.flatMap((r) => r.latencies),
    seconds: results.reduce((sum, r) => sum + r.seconds, 0),
    errorMessages: new Set(results.flatMap((r) => [...r.errorMessages])),
  };
}

export function throughput(result: LoadResult): number {
  return result.seconds > 0 ? result.completed / result.seconds : 0;
}

/** Nearest-rank percentile. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

/** Calls still unanswered beyond this mean the server cannot keep up; the run stops adding more. */
const MAX_IN_FLIGHT = 512;

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
        result.errorMessages.add(describeError(error));
      },
    );
    const tracked = done.finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
  }
  await Promise.all(inFlight);
  return result;
}
