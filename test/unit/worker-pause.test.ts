import { getEventListeners } from "node:events";
import { describe, expect, it } from "vitest";
import { pause } from "../../scripts/worker/run-worker";

describe("the worker's idle pause", () => {
  it("leaves no abort listener behind, however many times the worker idles", async () => {
    const controller = new AbortController();
    for (let i = 0; i < 20; i++) await pause(1, controller.signal);
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
  });

  it("ends at once when the worker is stopped", async () => {
    const controller = new AbortController();
    const started = Date.now();
    const paused = pause(60_000, controller.signal);
    controller.abort();
    await paused;
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
