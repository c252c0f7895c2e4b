import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";

export const OTHER_ORG_ADMIN = "Gita Globex";

const root = path.resolve(import.meta.dirname, "../..");
const nextBin = path.join(root, "node_modules/next/dist/bin/next");
const tsxBin = path.join(root, "node_modules/tsx/dist/cli.mjs");

/**
 * Runs a command to completion, failing the whole run with its output when it fails. Asynchronously:
 * the sandbox provider the seed redeems through answers from this very process.
 */
export async function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  const child = spawn(process.execPath, [command, ...args], { cwd: root, env });
  let output = "";
  child.stdout.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr.on("data", (chunk) => {
    output += chunk;
  });
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  if (code !== 0) throw new Error(`${path.basename(command)} ${args.join(" ")} failed:\n${output}`);
}

/** The demo org Acme, plus a second org whose admin tries to reach Acme's pages in the isolation journey. */
export async function prepareDatabase(env: NodeJS.ProcessEnv): Promise<void> {
  await run(tsxBin, ["scripts/cli.ts", "migrate"], env);
  await run(tsxBin, ["scripts/cli.ts", "seed-demo"], env);
  await run(
    tsxBin,
    [
      "scripts/cli.ts",
      "create-org",
      ...["--name", "Globex", "--slug", "globex", "--time-zone", "Europe/Berlin", "--currency", "EUR"],
      ...["--admin-name", OTHER_ORG_ADMIN, "--admin-email", "gita.globex@globex.example"],
    ],
    env,
  );
}

export function buildApp(env: NodeJS.ProcessEnv): Promise<void> {
  return run(nextBin, ["build"], env);
}

/** `next start` of the build on the given port, its output going where `stdio` says. */
export function nextStart(
  port: number,
  env: NodeJS.ProcessEnv,
  stdio: "inherit" | "pipe" = "inherit",
): ChildProcess {
  return spawn(process.execPath, [nextBin, "start", "--port", String(port), "--hostname", "127.0.0.1"], {
    cwd: root,
    env,
    stdio: ["ignore", stdio, stdio],
  });
}

/** `next start` on the given port, resolved once the health check answers. */
export async function startApp(port: number, env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  const child = nextStart(port, env);
  const deadline = Date.now() + 60_000;
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
  child.kill();
  throw new Error("next start did not answer its health check within 60 s");
}
