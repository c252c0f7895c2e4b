import { logger, logTo } from "../observability/logger";

export interface LogEntry {
  level: string;
  msg: string;
  component?: string;
  requestId?: string;
  err?: { type: string; message: string; code?: string | number };
  [field: string]: unknown;
}

export interface CapturedLogs {
  entries: () => LogEntry[];
  /** Sends lines back to standard output, at the level they had before. */
  stop: () => void;
}

/** What the process logs from now until `stop()`, at every level, one parsed entry a line. */
export function captureLogs(): CapturedLogs {
  const lines: string[] = [];
  const root = logger();
  const level = root.level;
  root.level = "debug";
  logTo({ write: (line: string) => lines.push(line) });
  return {
    entries: () => lines.map((line) => JSON.parse(line) as LogEntry),
    stop: () => {
      root.level = level;
      logTo(1);
    },
  };
}
