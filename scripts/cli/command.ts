import type { Database } from "../../db/client";

/** A wrong invocation: the CLI prints the message and the command's usage, and exits with status 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

/** The environment is missing something the command needs; exit status 2, like a wrong invocation. */
export class ConfigurationError extends Error {
  override readonly name = "ConfigurationError";
}

export interface CliContext {
  /** Opens the connection on first use, so that `help` and usage errors never need a database. */
  db: () => Database;
}

export interface Command {
  name: string;
  /** Arguments after the command name, in the notation of the help text. */
  usage: string;
  summary: string;
  /** Resolves to the exit status. */
  run: (args: string[], cli: CliContext) => Promise<number>;
}

export function requireOption(values: Record<string, unknown>, name: string): string {
  const value = values[name];
  if (typeof value !== "string" || value.trim() === "") throw new UsageError(`--${name} is required.`);
  return value;
}

/** A month as `YYYY-MM`, the way bills name them. */
export function requireMonth(values: Record<string, unknown>, name: string): string {
  const month = requireOption(values, name).trim();
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month))
    throw new UsageError(`--${name} must be a month such as 2026-11.`);
  return month;
}
