import { RateLimiterDrizzle, RateLimiterRes } from "rate-limiter-flexible";
import type { Executor } from "../../db/client";
import { rateLimits } from "../../db/schema";
import { DomainError } from "../shared/errors";

/**
 * How often one person, key or address may do something. The counters live in PostgreSQL (the
 * `rate_limits` table, through rate-limiter-flexible), so every app instance on the database spends
 * one budget. A window is fixed: it starts with the first action and resets when it ends.
 */

export type RateLimitName = "gives" | "redemptions" | "api" | "signIn";

export interface RateLimit {
  name: RateLimitName;
  /** Actions allowed in one window. */
  points: number;
  /** The window's length. */
  seconds: number;
}

interface Policy {
  /** The environment variable that overrides the default, as `<count>/<window>`: `30/1m`, `10/1h`. */
  variable: string;
  fallback: string;
  /** What is counted, as the refusal names it. */
  what: string;
}

export const RATE_LIMIT_POLICIES: Record<RateLimitName, Policy> = {
  gives: { variable: "PLAUDIT_RATE_LIMIT_GIVES", fallback: "30/1m", what: "gives" },
  redemptions: { variable: "PLAUDIT_RATE_LIMIT_REDEMPTIONS", fallback: "10/1h", what: "redemptions" },
  api: { variable: "PLAUDIT_RATE_LIMIT_API", fallback: "600/1m", what: "requests with this API key" },
  signIn: {
    variable: "PLAUDIT_RATE_LIMIT_SIGN_IN",
    fallback: "30/1m",
    what: "sign-in attempts from your network",
  },
};

const UNIT_SECONDS = { s: 1, m: 60, h: 3600 } as const;
const MAX_POINTS = 1_000_000;
const MAX_SECONDS = 24 * 3600;

/** `30/1m`, `600/60s`, `10/h` as a count and a window, or null when the text is none of these. */
export function parseRateLimit(text: string): { points: number; seconds: number } | null {
  const match = /^\s*(\d{1,7})\s*\/\s*(\d{1,5})?\s*([smh])\s*$/.exec(text);
  if (!match) return null;
  const points = Number(match[1]);
  const seconds = Number(match[2] ?? 1) * UNIT_SECONDS[match[3] as keyof typeof UNIT_SECONDS];
  if (points < 1 || points > MAX_POINTS || seconds < 1 || seconds > MAX_SECONDS) return null;
  return { points, seconds };
}

/** The limit as configured: its variable when set, else the default. A malformed value stops the request. */
export function rateLimit(
  name: RateLimitName,
  env: Record<string, string | undefined> = process.env,
): RateLimit {
  const { variable, fallback } = RATE_LIMIT_POLICIES[name];
  const text = env[variable] || fallback;
  const parsed = parseRateLimit(text);
  if (!parsed) {
    throw new Error(
      `${variable}="${text}" is not a rate limit: write a count and a window, such as 30/1m, 600/60s or 10/1h ` +
        `(at most ${MAX_POINTS} in at most 24h).`,
    );
  }
  return { name, ...parsed };
}

/** "a minute", "10 minutes", "an hour", "90 seconds". */
export function windowPhrase(seconds: number): string {
  if (seconds === 60) return "a minute";
  if (seconds === 3600) return "an hour";
  if (seconds % 3600 === 0) return `${seconds / 3600} hours`;
  if (seconds % 60 === 0) return `${seconds / 60} minutes`;
  return seconds === 1 ? "a second" : `${seconds} seconds`;
}

/** A wait as a person reads it: "20 s" up to a minute and a half, then "3 min", then "2 h". */
export function waitPhrase(seconds: number): string {
  if (seconds <= 90) return `${seconds} s`;
  const minutes = Math.ceil(seconds / 60);
  return minutes < 120 ? `${minutes} min` : `${Math.ceil(minutes / 60)} h`;
}

function limiter(db: Executor, limit: RateLimit): RateLimiterDrizzle {
  return new RateLimiterDrizzle({
    storeClient: db,
    schema: rateLimits,
    keyPrefix: limit.name,
    points: limit.points,
    duration: limit.seconds,
    // Background work deletes expired rows (purgeRateLimits): a limiter here lives for one call, and its
    // own cleanup would leave a timer behind for every one.
    clearExpiredByTimeout: false,
  });
}

/** The refusal for a spent window: what, how many, and when the next is allowed. */
export function rateLimited(limit: RateLimit, msBeforeNext: number): DomainError {
  const retryAfterSeconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  const { what } = RATE_LIMIT_POLICIES[limit.name];
  return new DomainError(
    "rate_limited",
    `Too many ${what} in ${windowPhrase(limit.seconds)} — try again in ${waitPhrase(retryAfterSeconds)}.`,
    { retryAfterSeconds, limit: limit.points, windowSeconds: limit.seconds },
  );
}

/**
 * Counts one action of `subject` (a person's id, an API key's id, an address) against `limit`, in its
 * own statement outside any transaction, so that it counts whatever the action's fate. Throws the
 * `rate_limited` refusal once the window's actions are spent.
 */
export async function consumeRateLimit(db: Executor, limit: RateLimit, subject: string): Promise<void> {
  try {
    await limiter(db, limit).consume(subject);
  } catch (error) {
    if (error instanceof RateLimiterRes) throw rateLimited(limit, error.msBeforeNext);
    throw error;
  }
}

/** Gives back an action counted for something that turned out not to be a new one (a replayed request). */
export async function refundRateLimit(db: Executor, limit: RateLimit, subject: string): Promise<void> {
  await limiter(db, limit).reward(subject);
}
