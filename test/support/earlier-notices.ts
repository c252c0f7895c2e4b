import type { Database } from "../../db/client";
import { deliverNotifications } from "../../slack/notifications/deliver-notifications";

/**
 * Other tests on this worker's database may have left notices due; sending them first (at a far-off
 * instant, so that failures are due again only then) leaves each test's tallies to its own notices.
 * Batches go on until one finds nothing: a batch of only skipped notices says nothing of the next.
 */
export async function sendEarlierNotices(db: Database): Promise<void> {
  const farOff = () => new Date("2100-01-01T00:00:00Z");
  for (;;) {
    const tally = await deliverNotifications(db, { clock: farOff, limit: 500 });
    if (tally.sent + tally.skipped + tally.failed === 0) return;
  }
}
