/** Work a route handed to `after()`: Next runs it once the response is sent; tests await it. */
const afterResponse: Promise<unknown>[] = [];

/**
 * Stands in for `next/server` in tests that call route handlers directly:
 * `vi.mock("next/server", () => import("../support/after-response").then((m) => m.nextServer))`.
 */
export const nextServer = {
  after: (work: Promise<unknown> | (() => unknown)) => {
    afterResponse.push(typeof work === "function" ? Promise.resolve().then(work) : work);
  },
};

/** Waits for everything routes continued with after their responses, including work that work started. */
export async function settleAfterResponse(): Promise<void> {
  while (afterResponse.length > 0) await Promise.allSettled(afterResponse.splice(0));
}
