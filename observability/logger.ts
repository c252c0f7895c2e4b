import pino from "pino";
import { loggedError } from "./logged-error";
import { currentRequest } from "./request-context";
import { scrubSecrets } from "./secret-scrub";

export type Logger = pino.Logger;

/**
 * Fields that hold secrets wherever a log call might pass them, at the top or one level down. Code that
 * logs passes only what it chose; this and `scrubSecrets` are for the mistake nobody saw.
 */
const REDACTED_PATHS = [
  "authorization",
  "cookie",
  "password",
  "token",
  "botToken",
  "apiKey",
  "secret",
  "signingSecret",
  "webhookKey",
  "giftLink",
  "link",
  "headers.authorization",
  "headers.cookie",
  "headers['set-cookie']",
  "*.authorization",
  "*.cookie",
  "*.password",
  "*.token",
  "*.botToken",
  "*.apiKey",
  "*.secret",
  "*.signingSecret",
  "*.webhookKey",
  "*.giftLink",
  "*.link",
  "*.headers.authorization",
  "*.headers.cookie",
];

interface ProcessLogging {
  /** Where lines go: standard output unless `logTo` said otherwise. */
  destination?: pino.DestinationStream;
  root?: Logger;
}

// On globalThis: the server bundles this module into several chunks, and they must share one logger.
const processWide = globalThis as typeof globalThis & { plauditLogging?: ProcessLogging };
processWide.plauditLogging ??= {};
const logging: ProcessLogging = processWide.plauditLogging;

/** Synchronous, so that a process killed outright has written every line it logged. */
function descriptor(fd: 1 | 2): pino.DestinationStream {
  return pino.destination({ dest: fd, sync: true });
}

const output: pino.DestinationStream = {
  write: (line) => {
    logging.destination ??= descriptor(1);
    logging.destination.write(line);
  },
};

/** The options of every Plaudit logger; tests build one over a stream of their own with them. */
export function loggerOptions(): pino.LoggerOptions {
  return {
    level: process.env.PLAUDIT_LOG_LEVEL || "info",
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    mixin: () => {
      const request = currentRequest();
      return request ? { requestId: request.requestId } : {};
    },
    serializers: { err: loggedError, error: loggedError },
    redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
    hooks: { streamWrite: scrubSecrets },
  };
}

/** The process's logger: one JSON object a line, with the request id of the request being served. */
export function logger(): Logger {
  logging.root ??= pino(loggerOptions(), output);
  return logging.root;
}

/** A logger whose lines say which part of Plaudit wrote them (`"component":"slack"`). */
export function componentLogger(component: string): Logger {
  return logger().child({ component });
}

/**
 * Sends every line to standard error (2), for processes whose standard output is what they make (the
 * CLI's bills and reports), or to a stream of the caller's (a test reading what was logged).
 */
export function logTo(destination: 1 | 2 | pino.DestinationStream): void {
  logging.destination = typeof destination === "number" ? descriptor(destination) : destination;
}
