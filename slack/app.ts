import { App, LogLevel } from "@slack/bolt";
import { componentLogger } from "@/observability/logger";
import { workspaceAuthorizer } from "./authorize";
import { slackClientOptions } from "./client-options";
import { registerListeners } from "./listeners/register";
import { isOutage } from "./outage-reply";
import { providePlauditContext } from "./plaudit-context";
import { RouteHandlerReceiver } from "./receiver";
import { type SlackSettings, slackSettingsFromEnv } from "./settings";
import { slackLogger } from "./slack-logger";

export interface SlackRuntime {
  app: App;
  receiver: RouteHandlerReceiver;
  settings: SlackSettings;
}

/** Bolt's own log lines, as Plaudit's. */
export function boltLogger() {
  return slackLogger(componentLogger("slack"));
}

export function logError(message: string, error: unknown): void {
  // Through the logger's error serializer: Slack payloads and Web API errors can carry tokens and
  // personal data, and it keeps only the error's type, code, message and stack.
  const log = componentLogger("slack");
  if (isOutage(error)) log.warn(`${message}: the database is unavailable`);
  else log.error({ err: error }, message);
}

/**
 * Everything a Bolt app needs to serve Plaudit, the same for the request URL (here) and for Socket Mode
 * (socket.ts): the error log, the context the listeners read, then the listeners. A database outage is
 * passed on to the receiver, which tells Slack in its acknowledgement (see outage-reply.ts); Bolt would
 * otherwise acknowledge a request it could not authorize with an empty answer.
 */
export function servePlaudit(app: App): void {
  app.error(async (error) => {
    logError("A Slack listener failed", error);
    if (isOutage(error)) throw error;
  });
  // Registered before the listeners: global middleware runs, in order, ahead of every one of them.
  app.use(providePlauditContext);
  registerListeners(app);
}

async function createRuntime(settings: SlackSettings): Promise<SlackRuntime> {
  const receiver = new RouteHandlerReceiver({ signingSecret: settings.signingSecret, logError });
  const app = new App({
    receiver,
    authorize: workspaceAuthorizer(settings),
    clientOptions: slackClientOptions(settings),
    // Nothing may reach Slack while modules load (`next build` imports this file).
    deferInitialization: true,
    logger: boltLogger(),
    logLevel: LogLevel.WARN,
  });
  servePlaudit(app);
  await app.init();
  return { app, receiver, settings };
}

// One app per process, kept on globalThis for the same reason as the database pool (db/client.ts).
const processWide = globalThis as typeof globalThis & { plauditSlack?: Promise<SlackRuntime> };

/** The Bolt app serving this deployment's Slack workspaces, or null when Slack is not configured. */
export function slackRuntime(): Promise<SlackRuntime> | null {
  const settings = slackSettingsFromEnv();
  if (!settings) return null;
  processWide.plauditSlack ??= createRuntime(settings);
  return processWide.plauditSlack;
}

/** Forgets the app, so the next request builds it from the environment again (tests switch settings). */
export function resetSlackRuntime(): void {
  processWide.plauditSlack = undefined;
}
