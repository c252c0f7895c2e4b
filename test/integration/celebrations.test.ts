import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { celebrateDueOccasions } from "../../core/celebrations/celebrate-due-occasions";
import { getLeaderboard } from "../../core/feed/get-leaderboard";
import { getPersonProfile } from "../../core/feed/get-person-profile";
import { listFeed } from "../../core/feed/list-feed";
import { listPersonHistory } from "../../core/feed/list-person-history";
import { reactToRecognition } from "../../core/feed/react-to-recognition";
import { getBalances } from "../../core/giving/get-balances";
import { updateNotificationPreferences } from "../../core/nudges/update-notification-preferences";
import { deactivatePerson } from "../../core/people/deactivate-person";
import { erasePerson } from "../../core/people/erase-person";
import type { Database } from "../../db/client";
import { people } from "../../db/schema";
import { expectDomainError, expectLedgerClean } from "../support/assertions";
import { workerDatabase } from "../support/database";
import { createTestOrg, type TestOrg, type TestPerson } from "../support/factories";

const database = workerDatabase();

const at = (iso: string) => () => new Date(iso);

const CELEBRATING = { birthdayPoints: 50, anniversaryPoints: 100, anniversaryPointsPerYear: 25 };

async function celebratingOrg(db: Database, settings: Parameters<typeof createTestOrg>[1] = {}) {
  return createTestOrg(db, { ...CELEBRATING, celebrationChannel: "C0CELEBRATE", ...settings });
}

async function withDates(
  db: Database,
  org: TestOrg,
  name: string,
  dates: { birthday?: string; hireDate?: string },
): Promise<TestPerson> {
  const person = await org.addPerson({ name });
  await db
    .update(people)
    .set(dates)
    .where(and(eq(people.orgId, org.id), eq(people.id, person.id)));
  return person;
}

type CelebrationRow = {
  person_id: string;
  occasion: string;
  year: number;
  celebrated_on: string;
  years: number | null;
  points: number;
};

async function celebrationsOf(db: Database, org: TestOrg) {
  return db.execute<CelebrationRow>(sql`
    select person_id, occasion, year, to_char(celebrated_on, 'YYYY-MM-DD') as celebrated_on, years, points
    from celebrations where org_id = ${org.id}::uuid order by celebrated_on, occasion, person_id`);
}

async function noticesOf(db: Database, org: TestOrg) {
  return db.execute<{
    person_id: string;
    kind: string;
    dedupe_key: string;
    payload: Record<string, unknown>;
  }>(sql`
    select person_id, kind, dedupe_key, payload from notifications
    where org_id = ${org.id}::uuid and kind like 'celebration.%' order by dedupe_key`);
}

async function grantsOf(db: Database, org: TestOrg) {
  return db.execute<{ idempotency_key: string; memo: string }>(sql`
    select idempotency_key, memo from ledger_transactions
    where org_id = ${org.id}::uuid and idempotency_key like 'celebration:%' order by idempotency_key`);
}

describe("celebrations in the org's time zone", () => {
  it("come at local midnight east of UTC (UTC+13) and west of it (UTC-10), not on the UTC day", async () => {
    const { db } = await database();
    const auckland = await celebratingOrg(db, { timeZone: "Pacific/Auckland" });
    const honolulu = await celebratingOrg(db, { timeZone: "Pacific/Honolulu" });
    const kiri = await withDates(db, auckland, "Kiri", { birthday: "1990-12-08" });
    const leilani = await withDates(db, honolulu, "Leilani", { birthday: "1991-12-08" });

    // 10:59 UTC on Dec 7 is 23:59 on Dec 7 in Auckland (NZDT, UTC+13).
    expect(await celebrateDueOccasions(db, auckland.system, at("2026-12-07T10:59:00Z"))).toEqual({
      celebrated: 0,
      errors: [],
    });
    expect((await celebrateDueOccasions(db, auckland.system, at("2026-12-07T11:00:00Z"))).celebrated).toBe(1);
    // Still Dec 7 in Honolulu (UTC-10) until 10:00 UTC on Dec 8, long after the UTC day began.
    expect((await celebrateDueOccasions(db, honolulu.system, at("2026-12-08T09:59:00Z"))).celebrated).toBe(0);
    expect((await celebrateDueOccasions(db, honolulu.system, at("2026-12-08T10:00:00Z"))).celebrated).toBe(1);

    expect(await celebrationsOf(db, auckland)).toEqual([
      {
        person_id: kiri.id,
        occasion: "birthday",
        year: 2026,
        celebrated_on: "2026-12-08",
        years: null,
        points: 50,
      },
    ]);
    expect(await celebrationsOf(db, honolulu)).toEqual([
      {
        person_id: leilani.id,
        occasion: "birthday",
        year: 2026,
        celebrated_on: "2026-12-08",
        years: null,
        points: 50,
      },
    ]);
    await expectLedgerClean(db, auckland.id);
    await expectLedgerClean(db, honolulu.id);
  });

  it("follow the local day across both DST transitions", async () => {
    const { db } = await database();
    const newYork = await celebratingOrg(db, { timeZone: "America/New_York" });
    // Clocks spring forward on 2026-03-08 (EDT, UTC-4) and fall back on 2026-11-01 (EST, UTC-5).
    await withDates(db, newYork, "Spring", { birthday: "1985-03-09" });
    await withDates(db, newYork, "Autumn", { birthday: "1987-11-02" });
    const pass = (iso: string) => celebrateDueOccasions(db, newYork.system, at(iso));
    expect((await pass("2026-03-09T03:59:00Z")).celebrated).toBe(0);
    expect((await pass("2026-03-09T04:00:00Z")).celebrated).toBe(1);
    expect((await pass("2026-11-02T04:59:00Z")).celebrated).toBe(0);
    expect((await pass("2026-11-02T05:00:00Z")).celebrated).toBe(1);
    expect((await celebrationsOf(db, newYork)).map((row) => row.celebrated_on)).toEqual([
      "2026-03-09",
      "2026-11-02",
    ]);
  });
});

describe("February 29th", () => {
  it("is celebrated on February 28th outside leap years and on the 29th in them, once a year", async () => {
    const { db } = await database();
    const org = await celebratingOrg(db, { timeZone: "UTC" });
    const leapling = await withDates(db, org, "Leap", { birthday: "2000-02-29", hireDate: "2024-02-29" });
    const pass = (iso: string) => celebrateDueOccasions(db, org.system, at(iso));

    expect((await pass("2027-02-27T12:00:00Z")).celebrated).toBe(0);
    expect((await pass("2027-02-28T00:00:00Z")).celebrated).toBe(2);
    expect((await pass("2027-03-01T00:00:00Z")).celebrated).toBe(0);
    // 2028 has a February 29th: the 28th is an ordinary day.
    expect((await pass("2028-02-28T12:00:00Z")).celebrated).toBe(0);
    expect((await pass("2028-02-29T00:00:00Z")).celebrated).toBe(2);

    expect(await celebrationsOf(db, org)).toEqual([
      {
        person_id: leapling.id,
        occasion: "birthday",
        year: 2027,
        celebrated_on: "2027-02-28",
        years: null,
        points: 50,
      },
      {
        person_id: leapling.id,
        occasion: "work_anniversary",
        year: 2027,
        celebrated_on: "2027-02-28",
        years: 3,
        points: 175,
      },
      {
        person_id: leapling.id,
        occasion: "birthday",
        year: 2028,
        celebrated_on: "2028-02-29",
        years: null,
        points: 50,
      },
      {
        person_id: leapling.id,
        occasion: "work_anniversary",
        year: 2028,
        celebrated_on: "2028-02-29",
        years: 4,
        points: 200,
      },
    ]);
  });
});

describe("what a celebration gives and shows", () => {
  it("is forgotten when the person is erased: the days celebrated go, with the messages", async () => {
    const { db } = await database();
    const org = await celebratingOrg(db, { timeZone: "UTC" });
    const ana = await withDates(db, org, "Ana Example", { birthday: "1992-06-15", hireDate: "2023-06-15" });
    await celebrateDueOccasions(db, org.system, at("2026-06-15T09:00:00Z"));
    const erased = await erasePerson(db, org.admin.actor, { personId: ana.id, confirmation: "Ana Example" });
    expect(erased.changed.celebrations).toBe(2);
    const left = await db.execute(sql`select 1 from celebrations where org_id = ${org.id}::uuid`);
    expect(left).toHaveLength(0);
    const messages = await db.execute<{ message: string }>(sql`
      select message from recognitions where org_id = ${org.id}::uuid and giver_id is null`);
    expect(messages.map((row) => row.message).filter((message) => message.includes("Ana"))).toEqual([]);
    await expectLedgerClean(db, org.id);
  });

  it("grants the points from the company, says so in the feed with the right ordinal, and tells the person and the channel", async () => {
    const { db } = await database();
    const org = await celebratingOrg(db, { timeZone: "UTC" });
    const ana = await withDates(db, org, "Ana", { birthday: "1992-06-15", hireDate: "2023-06-15" });
    const ben = await withDates(db, org, "Ben", { hireDate: "2025-06-14" });
    const newcomer = await withDates(db, org, "Cy", { hireDate: "2026-06-15" });
    const pass = await celebrateDueOccasions(db, org.system, at("2026-06-15T09:00:00Z"));
    expect(pass).toEqual({ celebrated: 3, errors: [] });

    const feed = await listFeed(db, org.admin.actor);
    expect(feed.items.map((item) => [item.message, item.giver, item.source, item.recipients])).toEqual(
      expect.arrayContaining([
        ["Happy birthday, Ana!", null, "system", [{ id: ana.id, name: "Ana", amount: 50, level: null }]],
        [
          "Happy 3rd work anniversary, Ana!",
          null,
          "system",
          [{ id: ana.id, name: "Ana", amount: 175, level: null }],
        ],
        [
          "Happy 1st work anniversary, Ben!",
          null,
          "system",
          [{ id: ben.id, name: "Ben", amount: 125, level: null }],
        ],
      ]),
    );
    expect(feed.items).toHaveLength(3);
    expect((await getBalances(db, ana.actor, { personId: ana.id })).earned.balance).toBe(225);
    expect((await getBalances(db, newcomer.actor, { personId: newcomer.id })).earned.balance).toBe(0);
    expect((await grantsOf(db, org)).map((grant) => grant.idempotency_key)).toEqual(
      [
        `celebration:birthday:${ana.id}:2026`,
        `celebration:work_anniversary:${ana.id}:2026`,
        `celebration:work_anniversary:${ben.id}:2026`,
      ].sort(),
    );

    const notices = await noticesOf(db, org);
    expect(notices.map((notice) => [notice.kind, notice.person_id])).toEqual(
      expect.arrayContaining([
        ["celebration.direct", ana.id],
        ["celebration.channel", ana.id],
        ["celebration.direct", ben.id],
        ["celebration.channel", ben.id],
      ]),
    );
    expect(notices).toHaveLength(6);
    expect(
      notices.find((notice) => notice.dedupe_key === `celebration:work_anniversary:${ana.id}:2026:channel`),
    ).toMatchObject({
      payload: {
        occasion: "work_anniversary",
        years: 3,
        points: 175,
        channel: "C0CELEBRATE",
        public: true,
        pointValue: { points: 10, minor: 100, currency: "USD" },
      },
    });
    await expectLedgerClean(db, org.id);
  });

  it("keeps a private person's celebration out of the feed, the channel and others' views, but pays and tells them", async () => {
    const { db } = await database();
    const org = await celebratingOrg(db, { timeZone: "UTC" });
    const ana = await withDates(db, org, "Ana", { birthday: "1992-06-15" });
    const colleague = await org.addPerson({ name: "Colleague" });
    await updateNotificationPreferences(db, ana.actor, { publicCelebrations: false });
    expect((await celebrateDueOccasions(db, org.system, at("2026-06-15T09:00:00Z"))).celebrated).toBe(1);

    expect((await getBalances(db, ana.actor, { personId: ana.id })).earned.balance).toBe(50);
    const notices = await noticesOf(db, org);
    expect(notices.map((notice) => notice.kind)).toEqual(["celebration.direct"]);
    expect(notices[0]?.payload).toMatchObject({ public: false, points: 50 });

    expect((await listFeed(db, colleague.actor)).items).toEqual([]);
    expect((await listFeed(db, org.system)).items).toEqual([]);
    expect((await listPersonHistory(db, colleague.actor, { personId: ana.id })).items).toEqual([]);
    expect((await listPersonHistory(db, org.admin.actor, { personId: ana.id })).items).toEqual([]);
    const own = await listPersonHistory(db, ana.actor, { personId: ana.id, withEarnedBalance: true });
    expect(own.items.map((item) => [item.message, item.earnedAfter, item.onlyRecipients])).toEqual([
      ["Happy birthday, Ana!", 50, true],
    ]);
    expect((await listFeed(db, ana.actor)).items.map((item) => item.id)).toEqual(
      own.items.map((item) => item.id),
    );

    const clock = at("2026-06-20T12:00:00Z");
    expect((await getLeaderboard(db, colleague.actor, {}, clock)).entries).toEqual([]);
    expect((await getPersonProfile(db, colleague.actor, { personId: ana.id }, clock)).received).toEqual({
      allTime: 0,
      thisMonth: 0,
      count: 0,
    });
    expect((await getPersonProfile(db, ana.actor, { personId: ana.id }, clock)).received.allTime).toBe(50);
    const recognitionId = own.items[0]?.id ?? "";
    await expectDomainError(
      reactToRecognition(db, colleague.actor, { recognitionId, reaction: "tada", on: true }),
      "not_found",
    );
    await reactToRecognition(db, ana.actor, { recognitionId, reaction: "tada", on: true });

    // Going public again shows it to everyone from then on.
    await updateNotificationPreferences(db, ana.actor, { publicCelebrations: true });
    expect((await listFeed(db, colleague.actor)).items.map((item) => item.id)).toEqual([recognitionId]);
    await expectLedgerClean(db, org.id);
  });

  it("passes over leavers and bots, and people whose occasion the org doesn't celebrate", async () => {
    const { db } = await database();
    const org = await celebratingOrg(db, { timeZone: "UTC", anniversaryPoints: null });
    const leaver = await withDates(db, org, "Leaver", { birthday: "1990-06-15" });
    await deactivatePerson(db, org.admin.actor, { personId: leaver.id });
    const bot = await org.addPerson({ name: "Bot", isBot: true });
    await db.update(people).set({ birthday: "2020-06-15" }).where(eq(people.id, bot.id));
    const veteran = await withDates(db, org, "Veteran", { hireDate: "2010-06-15" });
    expect(await celebrateDueOccasions(db, org.system, at("2026-06-15T09:00:00Z"))).toEqual({
      celebrated: 0,
      errors: [],
    });
    expect(await celebrationsOf(db, org)).toEqual([]);
    expect((await getBalances(db, veteran.actor, { personId: veteran.id })).earned.balance).toBe(0);
  });

  it("does nothing while both celebrations are off, as they are by default", async () => {
    const { db } = await database();
    const org = await createTestOrg(db, { timeZone: "UTC" });
    await withDates(db, org, "Ana", { birthday: "1992-06-15", hireDate: "2020-06-15" });
    expect((await celebrateDueOccasions(db, org.system, at("2026-06-15T09:00:00Z"))).celebrated).toBe(0);
    expect(await celebrationsOf(db, org)).toEqual([]);
    expect(await noticesOf(db, org)).toEqual([]);
  });
});

describe("exactly once", () => {
  it("when several passes race", async () => {
    const { db } = await database();
    const org = await celebratingOrg(db, { timeZone: "UTC" });
    for (let index = 0; index < 6; index += 1) {
      await withDates(db, org, `Person ${index}`, { birthday: "1990-06-15", hireDate: "2021-06-15" });
    }
    const passes = await Promise.all(
      Array.from({ length: 6 }, () => celebrateDueOccasions(db, org.system, at("2026-06-15T09:00:00Z"))),
    );
    expect(passes.flatMap((pass) => pass.errors)).toEqual([]);
    expect(passes.reduce((sum, pass) => sum + pass.celebrated, 0)).toBe(12);
    expect(await celebrationsOf(db, org)).toHaveLength(12);
    expect(await grantsOf(db, org)).toHaveLength(12);
    expect((await listFeed(db, org.admin.actor, { limit: 100 })).items).toHaveLength(12);
    expect(await noticesOf(db, org)).toHaveLength(24);
    await expectLedgerClean(db, org.id);
  });

  it("after a week of downtime: the last seven days catch up, the eighth day back doesn't, and nothing twice", async () => {
    const { db } = await database();
    const org = await celebratingOrg(db, { timeZone: "Europe/Berlin" });
    // Birthdays from Jun 7 to Jun 15: the worker last ran on Jun 7, and is back on Jun 15.
    const byDay = new Map<string, TestPerson>();
    for (let day = 7; day <= 15; day += 1) {
      const monthDay = `06-${String(day).padStart(2, "0")}`;
      byDay.set(monthDay, await withDates(db, org, `Born ${monthDay}`, { birthday: `1990-${monthDay}` }));
    }
    expect((await celebrateDueOccasions(db, org.system, at("2026-06-07T10:00:00Z"))).celebrated).toBe(1);
    // Jun 8 was missed too, but is the eighth day back on Jun 15 (local), so it is never celebrated.
    expect((await celebrateDueOccasions(db, org.system, at("2026-06-15T10:00:00Z"))).celebrated).toBe(7);
    expect((await celebrateDueOccasions(db, org.system, at("2026-06-15T10:05:00Z"))).celebrated).toBe(0);
    expect((await celebrateDueOccasions(db, org.system, at("2026-06-16T10:00:00Z"))).celebrated).toBe(0);

    const celebrated = new Set((await celebrationsOf(db, org)).map((row) => row.person_id));
    const missed = [...byDay.entries()]
      .filter(([, person]) => !celebrated.has(person.id))
      .map(([day]) => day);
    expect(missed).toEqual(["06-08"]);
    const onDays = (await celebrationsOf(db, org)).map((row) => row.celebrated_on);
    expect(onDays).toEqual([
      "2026-06-07",
      ...["09", "10", "11", "12", "13", "14", "15"].map((day) => `2026-06-${day}`),
    ]);
    await expectLedgerClean(db, org.id);
  });
});

describe("orgs apart", () => {
  it("an org's system celebrates its own people only; the operator celebrates every org's", async () => {
    const { db } = await database();
    const first = await celebratingOrg(db, { timeZone: "UTC" });
    const second = await celebratingOrg(db, { timeZone: "UTC" });
    await withDates(db, first, "Ana", { birthday: "1990-06-15" });
    await withDates(db, second, "Ana", { birthday: "1990-06-15" });
    expect((await celebrateDueOccasions(db, first.system, at("2026-06-15T09:00:00Z"))).celebrated).toBe(1);
    expect(await celebrationsOf(db, second)).toEqual([]);
    await celebrateDueOccasions(db, { kind: "operator" }, at("2026-06-15T09:00:00Z"));
    expect(await celebrationsOf(db, second)).toHaveLength(1);
    expect(await celebrationsOf(db, first)).toHaveLength(1);
  });
});
