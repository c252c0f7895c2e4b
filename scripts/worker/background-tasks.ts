import { summariseAnalytics } from "../../core/analytics/summarise-analytics";
import { closeDueBills } from "../../core/billing/close-due-bills";
import { summariseLedgerHours } from "../../core/billing/summarise-ledger-hours";
import { celebrateDueOccasions } from "../../core/celebrations/celebrate-due-occasions";
import { awardDueLevels } from "../../core/levels/award-due-levels";
import { purgeRateLimits } from "../../core/limits/purge-rate-limits";
import { queueAllowanceReminders } from "../../core/nudges/queue-allowance-reminders";
import { queueTeamDigests } from "../../core/nudges/queue-team-digests";
import { runDueRedemptions } from "../../core/rewards/run-due-redemptions";
import { syncDueCatalogs } from "../../core/rewards/sync-due-catalogs";
import type { Actor } from "../../core/shared/actor";
import type { Database } from "../../db/client";
import { rewardProviders } from "../../providers/reward-providers";
import { deliverNotifications } from "../../slack/notifications/deliver-notifications";

const DEPLOYMENT: Actor = { kind: "operator" };

export interface BackgroundTask {
  name: string;
  /** Does one batch of due work; returns what it did for the log (empty when there was nothing). */
  run: (db: Database) => Promise<string>;
}

/**
 * Where this worker's last level pass got to. A worker's first pass looks at everyone; the next ones
 * only at people who received points since (see core/levels/level-candidates.ts).
 */
let levelsWatermark: string | undefined;

function summary(parts: Record<string, number>, errors: { message: string }[]): string {
  const done = Object.entries(parts)
    .filter(([, count]) => count > 0)
    .map(([what, count]) => `${count} ${what}`);
  const failed = errors.map((error) => `error: ${error.message}`);
  return [...done, ...failed].join("; ");
}

/**
 * What background work does, every pass: each task claims its own due rows with leases, so any number
 * of workers (the one inside `npm start`, `npm run worker` elsewhere) can run them side by side.
 */
export const BACKGROUND_TASKS: BackgroundTask[] = [
  {
    name: "redemptions",
    run: async (db) => {
      const { claimed, errors } = await runDueRedemptions(
        db,
        DEPLOYMENT,
        {},
        { providers: rewardProviders() },
      );
      return summary({ "redemptions advanced": claimed - errors.length }, errors);
    },
  },
  {
    name: "nudges",
    run: async (db) => {
      const reminders = await queueAllowanceReminders(db, DEPLOYMENT);
      const digests = await queueTeamDigests(db, DEPLOYMENT);
      return summary(
        { "month-end reminders queued": reminders.queued, "team digests queued": digests.queued },
        [],
      );
    },
  },
  {
    name: "celebrations",
    run: async (db) => {
      const { celebrated, errors } = await celebrateDueOccasions(db, DEPLOYMENT);
      return summary({ "birthdays and anniversaries celebrated": celebrated }, errors);
    },
  },
  {
    name: "levels",
    run: async (db) => {
      const { reached, watermark } = await awardDueLevels(db, DEPLOYMENT, { since: levelsWatermark });
      levelsWatermark = watermark;
      return summary({ "levels reached": reached }, []);
    },
  },
  {
    name: "notifications",
    run: async (db) => {
      const { sent, skipped, failed } = await deliverNotifications(db);
      return summary({ "notices sent": sent, skipped: skipped, "failed (to retry)": failed }, []);
    },
  },
  {
    name: "bills",
    run: async (db) => {
      const { closed, errors } = await closeDueBills(db, DEPLOYMENT);
      return summary({ "bills closed": closed }, errors);
    },
  },
  {
    name: "ledger hours",
    run: async (db) => {
      const { hours, errors } = await summariseLedgerHours(db, DEPLOYMENT);
      return summary({ "ledger hours summarised": hours }, errors);
    },
  },
  {
    name: "analytics",
    run: async (db) => {
      const { stretches, errors } = await summariseAnalytics(db, DEPLOYMENT);
      return summary({ "analytics stretches summarised": stretches }, errors);
    },
  },
  {
    name: "catalogs",
    run: async (db) => {
      const { synced, errors } = await syncDueCatalogs(db, DEPLOYMENT, { providers: rewardProviders() });
      return summary({ "catalogs synced": synced }, errors);
    },
  },
  {
    name: "rate limits",
    run: async (db) => {
      const { purged } = await purgeRateLimits(db, DEPLOYMENT);
      return summary({ "expired rate limit counters deleted": purged }, []);
    },
  },
];
