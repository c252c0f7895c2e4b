import { and, asc, eq, like } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { celebrateDueOccasions } from "../../core/celebrations/celebrate-due-occasions";
import { updateNotificationPreferences } from "../../core/nudges/update-notification-preferences";
import type { Database } from "../../db/client";
import { notifications, people } from "../../db/schema";
import { deliverNotifications } from "../../slack/notifications/deliver-notifications";
import { type FakeSlack, startFakeSlack } from "../../testing/fake-slack";
import { workerDatabase } from "../support/database";
import { createTestOrg, type TestOrg } from "../support/factories";
import { NOTICE_APP_URL, prepareNoticeSending } from "../support/notice-sending";
import { connectSlackWorkspace, linkSlackUser } from "../support/slack-workspace";

const database = workerDatabase();
let slack: FakeSlack;

const APP = NOTICE_APP_URL;
const CHANNEL = "C0CELEBRATE";
const DAY = () => new Date("2026-06-15T09:00:00Z");

beforeAll(async () => {
  slack = await startFakeSlack();
});
afterAll(() => slack.close());
beforeEach(async () => {
  await prepareNoticeSending((await database()).db, slack.url, "celebration-notices");
});
afterEach(() => {
  vi.unstubAllEnvs();
});

async function birthdayPerson(db: Database, org: TestOrg, name: string) {
  const person = await org.addPerson({ name });
  await db
    .update(people)
    .set({ birthday: "1990-06-15" })
    .where(and(eq(people.orgId, org.id), eq(people.id, person.id)));
  return person;
}

const posts = (channel: string) =>
  slack.callsTo("chat.postMessage").filter((call) => call.args.channel === channel);

function outcomes(db: Database, org: TestOrg) {
  return db
    .select({ kind: notifications.kind, outcome: notifications.outcome })
    .from(notifications)
    .where(and(eq(notifications.orgId, org.id), like(notifications.kind, "celebration.%")))
    .orderBy(asc(notifications.id));
}

describe("a celebration in Slack", () => {
  it("is posted in the celebration channel with a mention, and wished to the person by direct message", async () => {
    const { db } = await database();
    const org = await createTestOrg(db, { timeZone: "UTC", birthdayPoints: 50, celebrationChannel: CHANNEL });
    const teamId = await connectSlackWorkspace(db, org);
    const ana = await birthdayPerson(db, org, "Ana");
    const anaSlack = await linkSlackUser(db, teamId, ana.id);
    // Cy never used Slack: the channel still hears of the birthday, by name, through the org's workspace.
    await birthdayPerson(db, org, "Cy");
    expect((await celebrateDueOccasions(db, org.system, DAY)).celebrated).toBe(2);

    expect(await deliverNotifications(db)).toEqual({ sent: 3, skipped: 1, failed: 0 });
    expect(posts(CHANNEL).map((call) => call.args.text)).toEqual(
      expect.arrayContaining([
        `:birthday: Happy birthday, <@${anaSlack}>! 50 pts · $5.00 from the company.`,
        ":birthday: Happy birthday, *Cy*! 50 pts · $5.00 from the company.",
      ]),
    );
    expect(posts(`D${anaSlack}`).map((call) => call.args.text)).toEqual([
      `:birthday: Happy birthday! The company gave you 50 pts · $5.00 to celebrate. <${APP}/history|See it in Plaudit>`,
    ]);
    expect((await outcomes(db, org)).map((row) => row.outcome)).toEqual(
      expect.arrayContaining([
        "sent",
        "skipped: The person has no Slack account linked: they haven't used Plaudit from Slack.",
      ]),
    );
    expect(await deliverNotifications(db)).toEqual({ sent: 0, skipped: 0, failed: 0 });
  });

  it("of someone who keeps it private is a direct message only", async () => {
    const { db } = await database();
    const channel = "C0PRIVATE1";
    const org = await createTestOrg(db, { timeZone: "UTC", birthdayPoints: 50, celebrationChannel: channel });
    const teamId = await connectSlackWorkspace(db, org);
    const ana = await birthdayPerson(db, org, "Ana");
    const anaSlack = await linkSlackUser(db, teamId, ana.id);
    await updateNotificationPreferences(db, ana.actor, { publicCelebrations: false });
    await celebrateDueOccasions(db, org.system, DAY);

    expect(await deliverNotifications(db)).toEqual({ sent: 1, skipped: 0, failed: 0 });
    expect(posts(channel)).toEqual([]);
    expect(posts(`D${anaSlack}`).map((call) => call.args.text)).toEqual([
      [
        `:birthday: Happy birthday! The company gave you 50 pts · $5.00 to celebrate. <${APP}/history|See it in Plaudit>`,
        `You keep your celebrations private, so only you see this one. <${APP}/settings|Change that in Settings>`,
      ].join("\n"),
    ]);
  });

  it("says why a channel post was skipped when Plaudit isn't in the channel", async () => {
    const { db } = await database();
    const channel = "C0CLOSED01";
    const org = await createTestOrg(db, { timeZone: "UTC", birthdayPoints: 50, celebrationChannel: channel });
    await connectSlackWorkspace(db, org);
    await birthdayPerson(db, org, "Ana");
    await celebrateDueOccasions(db, org.system, DAY);
    slack.failNext("chat.postMessage", "not_in_channel");

    expect(await deliverNotifications(db)).toEqual({ sent: 0, skipped: 2, failed: 0 });
    expect(await outcomes(db, org)).toEqual([
      {
        kind: "celebration.direct",
        outcome: "skipped: The person has no Slack account linked: they haven't used Plaudit from Slack.",
      },
      {
        kind: "celebration.channel",
        outcome:
          "skipped: Plaudit can't post in the celebration channel (not_in_channel): invite it, or check the channel ID.",
      },
    ]);
  });
});
