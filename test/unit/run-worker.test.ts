import { getEventListeners } from "node:events";
import pino from "pino";
import { describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { runWorker } from "../../scripts/worker/run-worker";

describe("background work between passes", () => {
  it("leaves nothing listening on its stop signal, however many idle passes it makes", async () => {
    const stop = new AbortController();
    const listening: number[] = [];
    const idle = {
      name: "idle",
      run: async () => {
        listening.push(getEventListeners(stop.signal, "abort").length);
        if (listening.length === 40) stop.abort();
        return "";
      },
    };
    await runWorker({
      db: {} as Database,
      tasks: [idle],
      idleMs: 1,
      signal: stop.signal,
      log: pino({ level: "silent" }),
    });
    // A listener left behind by each pause would pile up: a leak for as long as the worker runs.
    expect(Math.max(...listening)).toBe(0);
  });
});
