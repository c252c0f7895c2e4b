import { vi } from "vitest";
import type { Database } from "../../db/client";
import { deliverNotifications } from "../../slack/notifications/deliver-notifications";

/** The app's address in the links notices carry. */
export const NOTICE_APP_URL = "https://plaudit.acme.example";

/**
 * Before a test that counts what the notice sender does: the sender talks to the fake Slack at
 * `slackUrl` in multi-workspace mode (as most deployments serving several orgs run), and the notices
 * other tests on this worker's database left due are sent first. They go at a far-off instant, so that
 * failures are due again only then, and batch after batch until one finds none: a batch of only skipped
 * notices says nothing of the next. Each test's tallies are then its own notices'.
 */
export async function prepareNoticeSending(db: Database, slackUrl: string, secret: string): Promise<void> {
  vi.stubEnv("SLACK_SIGNING_SECRET", `${secret}-signing-secret`);
  vi.stubEnv("SLACK_API_URL", slackUrl);
  vi.stubEnv("SLACK_BOT_TOKEN", undefined);
  vi.stubEnv("SLACK_ORG", undefined);
  vi.stubEnv("PLAUDIT_SECRET_KEY", `${secret}-key`);
  vi.stubEnv("PLAUDIT_URL", NOTICE_APP_URL);
  const farOff = () => new Date("2100-01-01T00:00:00Z");
  for (;;) {
    const tally = await deliverNotifications(db, { clock: farOff, limit: 500 });
    if (tally.sent + tally.skipped + tally.failed === 0) return;
  }
}
