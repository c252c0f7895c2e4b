import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { buildIfStale, freePort, startApp, stopApp } from "../testing/next-app";

/** Linux's clock ticks per second for /proc/<pid>/stat times (USER_HZ, 100 on every mainstream kernel). */
const CLOCK_TICKS = 100;

export interface AppServer {
  url: string;
  pid: number;
  /** CPU seconds the server process has used so far (user + system), or null off Linux. */
  cpuSeconds(): number | null;
  stop(): Promise<void>;
}

function cpuSecondsOf(pid: number): number | null {
  try {
    // Fields after the command name, which is in parentheses and may contain spaces.
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return null;
  }
}

/**
 * The production build served by `next start` on a free loopback port, with the environment the
 * journeys use (e2e/support/global-setup.ts): demo login on, a fresh AUTH_SECRET; `env` adds to it or
 * overrides it (an undefined value removes a variable). Builds first when the build is missing or
 * older than the code, so that a bench never measures code that has since changed.
 */
export async function serveApp(
  databaseUrl: string,
  env: Record<string, string | undefined> = {},
): Promise<AppServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const serverEnv: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    AUTH_SECRET: randomBytes(32).toString("base64"),
    AUTH_TRUST_HOST: "true",
    AUTH_URL: url,
    PLAUDIT_DEMO_LOGIN: "1",
    ...env,
  };
  await buildIfStale(serverEnv);
  const child = await startApp(port, serverEnv);
  const pid = child.pid;
  if (pid === undefined) throw new Error("next start has no process id");
  return { url, pid, cpuSeconds: () => cpuSecondsOf(pid), stop: () => stopApp(child) };
}
