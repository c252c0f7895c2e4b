import { App, LogLevel } from "@slack/bolt";
import { workspaceAuthorizer } from "./authorize";
import { slackClientOptions } from "./client-options";
import { registerListeners } from "./listeners/register";
import { RouteHandlerReceiver } from "./receiver";
import { type SlackSettings, slackSettingsFromEnv } from "./settings";

export interface SlackRuntime {
  app: App;
  receiver: RouteHandlerReceiver;
  settings: SlackSettings;
}

export function logError(message: string, error: unknown): void {
  // The message only: Slack payloads and Web API errors can carry tokens and personal data.
  console.error(`[slack] ${message}: ${error instanceof Error ? error.message : String(error)}`);
}

async function createRuntime(settings: SlackSettings): Promise<SlackRuntime> {
  const receiver = new RouteHandlerReceiver({ signingSecret: settings.signingSecret, logError });
  const app = new App({
    receiver,
    authorize: workspaceAuthorizer(settings),
    clientOptions: slackClientOptions(settings),
    // Nothing may reach Slack while modules load (`next build` imports this file).
    deferInitialization: true,
    logLevel: LogLevel.WARN,
  });
  app.error(async (error) => logError("A Slack listener failed", error));
  registerListeners(app);
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
