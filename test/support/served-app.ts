import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { closeSync, mkdirSync, openSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { SandboxProvider } from "../../providers/sandbox/start-sandbox-provider";
import type { FakeSlack } from "../../testing/fake-slack";
import { buildIfStale, killApp, root, startApp, stopApp } from "../../testing/next-app";
import { SIGNING_SECRET } from "../../testing/slack-requests";

/** One build check (and build, if needed) however many apps a test file serves at once. */
let built: Promise<void> | undefined;

/** Where each served app's output goes, one file per app, kept for a look after a failure. */
const LOG_DIR = path.join(root, "test-results", "resilience");

export interface AppEnvironmentInput {
  databaseUrl: string;
  /** The URL people and Slack reach the app at: the app's own, or the proxy's in front of several. */
  publicUrl: string;
  /** The org the one Slack workspace belongs to. */
  orgSlug: string;
  slack: FakeSlack;
  /** The sandbox provider, and the API base the app reaches it at (its own, or a proxy's in front). */
  sandbox: SandboxProvider;
  sandboxApiUrl?: string;
}

/**
 * What `npm start` gives a production app, against a test's database: background work in the process,
 * Slack in single-workspace mode against the fake Web API, and the sandbox reward provider. Instances
 * sharing one environment share its secrets, as instances of one deployment do.
 */
export function appEnvironment(input: AppEnvironmentInput): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: input.databaseUrl,
    AUTH_SECRET: randomBytes(32).toString("base64"),
    AUTH_TRUST_HOST: "true",
    AUTH_URL: input.publicUrl,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_BOT_TOKEN: "xoxb-served-app",
    SLACK_ORG: input.orgSlug,
    SLACK_API_URL: input.slack.url,
    PLAUDIT_SANDBOX_URL: input.sandboxApiUrl ?? input.sandbox.apiUrl,
    PLAUDIT_SANDBOX_API_KEY: input.sandbox.apiKey,
    PLAUDIT_SANDBOX_WEBHOOK_KEY: input.sandbox.webhookKey,
    PLAUDIT_BACKGROUND_WORK: "1",
    // Background work looks for due rows often, so a test needn't wait long for it.
    PLAUDIT_WORKER_IDLE_MS: "250",
  };
}

/** One `next start` process on a fixed port, which can be killed and started again on the same one. */
export interface ServedApp {
  url: string;
  logFile: string;
  start(): Promise<void>;
  /** `kill -9`. */
  kill(): Promise<void>;
  /** SIGTERM, as a deployment stops it; nothing when it is not running. */
  stop(): Promise<void>;
}

/** Builds the app first when the build is missing or older than the code. */
export async function servedApp(name: string, port: number, env: NodeJS.ProcessEnv): Promise<ServedApp> {
  built ??= buildIfStale(env);
  await built;
  mkdirSync(LOG_DIR, { recursive: true });
  const logFile = path.join(LOG_DIR, `${name}.log`);
  writeFileSync(logFile, "");
  let child: ChildProcess | undefined;
  const running = () => {
    if (!child) throw new Error(`${name} is not running`);
    return child;
  };
  return {
    url: `http://127.0.0.1:${port}`,
    logFile,
    start: async () => {
      if (child) throw new Error(`${name} is already running`);
      // Appended to, so a restart's output follows the killed process's.
      const output = openSync(logFile, "a");
      try {
        child = await startApp(port, env, { outputFd: output });
      } finally {
        // The child has its own copy.
        closeSync(output);
      }
    },
    kill: async () => {
      await killApp(running());
      child = undefined;
    },
    stop: async () => {
      if (child) await stopApp(child);
      child = undefined;
    },
  };
}
