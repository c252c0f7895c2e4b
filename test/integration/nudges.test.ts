import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { queueAllowanceReminders } from "../../core/nudges/queue-allowance-reminders";
import { queueTeamDigests } from "../../core/nudges/queue-team-digests";
import { updateNotificationPreferences } from "../../core/nudges/update-notification-preferences";
import { deactivatePerson } from "../../core/people/deactivate-person";
import type { Actor } from "../../core/shared/actor";
import type { Database } from "../../db/client";
import { expectDomainError } from "../support/assertions";
import { workerDatabase } from "../support/database";
import { createTestOrg, type TestOrg } from "../support/factories";
import { giveAt } from "../support/giving";

const database = workerDatabase();

const at = (iso: string) => () => new Date(iso);

async function noticesOf(db: Database, org: TestOrg, kind: string) {
  return db.execute<{ person_id: string; dedupe_key: string; payload: Record<string, unknown> }>(sql`
    select person_id, dedupe_key, payload from notifications
    where org_id = ${org.id}::uuid and kind = ${kind} order by dedupe_key`);
}

/** Los Angeles: 10:00 on Nov 27 2026, three days before the month's last day, is 18:00 UTC. */
async function reminderOrg(db: Database) {
  const org = await createTestOrg(db, { timeZone: "America/Los_Angeles", defaultMonthlyAllowance: 100 });
  const ana = await org.addPerson({ name: "Ana" });
  const spent = await org.addPerson({ name: "Ben" });
  const quiet = await org.addPerson({ name: "Cleo" });
  const leaver = await org.addPerson({ name: "Dan" });
  await org.addPerson({ name: "Standup bot", isBot: true });
  await giveAt(db, spent, [ana], 100, { at: "2026-11-20T18:00:00Z" });
  await updateNotificationPreferences(db, quiet.actor, { allowanceReminders: false });
  await deactivatePerson(db, org.admin.actor, { personId: leaver.id });
  return { org, ana, spent, quiet, leaver };
}

describe("month-end reminders", () => {
  it("go from 10:00 three days before month end to each active person with allowance left, once", async () => {
    const { db } = await database();
    const { org, ana } = await reminderOrg(db);
    expect(await queueAllowanceReminders(db, org.system, at("2026-11-27T17:59:00Z"))).toEqual({ queued: 0 });
    expect(await queueAllowanceReminders(db, org.system, at("2026-11-27T18:00:00Z"))).toEqual({ queued: 2 });
    expect(await queueAllowanceReminders(db, org.system, at("2026-11-29T12:00:00Z"))).toEqual({ queued: 0 });
    const notices = await noticesOf(db, org, "nudge.allowance_left");
    expect(notices.map((notice) => notice.person_id).sort()).toEqual([org.admin.id, ana.id].sort());
    expect(notices.find((notice) => notice.person_id === ana.id)).toMatchObject({
      dedupe_key: `nudge:allowance:2026-11:${ana.id}`,
      payload: { left: 100, until: "2026-11-30", pointValue: { points: 10, minor: 100, currency: "USD" } },
    });
  });

  it("catch up until the month ends after a pass was missed, and start again the next month", async () => {
    const { db } = await database();
    const { org } = await reminderOrg(db);
    // Down from the 26th until 23:00 on the 30th, local time.
    expect(await queueAllowanceReminders(db, org.system, at("2026-12-01T07:00:00Z"))).toEqual({ queued: 2 });
    // December 1st, local: November is over, December's reminder is weeks away.
    expect(await queueAllowanceReminders(db, org.system, at("2026-12-01T09:00:00Z"))).toEqual({ queued: 0 });
    // Ben gave all of November's allowance; December's is whole.
    expect(await queueAllowanceReminders(db, org.system, at("2026-12-28T18:00:00Z"))).toEqual({ queued: 3 });
    const keys = (await noticesOf(db, org, "nudge.allowance_left")).map((notice) => notice.dedupe_key);
    expect(keys.filter((key) => key.startsWith("nudge:allowance:2026-11:"))).toHaveLength(2);
    expect(keys.filter((key) => key.startsWith("nudge:allowance:2026-12:"))).toHaveLength(3);
  });

  it("go once when several workers queue them at the same moment", async () => {
    const { db } = await database();
    const { org } = await reminderOrg(db);
    const passes = await Promise.all(
      Array.from({ length: 8 }, () => queueAllowanceReminders(db, org.system, at("2026-11-28T20:00:00Z"))),
    );
    expect(passes.reduce((sum, pass) => sum + pass.queued, 0)).toBe(2);
    expect(await noticesOf(db, org, "nudge.allowance_left")).toHaveLength(2);
  });

  it("follow each org's own time zone", async () => {
    const { db } = await database();
    const auckland = await createTestOrg(db, { timeZone: "Pacific/Auckland" });
    const { org: losAngeles } = await reminderOrg(db);
    // 10:00 on Nov 27 in Auckland (UTC+13) is 13:00 on Nov 26 in Los Angeles.
    const instant = at("2026-11-26T21:00:00Z");
    expect(await queueAllowanceReminders(db, auckland.system, instant)).toEqual({ queued: 1 });
    expect(await queueAllowanceReminders(db, losAngeles.system, instant)).toEqual({ queued: 0 });
  });
});

/** Mia manages Ana, Ben and Carl (who has left); Otto manages only a leaver. Monday Nov 30 2026, UTC. */
async function digestOrg(db: Database) {
  const org = await createTestOrg(db);
  const mia = await org.addPerson({ name: "Mia", roles: ["employee", "manager"] });
  const ana = await org.addPerson({ name: "Ana", managerId: mia.id });
  const ben = await org.addPerson({ name: "Ben", managerId: mia.id });
  const carl = await org.addPerson({ name: "Carl", managerId: mia.id });
  const otto = await org.addPerson({ name: "Otto", roles: ["employee", "manager"] });
  const gone = await org.addPerson({ name: "Gone", managerId: otto.id });
  const peer = await org.addPerson({ name: "Peer" });
  await giveAt(db, peer, [ana], 10, { at: "2026-11-27T12:00:00Z" });
  await giveAt(db, ben, [ana], 5, { at: "2026-11-29T12:00:00Z" });
  // Ben was thanked long ago: not in the past 30 days.
  await giveAt(db, peer, [ben], 7, { at: "2026-10-01T12:00:00Z" });
  for (const leaver of [carl, gone]) await deactivatePerson(db, org.admin.actor, { personId: leaver.id });
  return { org, mia, ana, ben, otto };
}

describe("weekly team digests", () => {
  it("go on Monday from 09:00 to managers of active people: the week's recognitions and who wasn't thanked", async () => {
    const { db } = await database();
    const { org, mia } = await digestOrg(db);
    expect(await queueTeamDigests(db, org.system, at("2026-11-30T08:59:00Z"))).toEqual({ queued: 0 });
    expect(await queueTeamDigests(db, org.system, at("2026-11-30T09:00:00Z"))).toEqual({ queued: 1 });
    expect(await queueTeamDigests(db, org.system, at("2026-12-04T16:00:00Z"))).toEqual({ queued: 0 });
    expect(await noticesOf(db, org, "digest.team_weekly")).toEqual([
      {
        person_id: mia.id,
        dedupe_key: `digest:team:2026-W49:${mia.id}`,
        payload: {
          week: "2026-W49",
          reports: 2,
          recognitions: 2,
          points: 15,
          notThanked: ["Ben"],
          pointValue: { points: 10, minor: 100, currency: "USD" },
        },
      },
    ]);
    // The next week's, from its Monday.
    expect(await queueTeamDigests(db, org.system, at("2026-12-07T10:00:00Z"))).toEqual({ queued: 1 });
  });

  it("stop for a manager who turned them off, and are theirs alone to turn off", async () => {
    const { db } = await database();
    const { org, mia, ana } = await digestOrg(db);
    expect(await updateNotificationPreferences(db, mia.actor, { teamDigest: false })).toMatchObject({
      teamDigest: false,
      hasReports: true,
    });
    expect(await queueTeamDigests(db, org.system, at("2026-11-30T09:00:00Z"))).toEqual({ queued: 0 });
    const preferences = await updateNotificationPreferences(db, ana.actor, { allowanceReminders: false });
    expect(preferences).toEqual({
      allowanceReminders: false,
      teamDigest: true,
      publicCelebrations: true,
      hasReports: false,
      slackLinked: false,
    });
    await expectDomainError(
      updateNotificationPreferences(db, org.system as Actor, { teamDigest: true }),
      "forbidden",
    );
    await expectDomainError(
      updateNotificationPreferences(db, ana.actor, { teamDigest: "no" } as never),
      "invalid",
    );
  });
});
