import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";

const POLL_MS = 250;

/**
 * Polls `progress` (say, how many recognitions exist and how many Web API calls the fake received)
 * until it has not changed for `quietMs`, and returns the seconds from the call to its last change:
 * how long the work that runs after the responses took to finish. Fails after `maxMs` of changes.
 */
export async function waitUntilQuiet(
  progress: () => Promise<string>,
  { quietMs = 2_000, maxMs = 180_000 } = {},
): Promise<number> {
  const start = performance.now();
  let last = await progress();
  let lastChange = start;
  while (performance.now() - lastChange < quietMs) {
    if (performance.now() - start > maxMs) {
      throw new Error(`the work after the responses was still going after ${maxMs / 1000} s`);
    }
    await sleep(POLL_MS);
    const now = await progress();
    if (now !== last) {
      last = now;
      lastChange = performance.now();
    }
  }
  return (lastChange - start) / 1000;
}
