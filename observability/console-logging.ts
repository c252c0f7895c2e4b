import { formatWithOptions } from "node:util";
import type { Logger } from "./logger";

export type LogLevelName = "debug" | "info" | "warn" | "error";

/**
 * Logs what was handed to a `console`-style call (`"text %s", value, error`) as one line: the arguments
 * formatted as `console` would, an Error among them as `err`, through the same serializer as every other.
 */
export function logArguments(log: Logger, level: LogLevelName, args: readonly unknown[]): void {
  const error = args.find((arg) => arg instanceof Error);
  const rest = error === undefined ? args : args.filter((arg) => arg !== error);
  const text = formatWithOptions({ depth: 3, breakLength: Number.POSITIVE_INFINITY }, ...rest).trim();
  if (error === undefined) log[level](text);
  else log[level]({ err: error }, text || (error as Error).message);
}

const LEVELS = {
  log: "info",
  info: "info",
  warn: "warn",
  error: "error",
  debug: "debug",
  trace: "debug",
} as const;

/**
 * Makes what libraries print with `console` (Next.js's report of an error a page threw, its warnings)
 * into log lines like Plaudit's own: JSON, with the request id, secrets scrubbed.
 */
export function sendConsoleToLogger(log: Logger): void {
  for (const [method, level] of Object.entries(LEVELS) as [keyof typeof LEVELS, LogLevelName][]) {
    console[method] = (...args: unknown[]) => logArguments(log, level, args);
  }
}
