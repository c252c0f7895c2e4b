/**
 * `npm run slack:socket`: the Slack app over Socket Mode, for local use without a public URL. Slack
 * delivers events, commands and interactions through a WebSocket this process opens, to the same listeners
 * and the same workspace lookup as the request URL (`/api/slack/events`) serves.
 *
 * It needs the database the web app uses (DATABASE_URL), and SLACK_APP_TOKEN, an app-level token
 * (xapp-...) with the `connections:write` scope. Workspaces are served as by the web app: one from
 * SLACK_BOT_TOKEN (with SLACK_ORG), or else every workspace that installed the app.
 */
import { randomUUID } from "node:crypto";
import { App, LogLevel } from "@slack/bolt";
import { sql } from "drizzle-orm";
import { closeDb, getDb } from "@/db/client";
import { sendConsoleToLogger } from "@/observability/console-logging";
import { componentLogger } from "@/observability/logger";
import { inRequest } from "@/observability/request-context";
import { boltLogger, servePlaudit } from "./app";
import { workspaceAuthorizer } from "./authorize";
import { slackClientOptions } from "./client-options";
import { type SlackSettings, slackSettingsFromEnv } from "./settings";

const log = componentLogger("slack");

/** Why the environment cannot run Socket Mode, or null when it can. */
function socketModeProblem(env: NodeJS.ProcessEnv): string | null {
  if (!env.SLACK_APP_TOKEN?.startsWith("xapp-")) {
    return (
      "Set SLACK_APP_TOKEN to an app-level token (xapp-...): in your Slack app's settings, Basic Information > " +
      "App-Level Tokens > Generate, with the connections:write scope. Socket Mode must be on (Settings > Socket Mode)."
    );
  }
  if (!env.DATABASE_URL) {
    return (
      "Set DATABASE_URL to the PostgreSQL database the web app uses, and start the web app with the same " +
      "DATABASE_URL. The embedded database of a plain `npm start` takes one connection, the web app's, so it " +
      "cannot be shared with this process."
    );
  }
  return null;
}

/** The web app's settings; request signatures are the only part Socket Mode has no use for. */
function socketSettings(env: NodeJS.ProcessEnv): SlackSettings {
  const settings = slackSettingsFromEnv({
    ...env,
    SLACK_SIGNING_SECRET: env.SLACK_SIGNING_SECRET || "unused",
  });
  if (!settings) throw new Error("Slack settings could not be read.");
  return settings;
}

/** Long enough for a busy database; a server that takes no more clients never answers at all. */
const DATABASE_TIMEOUT_MS = 5_000;

async function checkDatabase(): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new Error(
            `no answer within ${DATABASE_TIMEOUT_MS / 1000} s. The embedded database of \`npm start\` serves the web app alone; use a PostgreSQL server.`,
          ),
        ),
      DATABASE_TIMEOUT_MS,
    );
  });
  try {
    await Promise.race([getDb().execute(sql`select 1`), timeout]);
  } catch (error) {
    // Drizzle wraps driver errors in "Failed query"; the cause says why (refused, bad password, ...).
    const reason = error instanceof Error && error.cause instanceof Error ? error.cause : error;
    throw new Error(
      `The database at DATABASE_URL does not answer: ${reason instanceof Error ? reason.message : String(reason)}`,
    );
  } finally {
    clearTimeout(timer);
  }
}

async function main(): Promise<void> {
  const problem = socketModeProblem(process.env);
  if (problem) throw new Error(problem);
  const settings = socketSettings(process.env);
  await checkDatabase();

  const app = new App({
    socketMode: true,
    appToken: process.env.SLACK_APP_TOKEN,
    authorize: workspaceAuthorizer(settings),
    clientOptions: slackClientOptions(settings),
    // The WebSocket's own Web API client (apps.connections.open): the same base URL and short retries.
    installerOptions: { clientOptions: slackClientOptions(settings) },
    logger: boltLogger(),
    logLevel: LogLevel.WARN,
  });
  // What Slack sends over the socket has no HTTP request to carry an id: each delivery gets one here.
  app.use(({ next }) => inRequest({ requestId: randomUUID() }, next));
  servePlaudit(app);
  try {
    await app.start();
  } catch (error) {
    throw new Error(
      `Socket Mode could not connect to Slack (check SLACK_APP_TOKEN, and that Socket Mode is on): ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  log.info(
    settings.botToken
      ? "Connected over Socket Mode, serving the workspace of SLACK_BOT_TOKEN"
      : "Connected over Socket Mode, serving every workspace that installed Plaudit",
  );

  const stop = async (signal: NodeJS.Signals) => {
    log.info(`Stopping (${signal})`);
    await app.stop();
    await closeDb();
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

sendConsoleToLogger(log);
main().catch(async (error: unknown) => {
  log.fatal({ err: error }, "Socket Mode stopped");
  await closeDb();
  process.exit(1);
});
