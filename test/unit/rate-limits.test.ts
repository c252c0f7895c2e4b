import { describe, expect, it } from "vitest";
import { addressKey, clientAddress } from "../../app/_lib/client-address";
import {
  parseRateLimit,
  rateLimit,
  rateLimited,
  waitPhrase,
  windowPhrase,
} from "../../core/limits/rate-limits";

describe("a rate limit as configured", () => {
  it.each([
    ["30/1m", { points: 30, seconds: 60 }],
    ["30/m", { points: 30, seconds: 60 }],
    ["600/60s", { points: 600, seconds: 60 }],
    ["10/1h", { points: 10, seconds: 3600 }],
    [" 5 / 10m ", { points: 5, seconds: 600 }],
    ["1/24h", { points: 1, seconds: 86_400 }],
  ])("reads %j", (text, expected) => {
    expect(parseRateLimit(text)).toEqual(expected);
  });

  it.each([
    "",
    "30",
    "30/",
    "/1m",
    "0/1m",
    "30/0m",
    "30/1d",
    "30/25h",
    "-1/1m",
    "1.5/1m",
    "30 per minute",
    "off",
  ])("refuses %j", (text) => {
    expect(parseRateLimit(text)).toBeNull();
  });

  it("takes each limit's variable over its default, and names the variable of a malformed one", () => {
    expect(rateLimit("gives", {})).toEqual({ name: "gives", points: 30, seconds: 60 });
    expect(rateLimit("redemptions", {})).toEqual({ name: "redemptions", points: 10, seconds: 3600 });
    expect(rateLimit("api", {})).toEqual({ name: "api", points: 600, seconds: 60 });
    expect(rateLimit("signIn", {})).toEqual({ name: "signIn", points: 30, seconds: 60 });
    expect(rateLimit("gives", { PLAUDIT_RATE_LIMIT_GIVES: "5/10s" })).toEqual({
      name: "gives",
      points: 5,
      seconds: 10,
    });
    expect(() => rateLimit("api", { PLAUDIT_RATE_LIMIT_API: "lots" })).toThrow(
      /PLAUDIT_RATE_LIMIT_API="lots"/,
    );
  });
});

describe("a refusal", () => {
  it.each([
    [60, "a minute"],
    [3600, "an hour"],
    [7200, "2 hours"],
    [600, "10 minutes"],
    [90, "90 seconds"],
    [1, "a second"],
  ])("calls a window of %i s %j", (seconds, phrase) => {
    expect(windowPhrase(seconds)).toBe(phrase);
  });

  it.each([
    [1, "1 s"],
    [20, "20 s"],
    [90, "90 s"],
    [91, "2 min"],
    [3599, "60 min"],
    [7200, "2 h"],
  ])("calls a wait of %i s %j", (seconds, phrase) => {
    expect(waitPhrase(seconds)).toBe(phrase);
  });

  it("says what, in how long, and when to try again, with the seconds for Retry-After", () => {
    const refusal = rateLimited({ name: "gives", points: 30, seconds: 60 }, 19_200);
    expect(refusal.code).toBe("rate_limited");
    expect(refusal.message).toBe("Too many gives in a minute — try again in 20 s.");
    expect(refusal.details).toEqual({ retryAfterSeconds: 20, limit: 30, windowSeconds: 60 });
    // A window ending this very millisecond still asks for a second, never for zero.
    expect(rateLimited({ name: "api", points: 1, seconds: 60 }, 0).details.retryAfterSeconds).toBe(1);
  });
});

describe("the address a sign-in attempt is counted against", () => {
  const from = (forwarded?: string) =>
    new Headers(forwarded === undefined ? {} : { "x-forwarded-for": forwarded });

  it("takes the entry the nearest trusted proxy added, ignoring what the client wrote before it", () => {
    expect(clientAddress(from("203.0.113.7"), {})).toBe("203.0.113.7");
    expect(clientAddress(from("6.6.6.6, 203.0.113.7"), {})).toBe("203.0.113.7");
    expect(clientAddress(from("6.6.6.6, 203.0.113.7, 10.0.0.2"), { PLAUDIT_TRUSTED_PROXIES: "2" })).toBe(
      "203.0.113.7",
    );
    // More proxies configured than entries: the leftmost there is.
    expect(clientAddress(from("203.0.113.7"), { PLAUDIT_TRUSTED_PROXIES: "3" })).toBe("203.0.113.7");
    expect(clientAddress(from(), {})).toBe("unknown");
    expect(clientAddress(from("not an address"), {})).toBe("unknown");
  });

  it("counts an IPv6 address by its /64 network and a mapped IPv4 address as IPv4", () => {
    expect(addressKey("2001:db8:1:2:aaaa:bbbb:cccc:dddd")).toBe("2001:db8:1:2::/64");
    expect(addressKey("2001:db8:1:2::1")).toBe("2001:db8:1:2::/64");
    expect(addressKey("2001:DB8:0001:0002:0:0:0:9")).toBe("2001:db8:1:2::/64");
    expect(addressKey("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(addressKey("::1")).toBe("0:0:0:0::/64");
    expect(addressKey("::ffff:192.0.2.1")).toBe("192.0.2.1");
  });
});
