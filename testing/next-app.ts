import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import net from "node:net";
import path from "node:path";

/**
 * The production build served as `next start` serves it, for the browser journeys, the benchmarks and
 * the multi-process tests: one build, then as many server processes as a run needs.
 */

export const root = path.resolve(import.meta.dirname, "..");
const nextBin = path.join(root, "node_modules/next/dist/bin/next");
/** What `next build` compiles: a build older than any of these serves code that no longer exists. */
const BUILD_INPUTS = [
  "app",
  "core",
  "db",
  "slack",
  "providers",
  "scripts",
  "instrumentation.ts",
  "proxy.ts",
  "next.config.ts",
  "package-lock.json",
];
const HEALTH_TIMEOUT_MS = 60_000;

/**
 * Runs a Node.js script to completion, failing with its output when it fails. Asynchronously: a server
 * the script talks to (say, the sandbox provider a seed redeems through) may answer from this process.
 */
export async function runNode(script: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  const child = spawn(process.execPath, [script, ...args], { cwd: root, env });
  let output = "";
  child.stdout.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr.on("data", (chunk) => {
    output += chunk;
  });
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  if (code !== 0) throw new Error(`${path.basename(script)} ${args.join(" ")} failed:\n${output}`);
}

export function buildApp(env: NodeJS.ProcessEnv): Promise<void> {
  return runNode(nextBin, ["build"], env);
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
export function staleBuild(): string | null {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return "no build in .next";
  const built = statSync(buildId).mtimeMs;
  const changed = BUILD_INPUTS.find((input) => newestChange(path.join(root, input)) > built);
  return changed ? `${changed} changed since the build in .next` : null;
}

/** Builds only when the build is missing or older than the code, so that nothing serves stale code. */
export async function buildIfStale(env: NodeJS.ProcessEnv): Promise<void> {
  const reason = staleBuild();
  if (!reason) return;
  console.log(`${reason}: running next build`);
  await buildApp(env);
}

export function freePort(): Promise<number> {
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

export interface StartOptions {
  /** A file descriptor the server's output is written to; the output goes to this process's by default. */
  outputFd?: number;
}

/** `next start` on the given port, resolved once the health check answers. */
export async function startApp(
  port: number,
  env: NodeJS.ProcessEnv,
  options: StartOptions = {},
): Promise<ChildProcess> {
  const output = options.outputFd ?? "inherit";
  const child = spawn(
    process.execPath,
    [nextBin, "start", "--port", String(port), "--hostname", "127.0.0.1"],
    { cwd: root, env, stdio: ["ignore", output, output] },
  );
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with code ${child.exitCode}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (response.ok) return child;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill("SIGKILL");
  throw new Error(`next start did not answer its health check within ${HEALTH_TIMEOUT_MS / 1000} s`);
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once("exit", () => resolve()));
}

/** Asks the server to stop, and kills it if it has not after `graceMs`. */
export async function stopApp(child: ChildProcess, graceMs = 10_000): Promise<void> {
  const done = exited(child);
  const force = setTimeout(() => child.kill("SIGKILL"), graceMs);
  child.kill("SIGTERM");
  await done;
  clearTimeout(force);
}

/** `kill -9`: the server gets no chance to finish anything. Resolved once it is gone. */
export async function killApp(child: ChildProcess): Promise<void> {
  const done = exited(child);
  child.kill("SIGKILL");
  await done;
}
