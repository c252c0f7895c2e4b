import { asc, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createCustomReward } from "../../core/rewards/create-custom-reward";
import { declineRedemption } from "../../core/rewards/decline-redemption";
import { requestRedemption } from "../../core/rewards/request-redemption";
import type { Database } from "../../db/client";
import { notifications } from "../../db/schema";
import { type DeliveryTally, deliverNotifications } from "../../slack/notifications/deliver-notifications";
import { type FakeSlack, type SlackCall, startFakeSlack } from "../../testing/fake-slack";
import { defined } from "../support/assertions";
import { workerDatabase } from "../support/database";
import { createTestOrg, key, type TestOrg, type TestPerson } from "../support/factories";
import { NOTICE_APP_URL, prepareNoticeSending } from "../support/notice-sending";
import { sandboxProviderFixture } from "../support/provider-sandbox";
import { earn, openRewards, sandboxDeps } from "../support/rewards";
import { connectSlackWorkspace, linkSlackUser, newSlackId } from "../support/slack-workspace";

const database = workerDatabase();
const provider = sandboxProviderFixture();
let slack: FakeSlack;

const APP = NOTICE_APP_URL;

beforeAll(async () => {
  slack = await startFakeSlack();
});
afterAll(() => slack.close());

beforeEach(async () => {
  slack.setOutage(null);
  await prepareNoticeSending((await database()).db, slack.url, "slack-notifications");
});
afterEach(() => {
  vi.unstubAllEnvs();
});

const NOTHING: DeliveryTally = { sent: 0, skipped: 0, failed: 0 };
const STARBUCKS = "SBUXUS000001";

/** An org whose rewards are open on the sandbox; its own Slack workspace installed the app, unless told not to. */
async function rewardsOrg(db: Database, { installed = true } = {}) {
  const org = await createTestOrg(db);
  await openRewards(db, org, sandboxDeps(provider));
  const teamId = installed ? await connectSlackWorkspace(db, org) : newSlackId("T");
  return { org, teamId, token: `xoxb-${teamId}` };
}

/** A $25 Starbucks card, redeemed and fulfilled at once by the sandbox: its notice is queued. */
async function fulfilledGiftCard(db: Database, org: TestOrg, person: TestPerson) {
  await earn(db, org, person, 1000);
  const { redemption } = await requestRedemption(
    db,
    person.actor,
    { productId: STARBUCKS, faceValueMinor: 2500, idempotencyKey: key() },
    sandboxDeps(provider),
  );
  expect(redemption.status).toBe("fulfilled");
  return redemption;
}

/** A custom reward that waits for approval, asked for by `person`: every active admin is to be told. */
async function awaitingApproval(db: Database, org: TestOrg, person: TestPerson, points = 5000) {
  const reward = await createCustomReward(db, org.admin.actor, {
    name: "Team lunch",
    pointsPrice: points,
    requiresApproval: true,
  });
  await earn(db, org, person, points);
  const { redemption } = await requestRedemption(
    db,
    person.actor,
    { customRewardId: reward.id, idempotencyKey: key() },
    sandboxDeps(provider),
  );
  expect(redemption.status).toBe("awaiting_approval");
  return redemption;
}

/** The direct messages posted to a Slack user (the fake opens `D<user>` as their channel). */
function dmsTo(userId: string): SlackCall[] {
  return slack.callsTo("chat.postMessage").filter((call) => call.args.channel === `D${userId}`);
}

function noticesOf(db: Database, orgId: string) {
  return db.select().from(notifications).where(eq(notifications.orgId, orgId)).orderBy(asc(notifications.id));
}

async function linkedPerson(db: Database, org: TestOrg, teamId: string, name: string) {
  const person = await org.addPerson({ name });
  return { person, slackUser: await linkSlackUser(db, teamId, person.id) };
}

// ---------------------------------------------------------------------------------------------------

describe("Slack notices of redemptions", () => {
  it("sends a fulfilled redemption's notice as one direct message, with its value and a link to it", async () => {
    const { db } = await database();
    const { org, teamId, token } = await rewardsOrg(db);
    const { person: ana, slackUser } = await linkedPerson(db, org, teamId, "Ana");
    const redemption = await fulfilledGiftCard(db, org, ana);

    expect(await deliverNotifications(db)).toEqual({ ...NOTHING, sent: 1 });

    const opened = slack.callsTo("conversations.open").filter((call) => call.args.users === slackUser);
    expect(opened.map((call) => call.token)).toEqual([token]);
    const [dm, ...more] = dmsTo(slackUser);
    expect(more).toEqual([]);
    expect(defined(dm).token).toBe(token);
    expect(defined(dm).args.text).toBe(
      `Your redemption went through: *Starbucks gift card* for 250 pts · $25.00. <${APP}/rewards/redemptions/${redemption.id}|Open it in Plaudit>`,
    );
    const [notice] = await noticesOf(db, org.id);
    expect(notice).toMatchObject({
      personId: ana.id,
      kind: "redemption.fulfilled",
      outcome: "sent",
      attempts: 1,
    });
    expect(defined(notice).doneAt).not.toBeNull();

    expect(await deliverNotifications(db)).toEqual(NOTHING);
    expect(dmsTo(slackUser)).toHaveLength(1);
  });

  it("skips, saying why, a person without Slack, one Slack can't reach, and everyone when Slack is off", async () => {
    const { db } = await database();
    const { org, teamId } = await rewardsOrg(db);
    const ben = await org.addPerson({ name: "Ben" });
    const { person: cam, slackUser: camSlack } = await linkedPerson(db, org, teamId, "Cam");
    await fulfilledGiftCard(db, org, ben);
    await fulfilledGiftCard(db, org, cam);
    slack.failNext("conversations.open", "user_not_found");

    expect(await deliverNotifications(db)).toEqual({ ...NOTHING, skipped: 2 });
    expect((await noticesOf(db, org.id)).map(({ personId, outcome }) => ({ personId, outcome }))).toEqual([
      {
        personId: ben.id,
        outcome: "skipped: The person has no Slack account linked: they haven't used Plaudit from Slack.",
      },
      { personId: cam.id, outcome: "skipped: Slack can't send this person a message (user_not_found)." },
    ]);
    expect(dmsTo(camSlack)).toEqual([]);

    vi.stubEnv("SLACK_SIGNING_SECRET", undefined);
    const { person: dee, slackUser: deeSlack } = await linkedPerson(db, org, teamId, "Dee");
    await fulfilledGiftCard(db, org, dee);
    const callsBefore = slack.calls.length;
    expect(await deliverNotifications(db)).toEqual({ ...NOTHING, skipped: 1 });
    expect((await noticesOf(db, org.id)).at(-1)?.outcome).toBe(
      "skipped: Slack is not set up in this deployment (SLACK_SIGNING_SECRET is unset).",
    );
    expect(slack.calls.length).toBe(callsBefore);
    expect(dmsTo(deeSlack)).toEqual([]);
  });

  it("fails while Slack is down or rate limited, is tried again later, and is sent once when it is back", async () => {
    const { db } = await database();
    const { org, teamId } = await rewardsOrg(db);
    const { person: ana, slackUser } = await linkedPerson(db, org, teamId, "Ana");
    await fulfilledGiftCard(db, org, ana);
    const opens = () => slack.callsTo("conversations.open").filter((call) => call.args.users === slackUser);

    slack.setOutage(500);
    const start = Date.now();
    expect(await deliverNotifications(db)).toEqual({ ...NOTHING, failed: 1 });
    const [down] = await noticesOf(db, org.id);
    expect(down).toMatchObject({ doneAt: null, attempts: 1 });
    expect(defined(down).outcome).toMatch(/^failed: .*500/);
    expect(defined(down).outcome).not.toContain("xoxb-");
    // Due again 30 s later, on core's schedule; until then a pass leaves it alone.
    const due = defined(down).nextAttemptAt.getTime();
    expect(due).toBeGreaterThanOrEqual(start + 30_000);
    expect(due).toBeLessThanOrEqual(Date.now() + 30_000);
    expect(await deliverNotifications(db)).toEqual(NOTHING);
    // One try per pass: the worker's client does not retry on its own.
    expect(opens()).toHaveLength(1);

    slack.setOutage(429);
    const later = () => new Date(due + 1_000);
    expect(await deliverNotifications(db, { clock: later })).toEqual({ ...NOTHING, failed: 1 });
    const [limited] = await noticesOf(db, org.id);
    expect(limited).toMatchObject({ doneAt: null, attempts: 2 });
    expect(defined(limited).outcome).toMatch(/^failed: .*rate.?limit/i);

    slack.setOutage(null);
    const back = () => new Date(defined(limited).nextAttemptAt.getTime() + 1_000);
    expect(await deliverNotifications(db, { clock: back })).toEqual({ ...NOTHING, sent: 1 });
    expect(dmsTo(slackUser)).toHaveLength(1);
    expect(opens()).toHaveLength(3);
    expect(await noticesOf(db, org.id)).toMatchObject([{ outcome: "sent", attempts: 3 }]);
    expect(await deliverNotifications(db, { clock: back })).toEqual(NOTHING);
  });

  it("asks every active admin to approve, each once, saying who asks, for what and its value", async () => {
    const { db } = await database();
    const { org, teamId } = await rewardsOrg(db);
    const adminSlack = await linkSlackUser(db, teamId, org.admin.id);
    const second = await org.addPerson({ name: "Second Admin", roles: ["employee", "admin"] });
    const secondSlack = await linkSlackUser(db, teamId, second.id);
    const third = await org.addPerson({ name: "Third Admin", roles: ["employee", "admin"] });
    const gone = await org.addPerson({ name: "Gone Admin", roles: ["employee", "admin"], active: false });
    const goneSlack = await linkSlackUser(db, teamId, gone.id);
    const { person: ana, slackUser: anaSlack } = await linkedPerson(db, org, teamId, "Ana");
    await awaitingApproval(db, org, ana);

    expect(await deliverNotifications(db)).toEqual({ ...NOTHING, sent: 2, skipped: 1 });

    const asked = `Ana asks to redeem 5,000 pts · $500.00 for *Team lunch*. <${APP}/admin/rewards/approvals|Review it in Plaudit>`;
    for (const admin of [adminSlack, secondSlack]) {
      expect(dmsTo(admin).map((call) => call.args.text)).toEqual([asked]);
    }
    expect(dmsTo(goneSlack)).toEqual([]);
    expect(dmsTo(anaSlack)).toEqual([]);
    const byPerson = new Map(
      (await noticesOf(db, org.id)).map((notice) => [notice.personId, notice.outcome]),
    );
    expect(byPerson.get(third.id)).toMatch(/^skipped: The person has no Slack account/);
    expect(byPerson.has(gone.id)).toBe(false);
  });

  it("never sends a notice twice when two senders work at once", async () => {
    const { db } = await database();
    const { org, teamId } = await rewardsOrg(db);
    const admins = await org.addPeople(11, { roles: ["employee", "admin"] });
    const adminSlack = await Promise.all(
      [org.admin, ...admins].map((admin) => linkSlackUser(db, teamId, admin.id)),
    );
    await awaitingApproval(db, org, await org.addPerson({ name: "Ana" }));

    const sender = async () => {
      let sent = 0;
      for (;;) {
        const tally = await deliverNotifications(db, { limit: 2 });
        if (tally.sent + tally.skipped + tally.failed === 0) return sent;
        sent += tally.sent;
      }
    };
    const [first, second] = await Promise.all([sender(), sender()]);

    expect(first + second).toBe(12);
    for (const admin of adminSlack) expect(dmsTo(admin)).toHaveLength(1);
    expect(await noticesOf(db, org.id)).toHaveLength(12);
    for (const notice of await noticesOf(db, org.id))
      expect(notice).toMatchObject({ outcome: "sent", attempts: 1 });
  });

  it("uses the one workspace's bot token for the org SLACK_ORG names, and skips other orgs' notices", async () => {
    const { db } = await database();
    const ours = await rewardsOrg(db, { installed: false });
    const theirs = await rewardsOrg(db, { installed: false });
    vi.stubEnv("SLACK_BOT_TOKEN", "xoxb-single-workspace");
    vi.stubEnv("SLACK_ORG", ours.org.slug);
    const { person: ana, slackUser } = await linkedPerson(db, ours.org, ours.teamId, "Ana");
    const redemption = await awaitingApproval(db, ours.org, ana, 300);
    await declineRedemption(db, ours.org.admin.actor, {
      redemptionId: redemption.id,
      reason: "Lunches are <paused> until Q3.",
    });
    const { person: eve, slackUser: eveSlack } = await linkedPerson(db, theirs.org, theirs.teamId, "Eve");
    await fulfilledGiftCard(db, theirs.org, eve);
    const callsBefore = slack.calls.length;

    // Ana's notice is sent; the admin (not in Slack) and Eve, of another org, are skipped.
    expect(await deliverNotifications(db)).toEqual({ ...NOTHING, sent: 1, skipped: 2 });

    expect(dmsTo(slackUser).map((call) => call.args.text)).toEqual([
      [
        "An admin declined your redemption of *Team lunch* (300 pts · $30.00), and the points are back in your balance.",
        ">Lunches are &lt;paused&gt; until Q3.",
        `<${APP}/rewards/redemptions/${redemption.id}|See it in Plaudit>`,
      ].join("\n"),
    ]);
    expect(new Set(slack.calls.slice(callsBefore).map((call) => call.token))).toEqual(
      new Set(["xoxb-single-workspace"]),
    );
    expect(dmsTo(eveSlack)).toEqual([]);
    const [eveNotice] = await noticesOf(db, theirs.org.id);
    expect(defined(eveNotice).outcome).toBe(
      `skipped: Slack workspace ${theirs.teamId} belongs to another organization here.`,
    );
  });

  it("starts no notice when its claim's lease is running out, and leaves the rest for the next claim", async () => {
    const { db } = await database();
    const { org, teamId } = await rewardsOrg(db);
    const adminSlack = await Promise.all(
      [org.admin, ...(await org.addPeople(2, { roles: ["employee", "admin"] }))].map((admin) =>
        linkSlackUser(db, teamId, admin.id),
      ),
    );
    await awaitingApproval(db, org, await org.addPerson({ name: "Ana" }));
    const start = Date.now();
    const sentBefore = slack.callsTo("chat.postMessage").length;
    // Slack takes 50 s over the first message: too long to start another before the 60 s lease ends.
    const slowSlack = () =>
      new Date(start + (slack.callsTo("chat.postMessage").length > sentBefore ? 50_000 : 0));

    expect(await deliverNotifications(db, { clock: slowSlack })).toEqual({ ...NOTHING, sent: 1 });

    const left = (await noticesOf(db, org.id)).filter((notice) => notice.doneAt === null);
    expect(left).toHaveLength(2);
    for (const notice of left) {
      expect(notice).toMatchObject({ attempts: 1, outcome: null });
      expect(notice.nextAttemptAt.getTime()).toBe(start + 60_000);
    }
    expect(await deliverNotifications(db, { clock: () => new Date(start + 30_000) })).toEqual(NOTHING);
    expect(await deliverNotifications(db, { clock: () => new Date(start + 60_000) })).toEqual({
      ...NOTHING,
      sent: 2,
    });
    for (const admin of adminSlack) expect(dmsTo(admin)).toHaveLength(1);
  });
});
