import { LogLevel, type Logger as SlackLogger } from "@slack/bolt";
import { type LogLevelName, logArguments } from "@/observability/console-logging";
import type { Logger } from "@/observability/logger";

const SEVERITY: Record<LogLevel, number> = {
  [LogLevel.DEBUG]: 0,
  [LogLevel.INFO]: 1,
  [LogLevel.WARN]: 2,
  [LogLevel.ERROR]: 3,
};

/**
 * Bolt's and the Web API client's logger, writing Plaudit's log lines: they would print to the console
 * otherwise. Each keeps the level it was set to (warnings by default), under Plaudit's own.
 */
export function slackLogger(log: Logger, initial: LogLevel = LogLevel.WARN): SlackLogger {
  let threshold = initial;
  const at =
    (level: LogLevel, name: LogLevelName) =>
    (...args: unknown[]) => {
      if (SEVERITY[level] >= SEVERITY[threshold]) logArguments(log, name, args);
    };
  return {
    debug: at(LogLevel.DEBUG, "debug"),
    info: at(LogLevel.INFO, "info"),
    warn: at(LogLevel.WARN, "warn"),
    error: at(LogLevel.ERROR, "error"),
    setLevel: (level) => {
      threshold = level;
    },
    getLevel: () => threshold,
    // Every line says it comes from Slack already (`"component":"slack"`).
    setName: () => {},
  };
}
