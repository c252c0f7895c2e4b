/**
 * `npm start`: prepares the database and serves the app with `next start`.
 *
 * Without DATABASE_URL, an embedded PostgreSQL (PGlite, data under .data/pglite) runs in a child
 * process, served on loopback so that the app connects to it like to any other server, and a fresh
 * database gets the Acme demo, redeeming through the built-in sandbox reward provider that runs in this
 * process. With DATABASE_URL, this migrates that database and starts the app; seeding a real database
 * is left to `npm run db:seed`. Either way background work (scripts/worker/) runs inside the app's process.
 *
 * PGlite computes synchronously (creating a database blocks for about ten seconds), so it never runs
 * in the supervising process: that one must answer Ctrl-C at once, or tsx, which runs it, kills it
 * outright after a few tens of milliseconds, leaving the database unclosed.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { constants } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { signInUrlProblem } from "../core/shared/public-url";
import { connectFromEnv } from "../db/client";
import { runMigrations } from "../db/migrate";
import { componentLogger } from "../observability/logger";
import { startSandboxProvider } from "../providers/sandbox/start-sandbox-provider";
import { needsDemoSeed, seedDemo } from "./seed-demo/seed-demo";

const root = path.resolve(import.meta.dirname, "..");
const dataRoot = path.join(root, ".data");
const pgliteDir = path.join(dataRoot, "pglite");
/** PGlite has no lock of its own, and two processes on one data directory corrupt it. */
const lockFile = path.join(dataRoot, "pglite.lock");
const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
/** Argument that makes this script the embedded database process instead of the supervisor. */
const EMBEDDED_DATABASE_ROLE = "--embedded-database";

interface ListeningMessage {
  listening: string;
}

function log(message: string): void {
  console.log(`[plaudit] ${message}`);
}

// ---------------------------------------------------------------- the embedded database process

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function lockDataDirectory(): void {
  mkdirSync(dataRoot, { recursive: true });
  try {
    writeFileSync(lockFile, String(process.pid), { flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    const holder = Number(readFileSync(lockFile, "utf8"));
    if (isRunning(holder)) {
      throw new Error(
        `Another Plaudit (process ${holder}) is using ${pgliteDir}. Stop it first, or set DATABASE_URL. ` +
          `If that process is not Plaudit, delete ${lockFile}.`,
      );
    }
    // The holder died without cleaning up.
    writeFileSync(lockFile, String(process.pid));
  }
}

/** Created aside and moved into place, so that an interrupted first start leaves nothing half-made. */
async function createDataDirectory(): Promise<void> {
  const partial = `${pgliteDir}.partial`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  const pglite = await PGlite.create(partial);
  await pglite.close();
  renameSync(partial, pgliteDir);
}

function embeddedPort(): number {
  const configured = process.env.EMBEDDED_DB_PORT;
  if (!configured) return 0; // the OS picks a free port
  const port = Number(configured);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new Error(`EMBEDDED_DB_PORT must be a port number, not "${configured}".`);
  }
  return port;
}

/** Serves PGlite on loopback until the supervisor asks it to stop or goes away, then closes it cleanly. */
async function serveEmbeddedDatabase(): Promise<void> {
  const stopRequested = new Promise<void>((resolve) => {
    process.once("message", () => resolve());
    process.once("disconnect", resolve);
    process.once("SIGTERM", resolve);
  });
  // Ctrl-C reaches the whole process group; the supervisor stops the app first, then this.
  process.on("SIGINT", () => {});
  lockDataDirectory();
  try {
    if (!existsSync(pgliteDir)) await createDataDirectory();
    const pglite = await PGlite.create(pgliteDir);
    try {
      // Serves one client at a time: the app's pool holds a single connection (see db/client.ts), and its
      // background work shares it (a second client's statements would interleave with the first's).
      const server = new PGLiteSocketServer({ db: pglite, host: "127.0.0.1", port: embeddedPort() });
      await server.start();
      try {
        if (process.connected)
          process.send?.({ listening: server.getServerConn() } satisfies ListeningMessage);
        await stopRequested;
      } finally {
        await server.stop();
      }
    } finally {
      await pglite.close();
    }
  } finally {
    rmSync(lockFile, { force: true });
  }
}

// ---------------------------------------------------------------- the supervisor

/** Run in reverse order on the way out: the last thing started is the first stopped. */
const cleanups: (() => Promise<void>)[] = [];
let stopping: Promise<never> | undefined;
let stopSignal: NodeJS.Signals = "SIGTERM";

function stop(exitCode: number): Promise<never> {
  stopping ??= (async () => {
    for (const cleanup of cleanups.reverse()) {
      try {
        await cleanup();
      } catch (error) {
        componentLogger("start").error({ err: error }, "A step of stopping failed");
      }
    }
    process.exit(exitCode);
  })();
  return stopping;
}

/** Stops `child` on the way out: asks first, and kills it if it has not exited after `graceMs`. */
function supervise(child: ChildProcess, askToStop: () => void, graceMs: number): Promise<number> {
  const exit = new Promise<number>((resolve) => {
    // A shell's convention for a death by signal: 128 plus its number.
    child.on("exit", (code, signal) => resolve(code ?? 128 + (signal ? constants.signals[signal] : 0)));
  });
  cleanups.push(async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    askToStop();
    const kill = setTimeout(() => child.kill("SIGKILL"), graceMs);
    await exit;
    clearTimeout(kill);
  });
  return exit;
}

async function startEmbeddedDatabase(): Promise<void> {
  log(
    existsSync(pgliteDir)
      ? `Opening the embedded database in ${pgliteDir}`
      : `Creating the embedded database in ${pgliteDir} (first start only, about ten seconds)`,
  );
  const child = spawn(
    process.execPath,
    ["--import", "tsx", fileURLToPath(import.meta.url), EMBEDDED_DATABASE_ROLE],
    { cwd: root, stdio: ["ignore", "inherit", "inherit", "ipc"] },
  );
  // Generous: creating the database cannot be interrupted, and it closes only once that is done.
  const exit = supervise(child, () => child.connected && child.send("stop"), 30_000);
  const address = await new Promise<string>((resolve, reject) => {
    child.once("message", (message) => resolve((message as ListeningMessage).listening));
    void exit.then((code) => reject(new Error(`The embedded database did not start (exit code ${code}).`)));
  });
  if (stopping) return;
  void exit.then((code) => {
    if (stopping) return;
    log(`The embedded database stopped unexpectedly (exit code ${code})`);
    void stop(1);
  });
  process.env.DATABASE_URL = `postgres://postgres@${address}/postgres`;
  process.env.PLAUDIT_EMBEDDED_DB = "1";
  log(`Embedded PostgreSQL is listening on ${address}`);
}

/**
 * Sign-in settings. The embedded default is a demo: it answers whatever host it is reached by, the demo
 * login is on and the session secret is made once and kept under .data/. Anywhere else the operator sets
 * AUTH_SECRET and the app's public URL (AUTH_URL, or AUTH_TRUST_HOST behind a proxy that sets the Host
 * header), and the demo login stays off unless PLAUDIT_DEMO_LOGIN=1.
 */
function configureSignIn(embedded: boolean): void {
  if (!embedded) {
    if (!process.env.AUTH_SECRET)
      throw new Error("AUTH_SECRET is not set. Generate one with `openssl rand -base64 32`.");
    const problem = signInUrlProblem();
    if (problem) throw new Error(problem);
    return;
  }
  process.env.AUTH_TRUST_HOST ??= "true";
  process.env.PLAUDIT_DEMO_LOGIN ??= "1";
  if (process.env.AUTH_SECRET) return;
  const secretFile = path.join(dataRoot, "auth-secret");
  if (!existsSync(secretFile)) {
    mkdirSync(dataRoot, { recursive: true });
    writeFileSync(secretFile, randomBytes(32).toString("base64"), { mode: 0o600 });
  }
  process.env.AUTH_SECRET = readFileSync(secretFile, "utf8").trim();
}

async function prepareDatabase(embedded: boolean): Promise<void> {
  const connection = connectFromEnv("operator");
  // Closed before the app starts: the embedded server takes one client at a time.
  try {
    log("Applying database migrations");
    await runMigrations(connection.db);
    if (embedded && (await needsDemoSeed(connection.db))) {
      log("Seeding the Acme demo organization (first start only)");
      const demo = await seedDemo(connection.db);
      log(`Demo ready: ${demo.people} people, ${demo.recognitions} recognitions; admin ${demo.adminEmail}`);
    }
  } finally {
    await connection.close();
  }
}

/**
 * The built-in sandbox reward provider, for the embedded demo: redeeming works with no account and no
 * network, through the same adapter that talks to Tremendous. Its keys and orders are kept under .data/
 * so that a restart finds the orders the demo's redemptions name.
 */
async function startSandbox(port: string): Promise<void> {
  const keysFile = path.join(dataRoot, "provider-sandbox-keys.json");
  if (!existsSync(keysFile)) {
    mkdirSync(dataRoot, { recursive: true });
    const keys = {
      apiKey: `sandbox_${randomBytes(16).toString("hex")}`,
      webhookKey: randomBytes(24).toString("hex"),
    };
    writeFileSync(keysFile, JSON.stringify(keys), { mode: 0o600 });
  }
  const keys = JSON.parse(readFileSync(keysFile, "utf8")) as { apiKey: string; webhookKey: string };
  const sandbox = await startSandboxProvider({
    ...keys,
    webhookUrl: `http://127.0.0.1:${port}/api/webhooks/tremendous`,
    stateFile: path.join(dataRoot, "provider-sandbox.json"),
    emailDeliveryMs: 1500,
  });
  cleanups.push(() => sandbox.stop());
  process.env.PLAUDIT_SANDBOX_URL = sandbox.apiUrl;
  process.env.PLAUDIT_SANDBOX_API_KEY = sandbox.apiKey;
  process.env.PLAUDIT_SANDBOX_WEBHOOK_KEY = sandbox.webhookKey;
  log(`Sandbox reward provider is listening on ${sandbox.url}`);
}

function runNext(args: string[]): { child: ChildProcess; exit: Promise<number> } {
  // A self-hosted server reports nothing home unless its operator opts in.
  // Background work runs inside the app's process (instrumentation.ts) unless turned off with 0.
  const env = { NEXT_TELEMETRY_DISABLED: "1", PLAUDIT_BACKGROUND_WORK: "1", ...process.env };
  const child = spawn(process.execPath, [nextBin, ...args], { cwd: root, stdio: "inherit", env });
  return { child, exit: supervise(child, () => child.kill(stopSignal), 10_000) };
}

async function build(): Promise<void> {
  if (existsSync(path.join(root, ".next", "BUILD_ID"))) {
    log("Using the existing build (run `npm run build` after changing the code)");
    return;
  }
  log("Building the app (there is no build yet)");
  const code = await runNext(["build"]).exit;
  if (code !== 0) throw new Error(`next build failed with exit code ${code}`);
}

function publicUrl(port: string, hostname: string | undefined): string {
  const wildcard = !hostname || hostname === "0.0.0.0" || hostname === "::";
  const host = wildcard ? "localhost" : hostname.includes(":") ? `[${hostname}]` : hostname;
  return `http://${host}:${port}`;
}

/** Announces the URL once the server answers, so the last line printed is the one to open. */
async function announceWhenReady(url: string, child: ChildProcess): Promise<void> {
  while (child.exitCode === null && !stopping) {
    try {
      const response = await fetch(`${url}/api/health/ready`);
      log(
        response.ok
          ? `Plaudit is ready at ${url}`
          : `Plaudit is up at ${url}, but it is not ready: ${(await response.text()).trim()}`,
      );
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

async function serve(): Promise<void> {
  const port = process.env.PORT || "3000";
  // Not HOSTNAME: Docker sets that to the container id.
  const hostname = process.env.HOST || undefined;
  log("Starting the web server and its background work");
  const server = runNext(["start", "--port", port, ...(hostname ? ["--hostname", hostname] : [])]);
  void announceWhenReady(publicUrl(port, hostname), server.child);
  const code = await server.exit;
  if (stopping) return;
  log(`The web server exited with code ${code}`);
  await stop(code);
}

async function main(): Promise<void> {
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      if (stopping) return;
      log(`Stopping (${signal})`);
      stopSignal = signal;
      void stop(0);
    });
  }
  const embedded = !process.env.DATABASE_URL;
  if (!embedded) log("Using the database at DATABASE_URL");
  configureSignIn(embedded);
  const database = async () => {
    if (embedded) await Promise.all([startEmbeddedDatabase(), startSandbox(process.env.PORT || "3000")]);
    if (!stopping) await prepareDatabase(embedded);
  };
  // The build needs no database, and on a first start the two take about as long as each other.
  await Promise.all([database(), build()]);
  if (!stopping) await serve();
}

if (process.argv[2] === EMBEDDED_DATABASE_ROLE) {
  serveEmbeddedDatabase().then(
    // The IPC channel would keep the process alive.
    () => process.exit(0),
    (error: unknown) => {
      console.error(`[plaudit] ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
} else {
  main().catch(async (error: unknown) => {
    if (stopping) return;
    console.error(`[plaudit] ${error instanceof Error ? error.message : String(error)}`);
    await stop(1);
  });
}
