import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { buildApp, startApp } from "../e2e/support/server";

const root = path.resolve(import.meta.dirname, "..");
/** Linux's clock ticks per second for /proc/<pid>/stat times (USER_HZ, 100 on every mainstream kernel). */
const CLOCK_TICKS = 100;
/** What `next build` compiles: a build older than any of these serves code that no longer exists. */
const BUILD_INPUTS = ["app", "core", "db", "slack", "proxy.ts", "next.config.ts", "package-lock.json"];

export interface AppServer {
  url: string;
  pid: number;
  /** CPU seconds the server process has used so far (user + system), or null off Linux. */
  cpuSeconds(): number | null;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
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

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill("SIGKILL"), 10_000);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

/** The newest modification time under `entry` (a file or a directory), in milliseconds. */
function newestChange(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(entry).reduce(
    (newest, name) => Math.max(newest, newestChange(path.join(entry, name))),
    stat.mtimeMs,
  );
}

/** Why the app must be built before serving, or null when the build in .next is current. */
function buildNeeded(): string | null {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return "no build in .next";
  const built = statSync(buildId).mtimeMs;
  const changed = BUILD_INPUTS.find((input) => newestChange(path.join(root, input)) > built);
  return changed ? `${changed} changed since the build in .next` : null;
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
  const reason = buildNeeded();
  if (reason) {
    console.log(`${reason}: running next build`);
    await buildApp(serverEnv);
  }
  const child = await startApp(port, serverEnv);
  const pid = child.pid;
  if (pid === undefined) throw new Error("next start has no process id");
  return { url, pid, cpuSeconds: () => cpuSecondsOf(pid), stop: () => stopChild(child) };
}
