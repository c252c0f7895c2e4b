import { afterAll, beforeAll } from "vitest";
import { closeDb } from "../../db/client";
import { resetSlackRuntime } from "../../slack/app";
import { type FakeSlack, startFakeSlack } from "../../testing/fake-slack";
import { SIGNING_SECRET } from "../../testing/slack-requests";
import { settleAfterResponse } from "./after-response";
import { ensureWorkerDatabase } from "./database";
import { databaseUrl } from "./database-urls";

export interface SlackRoute {
  slack: FakeSlack;
  /** Posts to the real route handler and waits for the response only, as Slack does. */
  post: (request: Request) => Promise<Response>;
  /** Waits for everything the listeners continued with after their responses. */
  settle: () => Promise<void>;
}

/**
 * Points the app's Slack runtime at a fake Web API and this worker's database. Single-workspace mode
 * (SLACK_BOT_TOKEN set) binds to the only org, so tests on the shared worker database pass
 * `{ SLACK_BOT_TOKEN: undefined }` and connect each org with `connectSlackWorkspace`. Call at module level.
 */
export function slackRoute(env: Record<string, string | undefined> = {}): () => SlackRoute {
  let route: SlackRoute | undefined;
  beforeAll(async () => {
    const slack = await startFakeSlack();
    Object.assign(process.env, {
      DATABASE_URL: databaseUrl(await ensureWorkerDatabase()),
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_BOT_TOKEN: "xoxb-test-token",
      SLACK_API_URL: slack.url,
      // Installed workspaces' bot tokens are stored sealed with this key.
      PLAUDIT_SECRET_KEY: "test-secret-key-for-slack-tokens",
    });
    for (const [key, value] of Object.entries(env)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    resetSlackRuntime();
    const { POST } = await import("../../app/api/slack/events/route");
    route = {
      slack,
      post: (request) => POST(request),
      settle: async () => {
        await settleAfterResponse();
      },
    };
  });
  afterAll(async () => {
    await route?.settle();
    await route?.slack.close();
    resetSlackRuntime();
    await closeDb();
  });
  return () => {
    if (!route) throw new Error("slackRoute() is ready inside tests only");
    return route;
  };
}
