import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { grantPoints } from "../../core/giving/grant-points";
import { awardDueLevels } from "../../core/levels/award-due-levels";
import { createLevel } from "../../core/levels/create-level";
import type { Database } from "../../db/client";
import { deliverNotifications } from "../../slack/notifications/deliver-notifications";
import { type FakeSlack, startFakeSlack } from "../../testing/fake-slack";
import { workerDatabase } from "../support/database";
import { createTestOrg, key } from "../support/factories";
import { NOTICE_APP_URL, prepareNoticeSending } from "../support/notice-sending";
import { connectSlackWorkspace, linkSlackUser } from "../support/slack-workspace";

const database = workerDatabase();
let slack: FakeSlack;
const APP = NOTICE_APP_URL;

beforeAll(async () => {
  slack = await startFakeSlack();
});
afterAll(() => slack.close());
beforeEach(async () => {
  await prepareNoticeSending((await database()).db, slack.url, "levels-test");
});
afterEach(() => {
  vi.unstubAllEnvs();
});

async function silverReached(db: Database, settings: { celebrationChannel?: string }) {
  const org = await createTestOrg(db, settings);
  const teamId = await connectSlackWorkspace(db, org);
  const ana = await org.addPerson({ name: "Ana <Lima>" });
  const slackUser = await linkSlackUser(db, teamId, ana.id);
  await createLevel(db, org.admin.actor, { name: "Silver", threshold: 1500, grantPoints: 200 });
  await grantPoints(db, org.admin.actor, {
    recipientIds: [ana.id],
    amount: 1500,
    message: "Spot award",
    idempotencyKey: key(),
  });
  await awardDueLevels(db, org.system);
  return { ana, slackUser };
}

const postsTo = (channel: string) =>
  slack.callsTo("chat.postMessage").filter((call) => call.args.channel === channel);

describe("a level reached, in Slack", () => {
  it("is a direct message to the person with the grant's value, and a post in the celebration channel", async () => {
    const { db } = await database();
    const { ana, slackUser } = await silverReached(db, { celebrationChannel: "CLEVELS" });
    expect(await deliverNotifications(db)).toMatchObject({ sent: 2, failed: 0 });
    expect(postsTo(`D${slackUser}`).map((call) => call.args.text)).toEqual([
      [
        ":trophy: You reached *Silver*! It's for the recognition your colleagues gave you.",
        "The company added 200 pts · $20.00 to your earned balance.",
        `<${APP}/people/${ana.id}|See your profile>`,
      ].join("\n"),
    ]);
    expect(postsTo("CLEVELS").map((call) => call.args.text)).toEqual([
      `:trophy: <${APP}/people/${ana.id}|Ana &lt;Lima&gt;> reached *Silver*! Congratulations!`,
    ]);
    expect(await deliverNotifications(db)).toMatchObject({ sent: 0 });
  });

  it("is only the direct message when the org has no celebration channel", async () => {
    const { db } = await database();
    const { slackUser } = await silverReached(db, {});
    expect(await deliverNotifications(db)).toMatchObject({ sent: 1, failed: 0 });
    expect(postsTo(`D${slackUser}`)).toHaveLength(1);
  });
});
