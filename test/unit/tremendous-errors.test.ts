import { describe, expect, it } from "vitest";
import { ProviderError } from "../../core/rewards/reward-provider";
import { providerErrorFrom, retryAfterMs } from "../../providers/tremendous/tremendous-errors";

const KEY = "TEST_tremendous_key_do_not_leak_7f3a";

/** An AxiosError as the SDK rejects with, down to the key in its request headers. */
function axiosFailure(status: number | null, data: unknown = {}, headers: Record<string, string> = {}) {
  return {
    isAxiosError: true,
    name: "AxiosError",
    message: status ? `Request failed with status code ${status}` : "timeout of 50ms exceeded",
    code: status ? "ERR_BAD_REQUEST" : "ECONNABORTED",
    config: { headers: { Authorization: `Bearer ${KEY}` } },
    response: status ? { status, data, headers } : undefined,
  };
}

const sorted = (error: unknown) => providerErrorFrom(error, KEY, 50) as ProviderError;

describe("providerErrorFrom", () => {
  it.each([
    [400, "invalid"],
    [401, "unauthorized"],
    [402, "insufficient_funds"],
    [403, "unauthorized"],
    [404, "not_found"],
    [409, "conflict"],
    [418, "invalid"],
    [422, "invalid"],
    [429, "rate_limited"],
    [500, "transient"],
    [502, "transient"],
    [503, "transient"],
  ])("sorts %i as %s", (status, kind) => {
    const error = sorted(axiosFailure(status));
    expect(error).toBeInstanceOf(ProviderError);
    expect(error.kind).toBe(kind);
  });

  it("reads the provider's message from either error shape", () => {
    const plural = sorted(axiosFailure(422, { errors: { message: "Denomination too high", payload: {} } }));
    const singular = sorted(axiosFailure(429, { error: { message: "Slow down", payload: {} } }));
    expect(plural.message).toBe("The provider answered 422: Denomination too high");
    expect(singular.message).toBe("The provider answered 429: Slow down");
    expect(sorted(axiosFailure(500, "<html>Bad gateway</html>")).message).toBe("The provider answered 500.");
  });

  it("calls a timeout and an unreachable host transient", () => {
    expect(sorted(axiosFailure(null))).toMatchObject({
      kind: "transient",
      message: "The provider did not answer within 50 ms.",
    });
    const refused = { isAxiosError: true, code: "ECONNREFUSED", config: { headers: { Authorization: KEY } } };
    expect(sorted(refused)).toMatchObject({
      kind: "transient",
      message: expect.stringContaining("ECONNREFUSED"),
    });
  });

  it("keeps the key out of the error even when the provider echoes it", () => {
    const error = sorted(axiosFailure(401, { errors: { message: `Key ${KEY} is revoked` } }));
    expect(error.message).toBe("The provider answered 401: Key [redacted] is revoked");
    expect(JSON.stringify({ ...error })).not.toContain(KEY);
    expect(error.stack).not.toContain(KEY);
    expect(error.cause).toBeUndefined();
  });

  it("passes anything that is not an HTTP failure through untouched", () => {
    const bug = new TypeError("x is undefined");
    const already = new ProviderError("conflict", "parked");
    expect(providerErrorFrom(bug, KEY, 50)).toBe(bug);
    expect(providerErrorFrom(already, KEY, 50)).toBe(already);
  });
});

describe("retryAfterMs", () => {
  const now = Date.parse("2026-03-01T12:00:00Z");

  it("reads delay-seconds and HTTP dates", () => {
    expect(retryAfterMs("3", now)).toBe(3000);
    expect(retryAfterMs("0.5", now)).toBe(500);
    expect(retryAfterMs("Sun, 01 Mar 2026 12:00:07 GMT", now)).toBe(7000);
    expect(retryAfterMs("Sun, 01 Mar 2026 11:59:00 GMT", now)).toBe(0);
  });

  it("waits about a second when the header is missing or unreadable", () => {
    expect(retryAfterMs(undefined, now)).toBe(1000);
    expect(retryAfterMs("soon", now)).toBe(1000);
  });

  it("sets retryAfterMs on a 429 from its Retry-After header", () => {
    expect(sorted(axiosFailure(429, {}, { "retry-after": "2" })).retryAfterMs).toBe(2000);
    expect(sorted(axiosFailure(503, {}, { "retry-after": "2" })).retryAfterMs).toBeUndefined();
  });
});
