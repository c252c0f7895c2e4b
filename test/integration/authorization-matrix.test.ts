import { randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { boostAllowance } from "../../core/allowances/boost-allowance";
import { listTeam } from "../../core/allowances/list-team";
import { setMonthlyAllowance } from "../../core/allowances/set-monthly-allowance";
import { exportAnalytics } from "../../core/analytics/export-analytics";
import { getAnalytics } from "../../core/analytics/get-analytics";
import { summariseAnalytics } from "../../core/analytics/summarise-analytics";
import { closeBill } from "../../core/billing/close-bill";
import { closeDueBills } from "../../core/billing/close-due-bills";
import { exportBill } from "../../core/billing/export-bill";
import { getBill } from "../../core/billing/get-bill";
import { getBillingSettings } from "../../core/billing/get-billing-settings";
import { getFinanceTrends } from "../../core/billing/get-finance-trends";
import { getLiability } from "../../core/billing/get-liability";
import { getPayroll } from "../../core/billing/get-payroll";
import { getRollForward } from "../../core/billing/get-roll-forward";
import { listBills } from "../../core/billing/list-bills";
import { summariseLedgerHours } from "../../core/billing/summarise-ledger-hours";
import { updateBillingSettings } from "../../core/billing/update-billing-settings";
import { createCampaign } from "../../core/campaigns/create-campaign";
import { endCampaign } from "../../core/campaigns/end-campaign";
import { getCampaign } from "../../core/campaigns/get-campaign";
import { listCampaigns } from "../../core/campaigns/list-campaigns";
import { celebrateDueOccasions } from "../../core/celebrations/celebrate-due-occasions";
import { commentOnRecognition } from "../../core/feed/comment-on-recognition";
import { getLeaderboard } from "../../core/feed/get-leaderboard";
import { getPersonProfile } from "../../core/feed/get-person-profile";
import { listFeed } from "../../core/feed/list-feed";
import { listPersonHistory } from "../../core/feed/list-person-history";
import { listRecognitionComments } from "../../core/feed/list-recognition-comments";
import { reactToRecognition } from "../../core/feed/react-to-recognition";
import { addToRecognition } from "../../core/giving/add-to-recognition";
import { getBalances } from "../../core/giving/get-balances";
import { getGivingRules } from "../../core/giving/get-giving-rules";
import { givePoints } from "../../core/giving/give-points";
import { grantPoints } from "../../core/giving/grant-points";
import { listSpotAwards } from "../../core/giving/list-spot-awards";
import { countUnread } from "../../core/inbox/count-unread";
import { listInbox } from "../../core/inbox/list-inbox";
import { markInboxRead } from "../../core/inbox/mark-inbox-read";
import { checkLedger } from "../../core/ledger/check-ledger";
import { awardDueLevels } from "../../core/levels/award-due-levels";
import { createLevel } from "../../core/levels/create-level";
import { listLevels } from "../../core/levels/list-levels";
import { removeLevel } from "../../core/levels/remove-level";
import { setLevelWindow } from "../../core/levels/set-level-window";
import { updateLevel } from "../../core/levels/update-level";
import { purgeRateLimits } from "../../core/limits/purge-rate-limits";
import { claimNotifications } from "../../core/notifications/claim-notifications";
import { finishNotification } from "../../core/notifications/finish-notification";
import { getNotificationPreferences } from "../../core/nudges/get-notification-preferences";
import { queueAllowanceReminders } from "../../core/nudges/queue-allowance-reminders";
import { queueTeamDigests } from "../../core/nudges/queue-team-digests";
import { updateNotificationPreferences } from "../../core/nudges/update-notification-preferences";
import { getOperationsFigures } from "../../core/operations/get-operations-figures";
import { createApiKey } from "../../core/org/create-api-key";
import { createOrganization } from "../../core/org/create-organization";
import { getDemoSeedStatus } from "../../core/org/get-demo-seed-status";
import { getOrgSettings } from "../../core/org/get-org-settings";
import { listApiKeys } from "../../core/org/list-api-keys";
import { listAuditLog } from "../../core/org/list-audit-log";
import { markDemoSeeded } from "../../core/org/mark-demo-seeded";
import { revokeApiKey } from "../../core/org/revoke-api-key";
import { updateOrgSettings } from "../../core/org/update-org-settings";
import { createPerson } from "../../core/people/create-person";
import { deactivatePerson } from "../../core/people/deactivate-person";
import { erasePerson } from "../../core/people/erase-person";
import { getDisplayNames } from "../../core/people/get-display-names";
import { getPersonDetails } from "../../core/people/get-person-details";
import { importPeople } from "../../core/people/import-people";
import { listDepartments } from "../../core/people/list-departments";
import { listPeople } from "../../core/people/list-people";
import { reactivatePerson } from "../../core/people/reactivate-person";
import { searchColleagues } from "../../core/people/search-colleagues";
import { updatePerson } from "../../core/people/update-person";
import { upsertPerson } from "../../core/people/upsert-person";
import { advanceRedemption } from "../../core/rewards/advance-redemption";
import { approveRedemption } from "../../core/rewards/approve-redemption";
import { cancelReward } from "../../core/rewards/cancel-reward";
import { countRedemptionQueues } from "../../core/rewards/count-redemption-queues";
import { createCustomReward } from "../../core/rewards/create-custom-reward";
import { declineRedemption } from "../../core/rewards/decline-redemption";
import { failRedemption } from "../../core/rewards/fail-redemption";
import { fulfilRedemption } from "../../core/rewards/fulfil-redemption";
import { getRedemption } from "../../core/rewards/get-redemption";
import { getRewardOffer } from "../../core/rewards/get-reward-offer";
import { getRewardSettings } from "../../core/rewards/get-reward-settings";
import { listCustomRewards } from "../../core/rewards/list-custom-rewards";
import { listRedemptions } from "../../core/rewards/list-redemptions";
import { listRewardCatalog } from "../../core/rewards/list-reward-catalog";
import { listWebhookKeys } from "../../core/rewards/list-webhook-keys";
import { recordProviderWebhook } from "../../core/rewards/record-provider-webhook";
import { requestRedemption } from "../../core/rewards/request-redemption";
import { resendReward } from "../../core/rewards/resend-reward";
import { retryRedemption } from "../../core/rewards/retry-redemption";
import { runDueRedemptions } from "../../core/rewards/run-due-redemptions";
import { syncDueCatalogs } from "../../core/rewards/sync-due-catalogs";
import { syncRewardCatalog } from "../../core/rewards/sync-reward-catalog";
import { testProviderConnection } from "../../core/rewards/test-provider-connection";
import { updateCustomReward } from "../../core/rewards/update-custom-reward";
import { updateRewardSettings } from "../../core/rewards/update-reward-settings";
import type { Actor } from "../../core/shared/actor";
import { API_SCOPES, type ApiScope } from "../../core/shared/api-scopes";
import type { DomainErrorCode } from "../../core/shared/errors";
import { saveSlackInstallation } from "../../core/slack-identity/save-slack-installation";
import { editSlackReply } from "../../core/slack-threads/edit-slack-reply";
import { findAnnouncedRecognition } from "../../core/slack-threads/find-announced-recognition";
import { findSlackThread } from "../../core/slack-threads/find-slack-thread";
import { recordSlackAnnouncement } from "../../core/slack-threads/record-slack-announcement";
import { removeSlackReply } from "../../core/slack-threads/remove-slack-reply";
import { slackReplyKey } from "../../core/slack-threads/slack-reply";
import { createCompanyValue } from "../../core/values/create-company-value";
import { listCompanyValues } from "../../core/values/list-company-values";
import { listValueUsage } from "../../core/values/list-value-usage";
import { renameCompanyValue } from "../../core/values/rename-company-value";
import { retireCompanyValue } from "../../core/values/retire-company-value";
import type { Database } from "../../db/client";
import { defined } from "../support/assertions";
import { type BillRefs, billStates, collect } from "../support/billing";
import { workerDatabase } from "../support/database";
import { key, type TestPerson } from "../support/factories";
import { createOrgChart, type OrgChart } from "../support/org-chart";
import { asSeenBy, expectAllowed, expectRefused, naming, settle } from "../support/outcomes";
import { type RewardRefs, rewardStates } from "../support/reward-states";
import { rewardsFixture, STARBUCKS_5 } from "../support/rewards-fixture";

const database = workerDatabase();
// The use cases that talk to a provider talk to this sandbox, through the real adapter.
const rewards = rewardsFixture();
// save-slack-installation seals the bot token it stores.
vi.stubEnv("PLAUDIT_SECRET_KEY", "authorization-matrix");

const NOW = new Date("2026-06-15T12:00:00Z");
const now = () => NOW;
const deps = () => rewards.deps({ clock: now });
/** Past every retry a redemption of the matrix waits for. */
const later = () => rewards.deps({ clock: () => new Date(NOW.getTime() + 60 * 60_000) });
const states = rewardStates(rewards, now);
/** May 2026: a month that has ended at NOW, so that its bill may close. */
const bills = billStates(now, "2026-05");

/** What a use case's input names. For another org's actor these are swapped for values that exist nowhere. */
type Refs = {
  orgId: string;
  /** The person the call is about. */
  personId: string;
  personEmail: string;
  /** Whom the org's API key gives on behalf of. */
  giverId: string;
  valueId: string;
  apiKeyId: string;
  /** An email no one has, for the use cases that add a person. */
  newEmail: string;
  /** A recognition the person received. */
  recognitionId: string;
  campaignId: string;
  /** A level of the org's ladder. */
  levelId: string;
} & RewardRefs &
  BillRefs;

interface UseCase {
  /** The input is about one person, so where the actor stands towards them may matter. */
  aboutPerson: boolean;
  /** A successful call writes; it then runs in an org of its own, so that the other cases never see it. */
  writes: boolean;
  /** Puts the person into the state the use case acts on; returns what the input then names. */
  prepare?: (db: Database, chart: OrgChart, person: TestPerson) => Promise<Partial<Refs>>;
  /** The real use case with valid input. */
  run: (db: Database, actor: Actor, refs: Refs) => Promise<unknown>;
}

/** A spot award the person received: the recognition a reaction or an add-on is about. */
async function recognitionFor(db: Database, chart: OrgChart, person: TestPerson): Promise<Partial<Refs>> {
  const award = await grantPoints(
    db,
    chart.admin.actor,
    { recipientIds: [person.id], amount: 10, message: "Spot award", idempotencyKey: key() },
    now,
  );
  return { recognitionId: award.recognitionId };
}

/** A x2 campaign running in the person's org. */
async function campaignFor(db: Database, chart: OrgChart): Promise<Partial<Refs>> {
  const campaign = await createCampaign(
    db,
    chart.admin.actor,
    { name: "Matrix Week", startsOn: "2026-06-15", multiplier: 2 },
    now,
  );
  return { campaignId: campaign.id };
}

let levelsMade = 0;

/** A level of its own on the org's ladder, which the person is then granted the points to reach. */
async function levelFor(db: Database, chart: OrgChart, person: TestPerson): Promise<Partial<Refs>> {
  levelsMade += 1;
  const threshold = levelsMade;
  const level = await createLevel(db, chart.admin.actor, {
    name: `Level ${threshold}`,
    threshold,
    grantPoints: 5,
  });
  const award = await grantPoints(
    db,
    chart.admin.actor,
    { recipientIds: [person.id], amount: threshold, message: "Spot award", idempotencyKey: key() },
    now,
  );
  return { recognitionId: award.recognitionId, levelId: level.id };
}

/** Where the matrix's Slack posts are: one per recognition, named after it. */
const SLACK_CHANNEL = "CMATRIX";
const slackPostOf = (recognitionId: string) => `ts-${recognitionId}`;

/** A recognition the person received, announced in Slack by the org's Slack adapter. */
async function announcedRecognitionFor(
  db: Database,
  chart: OrgChart,
  person: TestPerson,
): Promise<Partial<Refs>> {
  const refs = await recognitionFor(db, chart, person);
  const recognitionId = defined(refs.recognitionId);
  const post = slackPostOf(recognitionId);
  await recordSlackAnnouncement(db, chart.org.system, {
    recognitionId,
    teamId: "TMATRIX",
    channelId: SLACK_CHANNEL,
    messageTs: post,
    threadTs: post,
  });
  return refs;
}

/** The Slack thread reply the matrix's comment on a recognition came from. */
const slackReplyOf = (recognitionId: string) => ({
  teamId: "TMATRIX",
  channelId: SLACK_CHANNEL,
  messageTs: `reply-${recognitionId}`,
});

/** A recognition the person received, with a comment that came from a reply in its Slack thread. */
async function slackReplyFor(db: Database, chart: OrgChart, person: TestPerson): Promise<Partial<Refs>> {
  const refs = await announcedRecognitionFor(db, chart, person);
  const recognitionId = defined(refs.recognitionId);
  await commentOnRecognition(db, chart.admin.actor, {
    recognitionId,
    body: "Bravo",
    source: "slack",
    idempotencyKey: slackReplyKey(slackReplyOf(recognitionId)),
  });
  return refs;
}

const USE_CASES = {
  "give-points": {
    aboutPerson: true,
    writes: true,
    run: (db, actor, refs) =>
      givePoints(
        db,
        actor,
        {
          giverId: actor.kind === "system" ? refs.giverId : undefined,
          recipientIds: [refs.personId],
          amount: 5,
          message: "Thanks for the launch",
          source: actor.kind === "system" ? "api" : "web",
          idempotencyKey: key(),
        },
        now,
      ),
  },
  "add-to-recognition": {
    aboutPerson: true,
    writes: true,
    prepare: recognitionFor,
    run: (db, actor, refs) =>
      addToRecognition(
        db,
        actor,
        { recognitionId: refs.recognitionId, amount: 5, idempotencyKey: key() },
        now,
      ),
  },
  "react-to-recognition": {
    aboutPerson: true,
    writes: true,
    prepare: recognitionFor,
    run: (db, actor, refs) =>
      reactToRecognition(db, actor, { recognitionId: refs.recognitionId, reaction: "clap", on: true }),
  },
  "comment-on-recognition": {
    aboutPerson: true,
    writes: true,
    prepare: recognitionFor,
    run: (db, actor, refs) =>
      commentOnRecognition(db, actor, {
        recognitionId: refs.recognitionId,
        body: "Bravo",
        idempotencyKey: key(),
      }),
  },
  "list-recognition-comments": {
    aboutPerson: true,
    writes: false,
    prepare: async (db, chart, person) => {
      const refs = await recognitionFor(db, chart, person);
      const recognitionId = defined(refs.recognitionId);
      await commentOnRecognition(db, chart.admin.actor, {
        recognitionId,
        body: "Bravo",
        idempotencyKey: key(),
      });
      return refs;
    },
    run: (db, actor, refs) => listRecognitionComments(db, actor, { recognitionId: refs.recognitionId }),
  },
  "record-slack-announcement": {
    aboutPerson: true,
    writes: true,
    prepare: recognitionFor,
    run: (db, actor, refs) =>
      recordSlackAnnouncement(db, actor, {
        recognitionId: refs.recognitionId,
        teamId: "TMATRIX",
        channelId: SLACK_CHANNEL,
        messageTs: slackPostOf(refs.recognitionId),
        threadTs: slackPostOf(refs.recognitionId),
      }),
  },
  // A change to a comment's words, which no footprint counts: checked as a read.
  "edit-slack-reply": {
    aboutPerson: false,
    writes: false,
    prepare: slackReplyFor,
    run: (db, actor, refs) =>
      editSlackReply(db, actor, { ...slackReplyOf(refs.recognitionId), body: "Bravo, edited" }),
  },
  "remove-slack-reply": {
    aboutPerson: false,
    writes: true,
    prepare: slackReplyFor,
    run: (db, actor, refs) => removeSlackReply(db, actor, slackReplyOf(refs.recognitionId)),
  },
  "find-announced-recognition": {
    aboutPerson: true,
    writes: false,
    prepare: announcedRecognitionFor,
    run: (db, actor, refs) =>
      findAnnouncedRecognition(db, actor, {
        channelId: SLACK_CHANNEL,
        messageTs: slackPostOf(refs.recognitionId),
      }),
  },
  "find-slack-thread": {
    aboutPerson: true,
    writes: false,
    prepare: async (db, chart, person) => {
      const refs = await announcedRecognitionFor(db, chart, person);
      const recognitionId = defined(refs.recognitionId);
      // A reaction on the web, so that the answer names something of the org besides Slack's ids.
      await reactToRecognition(db, chart.admin.actor, { recognitionId, reaction: "clap", on: true });
      return refs;
    },
    run: (db, actor, refs) => findSlackThread(db, actor, { recognitionId: refs.recognitionId }),
  },
  "get-notification-preferences": {
    aboutPerson: false,
    writes: false,
    run: (db, actor) => getNotificationPreferences(db, actor),
  },
  // A change to the person's own row, which no footprint counts: checked as a read, as marking read is.
  "update-notification-preferences": {
    aboutPerson: false,
    writes: false,
    run: (db, actor) => updateNotificationPreferences(db, actor, { allowanceReminders: false }),
  },
  // Three days before the end of June, and a Monday: both are due.
  "queue-allowance-reminders": {
    aboutPerson: false,
    writes: true,
    run: (db, actor) => queueAllowanceReminders(db, actor, () => new Date("2026-06-29T12:00:00Z")),
  },
  "queue-team-digests": {
    aboutPerson: false,
    writes: true,
    run: (db, actor) => queueTeamDigests(db, actor, () => new Date("2026-06-29T12:00:00Z")),
  },
  "list-levels": {
    aboutPerson: false,
    writes: false,
    prepare: levelFor,
    run: (db, actor) => listLevels(db, actor),
  },
  "create-level": {
    aboutPerson: false,
    writes: true,
    run: (db, actor) => createLevel(db, actor, { name: "Silver", threshold: 1500, grantPoints: 100 }),
  },
  "update-level": {
    aboutPerson: false,
    writes: true,
    prepare: levelFor,
    run: (db, actor, refs) =>
      updateLevel(db, actor, { levelId: refs.levelId, name: "Silver", threshold: 1500, grantPoints: null }),
  },
  "remove-level": {
    aboutPerson: false,
    writes: true,
    prepare: levelFor,
    run: (db, actor, refs) => removeLevel(db, actor, { levelId: refs.levelId }),
  },
  "set-level-window": {
    aboutPerson: false,
    writes: true,
    run: (db, actor) => setLevelWindow(db, actor, { window: "all_time" }),
  },
  "award-due-levels": {
    aboutPerson: false,
    writes: true,
    prepare: levelFor,
    run: (db, actor) => awardDueLevels(db, actor, {}, now),
  },
  // Birthdays on, and the person's birthday is the matrix's day.
  "celebrate-due-occasions": {
    aboutPerson: false,
    writes: true,
    prepare: async (db, chart, person) => {
      await db.execute(sql`update organizations set birthday_points = 20 where id = ${chart.org.id}::uuid`);
      await db.execute(sql`update people set birthday = '1990-06-15'
        where org_id = ${chart.org.id}::uuid and id = ${person.id}::uuid`);
      return {};
    },
    run: (db, actor) => celebrateDueOccasions(db, actor, now),
  },
  "count-unread": { aboutPerson: false, writes: false, run: (db, actor) => countUnread(db, actor) },
  "list-inbox": {
    aboutPerson: false,
    writes: false,
    // Something in everyone's inbox: a spot award to each person a column acts as.
    prepare: async (db, chart) => {
      const everyone = [chart.admin, chart.employee, chart.manager, chart.finance].map((person) => person.id);
      await grantPoints(
        db,
        chart.admin.actor,
        { recipientIds: everyone, amount: 5, message: "Thanks, everyone", idempotencyKey: key() },
        now,
      );
      return {};
    },
    run: (db, actor) => listInbox(db, actor),
  },
  // Moves the person's own "seen" mark, which no other org's or person's rows show.
  "mark-inbox-read": { aboutPerson: false, writes: false, run: (db, actor) => markInboxRead(db, actor, now) },
  "grant-points": {
    aboutPerson: true,
    writes: true,
    run: (db, actor, refs) =>
      grantPoints(
        db,
        actor,
        { recipientIds: [refs.personId], amount: 10, message: "Spot award", idempotencyKey: key() },
        now,
      ),
  },
  "set-monthly-allowance": {
    aboutPerson: true,
    writes: true,
    run: (db, actor, refs) =>
      setMonthlyAllowance(db, actor, { personIds: [refs.personId], monthlyAmount: 50 }, now),
  },
  "boost-allowance": {
    aboutPerson: true,
    writes: true,
    run: (db, actor, refs) =>
      boostAllowance(
        db,
        actor,
        { personId: refs.personId, amount: 10, reason: "Launch week", idempotencyKey: key() },
        now,
      ),
  },
  "get-balances": {
    aboutPerson: true,
    writes: false,
    run: (db, actor, refs) => getBalances(db, actor, { personId: refs.personId }, now),
  },
  "list-feed": {
    aboutPerson: false,
    writes: false,
    run: (db, actor) => listFeed(db, actor, { limit: 100 }),
  },
  "list-person-history": {
    aboutPerson: true,
    writes: false,
    run: (db, actor, refs) => listPersonHistory(db, actor, { personId: refs.personId, limit: 100 }),
  },
  "get-person-profile": {
    aboutPerson: true,
    writes: false,
    run: (db, actor, refs) => getPersonProfile(db, actor, { personId: refs.personId }, now),
  },
  "get-leaderboard": {
    aboutPerson: false,
    writes: false,
    run: (db, actor) => getLeaderboard(db, actor, { limit: 100 }, now),
  },
  "search-colleagues": {
    aboutPerson: false,
    writes: false,
    run: (db, actor) => searchColleagues(db, actor, { limit: 50 }),
  },
  "list-departments": {
    aboutPerson: false,
    writes: false,
    run: (db, actor) => listDepartments(db, actor),
  },
  "list-company-values": {
    aboutPerson: false,
    writes: false,
    run: (db, actor) => listCompanyValues(db, actor),
  },
  "get-display-names": {
    aboutPerson: false,
    writes: false,
    run: (db, actor, refs) => getDisplayNames(db, actor, { people: [refs.personId], values: [refs.valueId] }),
  },
  "get-giving-rules": {
    aboutPerson: false,
    writes: false,
    run: (db, actor) => getGivingRules(db, actor),
  },
  "list-team": {
    aboutPerson: false,
    writes: false,
    run: (db, actor) => listTeam(db, actor, { scope: "all" }, now),
  },
  "get-analytics": {
    aboutPerson: false,
    writes: false,
    run: (db, actor) => getAnalytics(db, actor, {}, now),
  },
  // Two days on, everyone counted has gone a day without recognition: the file names each of them.
  "export-analytics": {
    aboutPerson: false,
    writes: false,
    run: (db, actor) =>
      exportAnalytics(
        db,
        actor,
        { section: "not-recognised", days: 1 },
        () => new Date(NOW.getTime() + 2 * 86_400_000),
      ),
  },
  "summarise-analytics": {
    aboutPerson: false,
    writes: true,
    // A day on, the recognitions of the orgs are settled.
    run: (db, actor) => summariseAnalytics(db, actor, () => new Date(now().getTime() + 86_400_000)),
  },
  "get-person-details": {
    aboutPerson: true,
    writes: false,
    run: (db, actor, refs) => getPersonDetails(db, actor, { personId: refs.personId }),
  },
  "list-people": {
    aboutPerson: false,
    writes: false,
    run: (db, actor) => listPeople(db, actor, { limit: 200 }),
  },
  "import-people": {
    aboutPerson: false,
    writes: true,
    run: (db, actor, refs) =>
      importPeople(db, actor, { orgId: refs.orgId, csv: `name,email\r\nNew Hire,${refs.newEmail}\r\n` }, now),
  },
  "create-person": {
    aboutPerson: true,
    writes: true,
    run: (db, actor, refs) =>
      createPerson(db, actor, { name: "New Hire", email: refs.newEmail, managerId: refs.personId }, now),
  },
  "upsert-person": {
    aboutPerson: true,
    writes: true,
    run: (db, actor, refs) =>
      upsertPerson(
        db,
        actor,
        { email: refs.newEmail, name: "New Hire", managerEmail: refs.personEmail },
        now,
      ),
  },
  "update-person": {
    aboutPerson: true,
    writes: true,
    run: (db, actor, refs) =>
      updatePerson(db, actor, { personId: refs.personId, department: "Research" }, now),
  },
  "deactivate-person": {
    aboutPerson: true,
    writes: true,
    run: (db, actor, refs) => deactivatePerson(db, actor, { personId: refs.personId }, now),
  },
  "erase-person": {
    aboutPerson: true,
    writes: true,
    run: (db, actor, refs) =>
      erasePerson(db, actor, { personId: refs.personId, confirmation: refs.personEmail }, now),
  },
  "reactivate-person": {
    aboutPerson: true,
    writes: true,
    prepare: async (db, chart, person) => {
      await deactivatePerson(db, chart.admin.actor, { personId: person.id }, now);
      return {};
    },
    run: (db, actor, refs) => reactivatePerson(db, actor, { personId: refs.personId }, now),
  },
  "list-spot-awards": {
    aboutPerson: false,
    writes: false,
    run: (db, actor) => listSpotAwards(db, actor, { limit: 50 }),
  },
  "get-org-settings": {
    aboutPerson: false,
    writes: false,
    run: (db, actor) => getOrgSettings(db, actor),
  },
  "update-org-settings": {
    aboutPerson: false,
    writes: true,
    run: (db, actor) => updateOrgSettings(db, actor, { defaultMonthlyAllowance: 150 }, now),
  },
  "list-value-usage": {
    aboutPerson: false,
    writes: false,
    run: (db, actor) => listValueUsage(db, actor),
  },
  "list-campaigns": {
    aboutPerson: false,
    writes: false,
    prepare: campaignFor,
    run: (db, actor) => listCampaigns(db, actor, {}, now),
  },
  "get-campaign": {
    aboutPerson: false,
    writes: false,
    prepare: campaignFor,
    run: (db, actor, refs) => getCampaign(db, actor, { campaignId: refs.campaignId }, now),
  },
  "create-campaign": {
    aboutPerson: false,
    writes: true,
    run: (db, actor) =>
      createCampaign(db, actor, { name: "Customer Week", startsOn: "2026-06-15", multiplier: 2 }, now),
  },
  "end-campaign": {
    aboutPerson: false,
    writes: true,
    prepare: campaignFor,
    run: (db, actor, refs) => endCampaign(db, actor, { campaignId: refs.campaignId }, now),
  },
  "create-company-value": {
    aboutPerson: false,
    writes: true,
    run: (db, actor) => createCompanyValue(db, actor, { name: "kindness" }),
  },
  "rename-company-value": {
    aboutPerson: false,
    writes: true,
    run: (db, actor, refs) => renameCompanyValue(db, actor, { valueId: refs.valueId, name: "renamed" }),
  },
  "retire-company-value": {
    aboutPerson: false,
    writes: true,
    run: (db, actor, refs) => retireCompanyValue(db, actor, { valueId: refs.valueId }, now),
  },
  "create-api-key": {
    aboutPerson: false,
    writes: true,
    run: (db, actor) => createApiKey(db, actor, { name: "Payroll export", scopes: ["people:read"] }, now),
  },
  "list-api-keys": {
    aboutPerson: false,
    writes: false,
    run: (db, actor) => listApiKeys(db, actor),
  },
  "revoke-api-key": {
    aboutPerson: false,
    writes: true,
    run: (db, actor, refs) => revokeApiKey(db, actor, { id: refs.apiKeyId }, now),
  },
  "save-slack-installation": {
    aboutPerson: false,
    writes: true,
    run: (db, actor, refs) =>
      saveSlackInstallation(
        db,
        actor,
        { orgId: refs.orgId, teamId: `T${randomUUID()}`, botUserId: "UBOT", botToken: "xoxb-matrix" },
        now,
      ),
  },
  "list-audit-log": {
    aboutPerson: false,
    writes: false,
    run: (db, actor) => listAuditLog(db, actor, { limit: 200 }),
  },
  "check-ledger": {
    aboutPerson: false,
    writes: false,
    run: (db, actor, refs) => checkLedger(db, actor, { orgId: refs.orgId }),
  },
  "create-organization": {
    aboutPerson: false,
    writes: true,
    run: (db, actor, refs) =>
      createOrganization(db, actor, {
        name: "Another company",
        slug: `t-${randomUUID().slice(0, 12)}`,
        admin: { name: "Ada", email: refs.newEmail },
      }),
  },
  "get-demo-seed-status": {
    aboutPerson: false,
    writes: false,
    run: (db, actor, refs) => getDemoSeedStatus(db, actor, { slug: "acme", adminEmail: refs.personEmail }),
  },
  "mark-demo-seeded": {
    aboutPerson: false,
    writes: true,
    run: (db, actor, refs) => markDemoSeeded(db, actor, { orgId: refs.orgId, people: 1, recognitions: 0 }),
  },
  "list-reward-catalog": {
    aboutPerson: false,
    writes: false,
    prepare: states.customReward,
    run: (db, actor) => listRewardCatalog(db, actor),
  },
  "get-reward-offer": {
    aboutPerson: false,
    writes: false,
    prepare: states.customReward,
    run: (db, actor, refs) => getRewardOffer(db, actor, { customRewardId: refs.customRewardId }),
  },
  "get-reward-settings": {
    aboutPerson: false,
    writes: false,
    prepare: states.synced,
    run: (db, actor) => getRewardSettings(db, actor),
  },
  "update-reward-settings": {
    aboutPerson: false,
    writes: true,
    run: (db, actor) =>
      updateRewardSettings(db, actor, { redemptionsEnabled: true, approvalThreshold: 500 }, now),
  },
  "test-provider-connection": {
    aboutPerson: false,
    writes: false,
    prepare: states.unsynced,
    run: (db, actor) => testProviderConnection(db, actor, {}, deps()),
  },
  "sync-reward-catalog": {
    aboutPerson: false,
    writes: true,
    prepare: states.unsynced,
    run: (db, actor) => syncRewardCatalog(db, actor, deps()),
  },
  "create-custom-reward": {
    aboutPerson: false,
    writes: true,
    run: (db, actor) => createCustomReward(db, actor, { name: "Extra day off", pointsPrice: 500 }, now),
  },
  "update-custom-reward": {
    aboutPerson: false,
    writes: true,
    prepare: states.customReward,
    run: (db, actor, refs) =>
      updateCustomReward(
        db,
        actor,
        { customRewardId: refs.customRewardId, name: "Mug", pointsPrice: 40 },
        now,
      ),
  },
  "list-custom-rewards": {
    aboutPerson: false,
    writes: false,
    prepare: states.customReward,
    run: (db, actor) => listCustomRewards(db, actor),
  },
  "request-redemption": {
    aboutPerson: true,
    writes: true,
    prepare: states.earner,
    run: (db, actor, refs) =>
      requestRedemption(
        db,
        actor,
        { ...STARBUCKS_5, personId: refs.personId, idempotencyKey: key() },
        deps(),
      ),
  },
  "list-redemptions": {
    aboutPerson: true,
    writes: false,
    prepare: states.awaitingFulfilment,
    run: (db, actor, refs) => listRedemptions(db, actor, { personId: refs.personId }),
  },
  "get-redemption": {
    aboutPerson: true,
    writes: false,
    prepare: states.awaitingFulfilment,
    run: (db, actor, refs) => getRedemption(db, actor, { redemptionId: refs.redemptionId }),
  },
  "approve-redemption": {
    aboutPerson: true,
    writes: true,
    prepare: states.awaitingApproval,
    run: (db, actor, refs) => approveRedemption(db, actor, { redemptionId: refs.redemptionId }, deps()),
  },
  "decline-redemption": {
    aboutPerson: true,
    writes: true,
    prepare: states.awaitingApproval,
    run: (db, actor, refs) =>
      declineRedemption(
        db,
        actor,
        { redemptionId: refs.redemptionId, reason: "Over budget" },
        { clock: now },
      ),
  },
  "fulfil-redemption": {
    aboutPerson: true,
    writes: true,
    prepare: states.awaitingFulfilment,
    run: (db, actor, refs) =>
      fulfilRedemption(db, actor, { redemptionId: refs.redemptionId }, { clock: now }),
  },
  "fail-redemption": {
    aboutPerson: true,
    writes: true,
    prepare: states.awaitingFulfilment,
    run: (db, actor, refs) =>
      failRedemption(db, actor, { redemptionId: refs.redemptionId, reason: "Sold out" }, { clock: now }),
  },
  "retry-redemption": {
    aboutPerson: true,
    writes: true,
    prepare: states.awaitingFunds,
    run: (db, actor, refs) => retryRedemption(db, actor, { redemptionId: refs.redemptionId }, deps()),
  },
  "resend-reward": {
    aboutPerson: true,
    writes: true,
    prepare: states.deliveryFailed,
    run: (db, actor, refs) =>
      resendReward(db, actor, { redemptionId: refs.redemptionId, email: refs.newEmail }, deps()),
  },
  "cancel-reward": {
    aboutPerson: true,
    writes: true,
    prepare: states.deliveryFailed,
    run: (db, actor, refs) => cancelReward(db, actor, { redemptionId: refs.redemptionId }, deps()),
  },
  "advance-redemption": {
    aboutPerson: false,
    writes: true,
    prepare: states.awaitingFunds,
    run: (db, actor, refs) => advanceRedemption(db, actor, { redemptionId: refs.redemptionId }, later()),
  },
  "run-due-redemptions": {
    aboutPerson: false,
    writes: true,
    prepare: states.awaitingFunds,
    run: (db, actor) => runDueRedemptions(db, actor, {}, later()),
  },
  "list-webhook-keys": {
    aboutPerson: false,
    writes: false,
    run: (db, actor) => listWebhookKeys(db, actor),
  },
  "get-operations-figures": {
    aboutPerson: false,
    writes: false,
    run: (db, actor) => getOperationsFigures(db, actor, now),
  },
  "sync-due-catalogs": {
    aboutPerson: false,
    writes: true,
    prepare: states.fulfilledCard,
    // A day after the org's catalog was synced, it is due again.
    run: (db, actor) =>
      syncDueCatalogs(db, actor, rewards.deps({ clock: () => new Date(NOW.getTime() + 25 * 60 * 60_000) })),
  },
  "record-provider-webhook": {
    aboutPerson: false,
    writes: true,
    prepare: states.fulfilledCard,
    run: (db, actor, refs) =>
      recordProviderWebhook(
        db,
        actor,
        {
          provider: "sandbox",
          event: {
            uuid: randomUUID(),
            event: "ORDERS.CREATED",
            createdAt: NOW.toISOString(),
            resource: { type: "orders", id: refs.providerOrderId },
          },
        },
        { clock: now },
      ),
  },
  "claim-notifications": {
    aboutPerson: false,
    writes: true,
    prepare: states.queuedNotice,
    // Notices are due from when they were queued, by the real clock.
    run: (db, actor) => claimNotifications(db, actor, {}, () => new Date(Date.now() + 60_000)),
  },
  "finish-notification": {
    aboutPerson: false,
    writes: true,
    prepare: states.queuedNotice,
    run: (db, actor, refs) =>
      finishNotification(db, actor, { id: Number(refs.notificationId), outcome: "sent", attempts: 1 }, now),
  },
  "count-redemption-queues": {
    aboutPerson: false,
    writes: false,
    run: (db, actor) => countRedemptionQueues(db, actor),
  },
  "list-bills": {
    aboutPerson: false,
    writes: false,
    prepare: bills.billWithLines,
    run: (db, actor) => listBills(db, actor),
  },
  "get-bill": {
    aboutPerson: false,
    writes: false,
    prepare: bills.billWithLines,
    run: (db, actor, refs) => getBill(db, actor, { period: refs.period }),
  },
  // Exporting a closed bill is recorded in the audit log: a read that writes. The file is read to its end.
  "export-bill": {
    aboutPerson: false,
    writes: true,
    prepare: bills.closedBill,
    run: async (db, actor, refs) => {
      const file = await exportBill(db, actor, { period: refs.period, format: "csv" });
      return { ...file, chunks: await collect(file.chunks) };
    },
  },
  "get-payroll": {
    aboutPerson: false,
    writes: false,
    prepare: bills.billWithLines,
    run: (db, actor, refs) => getPayroll(db, actor, { period: refs.period }),
  },
  "close-bill": {
    aboutPerson: false,
    writes: true,
    prepare: bills.billWithLines,
    run: (db, actor, refs) => closeBill(db, actor, { period: refs.period }, now),
  },
  "close-due-bills": {
    aboutPerson: false,
    writes: true,
    prepare: bills.billWithLines,
    run: (db, actor) => closeDueBills(db, actor, now),
  },
  "summarise-ledger-hours": {
    aboutPerson: false,
    writes: true,
    // Two days on, the days the orgs posted on are settled and due.
    run: (db, actor) => summariseLedgerHours(db, actor, () => new Date(now().getTime() + 2 * 86_400_000)),
  },
  "get-billing-settings": {
    aboutPerson: false,
    writes: false,
    run: (db, actor) => getBillingSettings(db, actor),
  },
  "update-billing-settings": {
    aboutPerson: false,
    writes: true,
    run: (db, actor) => updateBillingSettings(db, actor, { closeAfterDays: 10, numberPrefix: "MATRIX" }, now),
  },
  "get-liability": {
    aboutPerson: false,
    writes: false,
    run: (db, actor) => getLiability(db, actor, {}, now),
  },
  "get-roll-forward": {
    aboutPerson: false,
    writes: false,
    run: (db, actor) => getRollForward(db, actor, { month: "2026-06" }, now),
  },
  "get-finance-trends": {
    aboutPerson: false,
    writes: false,
    run: (db, actor) => getFinanceTrends(db, actor, now),
  },
  // Deletes counters of every org's people and keys, so only the deployment may, and writes nothing an
  // org owns: its success shows as nothing changed in either org.
  "purge-rate-limits": {
    aboutPerson: false,
    writes: false,
    run: (db, actor) => purgeRateLimits(db, actor, now),
  },
} satisfies Record<string, UseCase>;

type UseCaseName = keyof typeof USE_CASES;

interface Column {
  actor: string;
  /** Whom the call is about, for the title of a use case that takes a person or another org's ids. */
  about: string;
  /** The actor of org A (or of `otherOrg`) and the person of A the call is about. */
  pick: (chart: OrgChart, otherOrg: OrgChart) => { actor: Actor; person: TestPerson };
  otherOrg?: true;
}

const COLUMNS = [
  {
    actor: "an employee",
    about: "on a colleague",
    pick: (c) => ({ actor: c.employee.actor, person: c.colleague }),
  },
  {
    actor: "an employee",
    about: "on themself",
    pick: (c) => ({ actor: c.employee.actor, person: c.employee }),
  },
  {
    actor: "a manager",
    about: "on someone outside their line",
    pick: (c) => ({ actor: c.manager.actor, person: c.colleague }),
  },
  {
    actor: "a manager",
    about: "on a direct report",
    pick: (c) => ({ actor: c.manager.actor, person: c.directReport }),
  },
  {
    actor: "a manager",
    about: "on an indirect report",
    pick: (c) => ({ actor: c.manager.actor, person: c.indirectReport }),
  },
  { actor: "a manager", about: "on themself", pick: (c) => ({ actor: c.manager.actor, person: c.manager }) },
  {
    actor: "an admin",
    about: "on a colleague",
    pick: (c) => ({ actor: c.admin.actor, person: c.colleague }),
  },
  {
    actor: "a finance person",
    about: "on a colleague",
    pick: (c) => ({ actor: c.finance.actor, person: c.colleague }),
  },
  // The org's own work: background work, the CLI's reads, provider webhooks. API keys, which are system
  // actors limited to their scopes, have their own table below.
  {
    actor: "the org's own system",
    about: "on a colleague",
    pick: (c) => ({ actor: c.org.system, person: c.colleague }),
  },
  {
    actor: "an admin of another org",
    about: "with this org's ids",
    pick: (c, other) => ({ actor: other.admin.actor, person: c.colleague }),
    otherOrg: true,
  },
] as const satisfies readonly Column[];

/** `n/a`: the input names no person (relation columns) or no id of the org (the other org's admin). */
type Outcome = "allowed" | DomainErrorCode | "n/a";
/** One outcome per column; a generic, so that the mapping keeps the tuple's length. */
type OutcomePer<Columns extends readonly unknown[]> = { readonly [Index in keyof Columns]: Outcome };
type Row = OutcomePer<typeof COLUMNS>;

// A cell is `ok` (allowed), `no` (forbidden), `nf` (not_found), `na` (not applicable) or the code of
// another refusal the use case must give.
const ok = "allowed";
const no = "forbidden";
const nf = "not_found";
const na = "n/a";

// biome-ignore format: the matrix reads as a table
const EXPECTED: Record<UseCaseName, Row> = {
  //                        employee on                manager on                                                               org's own
  //                        colleague    themself      outsider    direct  indirect  themself      admin  finance  system   other org's admin
  "give-points":           [ok,          "self_give",  ok,         ok,     ok,       "self_give",  ok,    ok,      ok,      "recipient_not_found"],
  "add-to-recognition":    [ok,          "self_give",  ok,         ok,     ok,       "self_give",  ok,    ok,      no,      nf],
  "react-to-recognition":  [ok,          ok,           ok,         ok,     ok,       ok,           ok,    ok,      no,      nf],
  "comment-on-recognition": [ok,         ok,           ok,         ok,     ok,       ok,           ok,    ok,      no,      nf],
  "list-recognition-comments": [ok,      ok,           ok,         ok,     ok,       ok,           ok,    ok,      ok,      nf],
  "record-slack-announcement": [no,      no,           no,         no,     no,       no,           no,    no,      ok,      no],
  // Another org's ids find nothing, exactly like ids that exist nowhere.
  "edit-slack-reply":      [no,          na,           no,         na,     na,       na,           no,    no,      ok,      na],
  "remove-slack-reply":    [no,          na,           no,         na,     na,       na,           no,    no,      ok,      na],
  "find-announced-recognition": [ok,     ok,           ok,         ok,     ok,       ok,           ok,    ok,      ok,      ok],
  "find-slack-thread":     [ok,          ok,           ok,         ok,     ok,       ok,           ok,    ok,      ok,      ok],
  "get-notification-preferences": [ok,   na,           ok,         na,     na,       na,           ok,    ok,      no,      na],
  "update-notification-preferences": [ok, na,          ok,         na,     na,       na,           ok,    ok,      no,      na],
  "queue-allowance-reminders": [no,      na,           no,         na,     na,       na,           no,    no,      ok,      na],
  "queue-team-digests":    [no,          na,           no,         na,     na,       na,           no,    no,      ok,      na],
  // Levels belong to the org's settings: its admins set them.
  "list-levels":           [no,          na,           no,         na,     na,       na,           ok,    no,      no,      na],
  "create-level":          [no,          na,           no,         na,     na,       na,           ok,    no,      no,      na],
  "update-level":          [no,          na,           no,         na,     na,       na,           ok,    no,      no,      nf],
  "remove-level":          [no,          na,           no,         na,     na,       na,           ok,    no,      no,      nf],
  "set-level-window":      [no,          na,           no,         na,     na,       na,           ok,    no,      no,      na],
  "award-due-levels":      [no,          na,           no,         na,     na,       na,           no,    no,      ok,      na],
  "celebrate-due-occasions": [no,        na,           no,         na,     na,       na,           no,    no,      ok,      na],
  "count-unread":          [ok,          na,           ok,         na,     na,       na,           ok,    ok,      no,      na],
  "list-inbox":            [ok,          na,           ok,         na,     na,       na,           ok,    ok,      no,      na],
  "mark-inbox-read":       [ok,          na,           ok,         na,     na,       na,           ok,    ok,      no,      na],
  "grant-points":          [no,          no,           no,         no,     no,       no,           ok,    no,      ok,      nf],
  "set-monthly-allowance": [no,          no,           no,         ok,     ok,       no,           ok,    no,      no,      nf],
  "boost-allowance":       [no,          no,           no,         ok,     ok,       no,           ok,    no,      no,      nf],
  "get-balances":          [no,          ok,           no,         ok,     ok,       ok,           ok,    ok,      ok,      nf],
  "list-feed":             [ok,          na,           ok,         na,     na,       na,           ok,    ok,      ok,      na],
  "list-person-history":   [ok,          ok,           ok,         ok,     ok,       ok,           ok,    ok,      ok,      nf],
  "get-person-profile":    [ok,          ok,           ok,         ok,     ok,       ok,           ok,    ok,      ok,      nf],
  "get-leaderboard":       [ok,          na,           ok,         na,     na,       na,           ok,    ok,      ok,      na],
  "search-colleagues":     [ok,          na,           ok,         na,     na,       na,           ok,    ok,      ok,      na],
  "list-departments":      [ok,          na,           ok,         na,     na,       na,           ok,    ok,      ok,      na],
  "list-company-values":   [ok,          na,           ok,         na,     na,       na,           ok,    ok,      ok,      na],
  // Ids of another org are left out of the answer exactly like ids that exist nowhere.
  "get-display-names":     [ok,          na,           ok,         na,     na,       na,           ok,    ok,      ok,      ok],
  "get-giving-rules":      [ok,          na,           ok,         na,     na,       na,           ok,    ok,      ok,      na],
  "list-team":             [no,          na,           ok,         na,     na,       na,           ok,    no,      no,      na],
  "get-analytics":         [no,          na,           ok,         na,     na,       na,           ok,    no,      no,      na],
  "export-analytics":      [no,          na,           ok,         na,     na,       na,           ok,    no,      no,      na],
  "summarise-analytics":   [no,          na,           no,         na,     na,       na,           no,    no,      ok,      na],
  "get-person-details":    [no,          no,           no,         no,     no,       no,           ok,    no,      ok,      nf],
  "list-people":           [no,          na,           no,         na,     na,       na,           ok,    no,      ok,      na],
  // Naming another org (or one that doesn't exist) in `orgId` is refused before anything is looked up.
  "import-people":         [no,          na,           no,         na,     na,       na,           ok,    no,      ok,      no],
  "create-person":         [no,          no,           no,         no,     no,       no,           ok,    no,      ok,      nf],
  "upsert-person":         [no,          no,           no,         no,     no,       no,           ok,    no,      ok,      nf],
  "update-person":         [no,          no,           no,         no,     no,       no,           ok,    no,      ok,      nf],
  "deactivate-person":     [no,          no,           no,         no,     no,       no,           ok,    no,      ok,      nf],
  // Erasure can't be undone: an admin (or the operator, from the CLI), never an API key.
  "erase-person":          [no,          no,           no,         no,     no,       no,           ok,    no,      no,      nf],
  "reactivate-person":     [no,          no,           no,         no,     no,       no,           ok,    no,      ok,      nf],
  "list-spot-awards":      [no,          na,           no,         na,     na,       na,           ok,    no,      ok,      na],
  "get-org-settings":      [no,          na,           no,         na,     na,       na,           ok,    no,      no,      na],
  "update-org-settings":   [no,          na,           no,         na,     na,       na,           ok,    no,      no,      na],
  "list-value-usage":      [no,          na,           no,         na,     na,       na,           ok,    no,      no,      na],
  "list-campaigns":        [ok,          na,           ok,         na,     na,       na,           ok,    ok,      ok,      na],
  "get-campaign":          [ok,          na,           ok,         na,     na,       na,           ok,    ok,      ok,      nf],
  "create-campaign":       [no,          na,           no,         na,     na,       na,           ok,    no,      no,      na],
  "end-campaign":          [no,          na,           no,         na,     na,       na,           ok,    no,      no,      nf],
  "create-company-value":  [no,          na,           no,         na,     na,       na,           ok,    no,      no,      na],
  "rename-company-value":  [no,          na,           no,         na,     na,       na,           ok,    no,      no,      nf],
  "retire-company-value":  [no,          na,           no,         na,     na,       na,           ok,    no,      no,      nf],
  "create-api-key":        [no,          na,           no,         na,     na,       na,           ok,    no,      no,      na],
  "list-api-keys":         [no,          na,           no,         na,     na,       na,           ok,    no,      no,      na],
  "revoke-api-key":        [no,          na,           no,         na,     na,       na,           ok,    no,      no,      nf],
  // Naming another org (or one that doesn't exist) in `orgId` is refused like import-people.
  "save-slack-installation": [no,        na,           no,         na,     na,       na,           ok,    no,      no,      no],
  "list-audit-log":        [no,          na,           no,         na,     na,       na,           ok,    no,      no,      na],
  // Any orgId in the input is ignored for everyone but the operator: the other org's admin checks their own.
  "check-ledger":          [no,          na,           no,         na,     na,       na,           ok,    ok,      no,      ok],
  "create-organization":   [no,          na,           no,         na,     na,       na,           no,    no,      no,      na],
  // The demo seed is the operator's: nobody in an org reads its state or marks it done.
  "get-demo-seed-status":  [no,          na,           no,         na,     na,       na,           no,    no,      no,      na],
  "mark-demo-seeded":      [no,          na,           no,         na,     na,       na,           no,    no,      no,      na],
  "list-reward-catalog":   [ok,          na,           ok,         na,     na,       na,           ok,    ok,      ok,      na],
  "get-reward-offer":      [ok,          na,           ok,         na,     na,       na,           ok,    ok,      ok,      nf],
  "get-reward-settings":   [no,          na,           no,         na,     na,       na,           ok,    no,      no,      na],
  "update-reward-settings": [no,         na,           no,         na,     na,       na,           ok,    no,      no,      na],
  "test-provider-connection": [no,       na,           no,         na,     na,       na,           ok,    no,      no,      na],
  // Background work refreshes every org's catalog daily, as the org's system.
  "sync-reward-catalog":   [no,          na,           no,         na,     na,       na,           ok,    no,      ok,      na],
  "create-custom-reward":  [no,          na,           no,         na,     na,       na,           ok,    no,      no,      na],
  "update-custom-reward":  [no,          na,           no,         na,     na,       na,           ok,    no,      no,      nf],
  "list-custom-rewards":   [no,          na,           no,         na,     na,       na,           ok,    no,      no,      na],
  // Everyone redeems their own points; only an API key names whose (the other org's admin too is refused
  // for naming someone else, before anything is looked up).
  "request-redemption":    [no,          ok,           no,         no,     no,       ok,           no,    no,      ok,      no],
  // A manager sees none of their reports' redemptions; another org's admin finds none of this org's.
  "list-redemptions":      [no,          ok,           no,         no,     no,       ok,           ok,    ok,      ok,      ok],
  // Someone else's redemption doesn't exist for whoever may not read it, exactly as another org's.
  "get-redemption":        [nf,          ok,           nf,         nf,     nf,       ok,           ok,    ok,      ok,      nf],
  "approve-redemption":    [no,          no,           no,         no,     no,       no,           ok,    no,      no,      nf],
  "decline-redemption":    [no,          no,           no,         no,     no,       no,           ok,    no,      no,      nf],
  "fulfil-redemption":     [no,          no,           no,         no,     no,       no,           ok,    no,      no,      nf],
  "fail-redemption":       [no,          no,           no,         no,     no,       no,           ok,    no,      no,      nf],
  "retry-redemption":      [no,          no,           no,         no,     no,       no,           ok,    no,      no,      nf],
  "resend-reward":         [no,          no,           no,         no,     no,       no,           ok,    no,      no,      nf],
  "cancel-reward":         [no,          no,           no,         no,     no,       no,           ok,    no,      no,      nf],
  // Background work: the deployment, or an org's system in its own org; never a person.
  "advance-redemption":    [no,          na,           no,         na,     na,       na,           no,    no,      ok,      no],
  "run-due-redemptions":   [no,          na,           no,         na,     na,       na,           no,    no,      ok,      na],
  // The webhook route's own read, as the deployment: no org's key reads any org's webhook keys.
  "list-webhook-keys":     [no,          na,           no,         na,     na,       na,           no,    no,      no,      na],
  // The deployment's metrics read across every org: no org's actor reads them.
  "get-operations-figures": [no,         na,           no,         na,     na,       na,           no,    no,      no,      na],
  "sync-due-catalogs":     [no,          na,           no,         na,     na,       na,           no,    no,      ok,      na],
  "record-provider-webhook": [no,        na,           no,         na,     na,       na,           no,    no,      ok,      no],
  "claim-notifications":   [no,          na,           no,         na,     na,       na,           no,    no,      ok,      na],
  "finish-notification":   [no,          na,           no,         na,     na,       na,           no,    no,      ok,      no],
  "count-redemption-queues": [no,        na,           no,         na,     na,       na,           ok,    no,      no,      na],
  // Finance: its bills, files and figures are finance's and the admins' (an API key reads them too);
  // another org's month is a bill that doesn't exist.
  "list-bills":            [no,          na,           no,         na,     na,       na,           ok,    ok,      ok,      na],
  "get-bill":              [no,          na,           no,         na,     na,       na,           ok,    ok,      ok,      nf],
  "export-bill":           [no,          na,           no,         na,     na,       na,           ok,    ok,      ok,      nf],
  "get-payroll":           [no,          na,           no,         na,     na,       na,           ok,    ok,      ok,      nf],
  "close-bill":            [no,          na,           no,         na,     na,       na,           ok,    ok,      no,      nf],
  // Background work closes due bills; finance closes a month by hand with close-bill.
  "close-due-bills":       [no,          na,           no,         na,     na,       na,           no,    no,      ok,      na],
  // Background work summarises the ledger's days ahead of the liability; reading it summarises too.
  "summarise-ledger-hours": [no,          na,           no,         na,     na,       na,           no,    no,      ok,      na],
  "get-billing-settings":  [no,          na,           no,         na,     na,       na,           ok,    ok,      no,      na],
  "update-billing-settings": [no,        na,           no,         na,     na,       na,           ok,    ok,      no,      na],
  "get-liability":         [no,          na,           no,         na,     na,       na,           ok,    ok,      ok,      na],
  "get-roll-forward":      [no,          na,           no,         na,     na,       na,           ok,    ok,      ok,      na],
  "get-finance-trends":    [no,          na,           no,         na,     na,       na,           ok,    ok,      ok,      na],
  "purge-rate-limits":     [no,          na,           no,         na,     na,       na,           no,    no,      no,      na],
};

/** Files of core/ that authorise but are not use cases: the permission table and helpers use cases call. */
const NOT_USE_CASES = [
  "permissions",
  "target-authorization",
  "redemption-decision",
  "privileged-roles",
  "allowance-ceiling",
  "inbox-query",
];
/**
 * How a file authorises: itself, through a helper that does (an admin's decision on a redemption), or
 * by refusing whoever `can` not (a redemption someone else may not read is not found).
 */
const AUTHORISES = /\b(authorize(ForPeople)?|decideOn(Redemption|FailedDelivery)|can)\(/;

interface Case {
  title: string;
  name: UseCaseName;
  column: Column;
  expected: Exclude<Outcome, "n/a">;
}

function casesOf(name: UseCaseName): Case[] {
  return COLUMNS.flatMap((column: Column, index) => {
    const expected = EXPECTED[name][index];
    if (expected === undefined || expected === na) return [];
    const about = USE_CASES[name].aboutPerson || column.otherOrg ? `, ${column.about}` : "";
    return [{ title: `${name} as ${column.actor}${about}`, name, column, expected }];
  });
}

/** What a use case names once `prepare` has put the person into the state it acts on. */
async function preparedRefs(
  db: Database,
  useCase: UseCase,
  chart: OrgChart,
  person: TestPerson,
): Promise<Refs> {
  const prepared = await useCase.prepare?.(db, chart, person);
  return {
    orgId: chart.org.id,
    personId: person.id,
    personEmail: chart.emailOf(person),
    giverId: chart.employee.id,
    valueId: chart.valueId,
    apiKeyId: chart.apiKeyId,
    newEmail: `new-${randomUUID()}@${chart.org.slug}.test`,
    recognitionId: randomUUID(),
    campaignId: randomUUID(),
    levelId: randomUUID(),
    ...nowhereRewards(),
    period: NO_BILL_PERIOD,
    ...prepared,
  };
}

/** Ids of rewards of no org, for the inputs a use case does not name. */
function nowhereRewards(): RewardRefs {
  return {
    redemptionId: randomUUID(),
    customRewardId: randomUUID(),
    providerOrderId: `NOWHERE${randomUUID().slice(0, 5).toUpperCase()}`,
    notificationId: String(2 ** 40 + Math.floor(Math.random() * 1e6)),
  };
}

/** A month no org of the matrix has a bill for. */
const NO_BILL_PERIOD = "1999-01";

/** Refs to nothing in any org: what another org's ids must be indistinguishable from. */
function nowhereRefs(): Refs {
  return {
    orgId: randomUUID(),
    personId: randomUUID(),
    personEmail: `nobody-${randomUUID()}@nowhere.test`,
    giverId: randomUUID(),
    valueId: randomUUID(),
    apiKeyId: randomUUID(),
    newEmail: `new-${randomUUID()}@nowhere.test`,
    recognitionId: randomUUID(),
    campaignId: randomUUID(),
    levelId: randomUUID(),
    ...nowhereRewards(),
    period: NO_BILL_PERIOD,
  };
}

describe("the authorisation matrix", () => {
  let otherOrg: OrgChart;
  beforeAll(async () => {
    const { db } = await database();
    otherOrg = await createOrgChart(db, NOW);
  });

  it("has a row for exactly the use cases of core/ that authorise their actor", async () => {
    const core = path.resolve(import.meta.dirname, "../../core");
    const authorising: string[] = [];
    for (const file of await readdir(core, { recursive: true })) {
      if (!file.endsWith(".ts")) continue;
      const source = await readFile(path.join(core, file), "utf8");
      if (AUTHORISES.test(source)) authorising.push(path.basename(file, ".ts"));
    }
    const useCases = authorising.filter((name) => !NOT_USE_CASES.includes(name));
    expect(useCases.sort()).toEqual(Object.keys(USE_CASES).sort());
  });

  describe.each(Object.keys(USE_CASES) as UseCaseName[])("%s", (name) => {
    const useCase: UseCase = USE_CASES[name];
    let chart: OrgChart;
    beforeAll(async () => {
      const { db } = await database();
      chart = await createOrgChart(db, NOW);
    });

    it.each(casesOf(name).map((each) => [`${each.title}: ${each.expected}`, each] as const))(
      "%s",
      (_, { title, column, expected }) =>
        naming(title, async () => {
          const { db } = await database();
          const org = expected === ok && useCase.writes ? await createOrgChart(db, NOW) : chart;
          const { actor, person } = column.pick(org, otherOrg);
          const refs = await preparedRefs(db, useCase, org, person);
          const call = () => useCase.run(db, actor, refs);
          const outcome =
            expected === ok
              ? await expectAllowed(db, [org.org.id, otherOrg.org.id], useCase.writes, call)
              : await expectRefused(db, [org.org.id, otherOrg.org.id], expected, call);
          if (column.otherOrg) {
            const nowhere = nowhereRefs();
            const elsewhere = await settle(() => useCase.run(db, actor, nowhere));
            expect(asSeenBy(outcome, refs), "this org's ids look exactly like ids of nothing").toEqual(
              asSeenBy(elsewhere, nowhere),
            );
          }
        }),
    );
  });
});

/**
 * The scope dimension: the one scope that lets an API key run each use case (null: no key may, whatever
 * its scopes). A key is the org's system actor carrying its scopes; the permission table says which
 * action each scope grants, and this table says what that means use case by use case.
 */
// biome-ignore format: the table reads as a list
const KEY_SCOPE: Record<UseCaseName, ApiScope | null> = {
  "give-points": "recognitions:write",    "grant-points": null,                     "set-monthly-allowance": null,
  "add-to-recognition": null,             "react-to-recognition": null,
  "comment-on-recognition": null,         "list-recognition-comments": "recognitions:read",
  "edit-slack-reply": null,              "remove-slack-reply": null,
  "record-slack-announcement": null,      "find-announced-recognition": null,       "find-slack-thread": null,
  "get-notification-preferences": null,  "update-notification-preferences": null,
  "queue-allowance-reminders": null,     "queue-team-digests": null,           "celebrate-due-occasions": null,
  "count-unread": null,                   "list-inbox": null,                       "mark-inbox-read": null,
  "boost-allowance": null,                "get-balances": "recognitions:read",      "list-feed": "recognitions:read",
  "list-person-history": null,            "get-person-profile": null,               "get-leaderboard": null,
  "search-colleagues": null,              "list-departments": "recognitions:read",  "list-company-values": "recognitions:read",
  "get-display-names": "recognitions:read", "get-giving-rules": "recognitions:write", "list-team": null,
  "get-analytics": null,                  "export-analytics": null,                 "summarise-analytics": null,
  "get-person-details": "people:read",    "list-people": "people:read",             "import-people": "people:write",
  "create-person": "people:write",        "upsert-person": "people:write",          "update-person": "people:write",
  "deactivate-person": "people:write",    "reactivate-person": "people:write",      "list-spot-awards": null,
  "get-org-settings": null,               "update-org-settings": null,              "list-value-usage": null,
  "list-campaigns": null,                 "get-campaign": null,
  "create-campaign": null,                "end-campaign": null,
  "create-company-value": null,           "rename-company-value": null,             "retire-company-value": null,
  "create-api-key": null,                 "list-api-keys": null,                    "revoke-api-key": null,
  "save-slack-installation": null,        "list-audit-log": null,                   "check-ledger": null,
  "create-organization": null,            "get-demo-seed-status": null,             "mark-demo-seeded": null,
  "list-reward-catalog": "rewards:read",  "get-reward-offer": "rewards:read",       "get-reward-settings": null,
  "update-reward-settings": null,         "test-provider-connection": null,         "sync-reward-catalog": null,
  "create-custom-reward": null,           "update-custom-reward": null,             "list-custom-rewards": null,
  "request-redemption": "rewards:write",  "list-redemptions": "rewards:read",       "get-redemption": "rewards:read",
  "approve-redemption": null,             "decline-redemption": null,               "fulfil-redemption": null,
  "fail-redemption": null,                "retry-redemption": null,                 "resend-reward": null,
  "cancel-reward": null,                  "advance-redemption": null,               "run-due-redemptions": null,
  "list-webhook-keys": null,              "sync-due-catalogs": null,                "record-provider-webhook": null,
  "claim-notifications": null,            "finish-notification": null,              "count-redemption-queues": null,
  "list-bills": "finance:read",           "get-bill": "finance:read",               "export-bill": "finance:read",
  "get-payroll": "finance:read",          "close-bill": null,                       "close-due-bills": null,
  "get-billing-settings": null,           "update-billing-settings": null,          "get-liability": "finance:read",
  "get-roll-forward": "finance:read",     "get-finance-trends": "finance:read",     "purge-rate-limits": null,
  "erase-person": null,                   "summarise-ledger-hours": null,
  "get-operations-figures": null,         "list-levels": null,                      "create-level": null,
  "update-level": null,                   "remove-level": null,                     "set-level-window": null,
  "award-due-levels": null,
};

/** How a key without the scope is refused, where it isn't `forbidden`. */
const KEY_REFUSAL: Partial<Record<UseCaseName, DomainErrorCode>> = {
  // Someone else's redemption doesn't exist for whoever may not read it.
  "get-redemption": nf,
};

/** The org's API key with exactly these scopes. */
function keyOf(chart: OrgChart, scopes: readonly ApiScope[]): Actor {
  return { kind: "system", orgId: chart.org.id, apiKey: { id: chart.apiKeyId, scopes } };
}

describe("the authorisation matrix's scope dimension: an API key", () => {
  describe.each(Object.keys(USE_CASES) as UseCaseName[])("%s", (name) => {
    const useCase: UseCase = USE_CASES[name];
    const scope = KEY_SCOPE[name];
    let chart: OrgChart;
    let otherOrg: OrgChart;
    beforeAll(async () => {
      const { db } = await database();
      chart = await createOrgChart(db, NOW);
      otherOrg = await createOrgChart(db, NOW);
    });

    /** The key acting on a colleague of its org, as the org's system column does. */
    async function callAs(scopes: readonly ApiScope[], fresh: boolean) {
      const { db } = await database();
      const org = fresh ? await createOrgChart(db, NOW) : chart;
      const refs = await preparedRefs(db, useCase, org, org.colleague);
      return { db, org, call: () => useCase.run(db, keyOf(org, scopes), refs) };
    }

    if (scope) {
      it(`runs with only ${scope}`, () =>
        naming(`${name} with only ${scope}`, async () => {
          const { db, org, call } = await callAs([scope], useCase.writes);
          await expectAllowed(db, [org.org.id, otherOrg.org.id], useCase.writes, call);
        }));
    }

    const others = API_SCOPES.filter((other) => other !== scope);
    it(`is refused with ${scope ? `every scope but ${scope}` : "every scope"}, writing nothing`, () =>
      naming(`${name} with ${others.join(", ")}`, async () => {
        const { db, org, call } = await callAs(others, false);
        await expectRefused(db, [org.org.id, otherOrg.org.id], KEY_REFUSAL[name] ?? no, call);
      }));
  });
});

/**
 * Reads whose answer names no row of the org: its giving rules, a clean ledger's empty list, its reward
 * settings (switches and the provider's products), what the provider answered a connection test, counts,
 * its billing settings, a month's roll-forward and the finance trends (figures only), an inbox's unread
 * count and the marking of it read, a person's reminder and digest choices.
 */
const READS_SHOWING_NO_ROWS: UseCaseName[] = [
  "count-unread",
  "get-notification-preferences",
  "update-notification-preferences",
  "edit-slack-reply",
  "mark-inbox-read",
  "get-giving-rules",
  "check-ledger",
  "get-reward-settings",
  "test-provider-connection",
  "count-redemption-queues",
  "get-billing-settings",
  "get-roll-forward",
  "get-finance-trends",
];

/** Everything that identifies an org's rows in an answer: row ids, and the slug in names and emails. */
async function markersOf(db: Database, chart: OrgChart): Promise<string[]> {
  const orgId = chart.org.id;
  const rows = await db.execute<{ id: string }>(sql`
    select id::text from people where org_id = ${orgId}::uuid
    union all select id::text from recognitions where org_id = ${orgId}::uuid
    union all select id::text from company_values where org_id = ${orgId}::uuid
    union all select id::text from api_keys where org_id = ${orgId}::uuid
    union all select id::text from custom_rewards where org_id = ${orgId}::uuid
    union all select id::text from redemptions where org_id = ${orgId}::uuid
    union all select id::text from bills where org_id = ${orgId}::uuid
    union all select id::text from campaigns where org_id = ${orgId}::uuid
    union all select id::text from levels where org_id = ${orgId}::uuid`);
  return [orgId, chart.org.slug, ...rows.map((row) => row.id)];
}

describe("every use case scoped to the actor's org", () => {
  let orgA: OrgChart;
  let orgB: OrgChart;
  beforeAll(async () => {
    const { db } = await database();
    orgA = await createOrgChart(db, NOW);
    orgB = await createOrgChart(db, NOW);
  });

  const reads = (Object.keys(USE_CASES) as UseCaseName[]).filter(
    (name) => !USE_CASES[name].writes && !READS_SHOWING_NO_ROWS.includes(name),
  );
  const cases = reads.flatMap((name) =>
    casesOf(name).filter((each) => each.expected === ok && !each.column.otherOrg),
  );

  // Run both ways, each org prepared alike first: each org's answer showing its own rows proves both hold
  // rows of the kind this read shows.
  it.each(cases.map((each) => [each.title, each] as const))(
    "%s shows its own org's rows and none of another's",
    (_, { title, name, column }) =>
      naming(title, async () => {
        const { db } = await database();
        const useCase: UseCase = USE_CASES[name];
        const pairs = [
          [orgA, orgB],
          [orgB, orgA],
        ] as const;
        const calls = [];
        for (const [own, other] of pairs) {
          const { actor, person } = column.pick(own, other);
          calls.push({ actor, refs: await preparedRefs(db, useCase, own, person) });
        }
        for (const [index, [own, other]] of pairs.entries()) {
          const { actor, refs } = defined(calls[index]);
          const shown = JSON.stringify(await useCase.run(db, actor, refs));
          expect(
            (await markersOf(db, other)).filter((marker) => shown.includes(marker)),
            "rows of another org",
          ).toEqual([]);
          expect(
            (await markersOf(db, own)).some((marker) => shown.includes(marker)),
            "rows of its own org",
          ).toBe(true);
        }
      }),
  );
});
