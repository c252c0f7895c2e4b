import { LogLevel } from "@slack/bolt";
import type { WebClientOptions } from "@slack/web-api";
import { componentLogger } from "@/observability/logger";
import type { SlackSettings } from "./settings";
import { slackLogger } from "./slack-logger";

/**
 * The Web API client's settings. Its default retry policy keeps retrying for about 30 minutes; a chat
 * reply that late is worse than none, so it gives up after a few quick tries.
 */
export function slackClientOptions(settings: Pick<SlackSettings, "apiUrl">): WebClientOptions {
  return {
    slackApiUrl: settings.apiUrl,
    retryConfig: { retries: 2, factor: 2, minTimeout: 200, maxTimeout: 1_000 },
    logger: slackLogger(componentLogger("slack"), LogLevel.ERROR),
    logLevel: LogLevel.ERROR,
  };
}
