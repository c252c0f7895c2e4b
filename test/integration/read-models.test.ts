import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { boostAllowance } from "../../core/allowances/boost-allowance";
import { setMonthlyAllowance } from "../../core/allowances/set-monthly-allowance";
import { getLeaderboard } from "../../core/feed/get-leaderboard";
import { listFeed } from "../../core/feed/list-feed";
import { listPersonHistory } from "../../core/feed/list-person-history";
import type { RecognitionItem } from "../../core/feed/recognition-list";
import { getBalances } from "../../core/giving/get-balances";
import { grantPoints } from "../../core/giving/grant-points";
import type { Database } from "../../db/client";
import { ledgerAccounts, people } from "../../db/schema";
import { defined, expectDomainError } from "../support/assertions";
import { workerDatabase } from "../support/database";
import { createTestOrg, key, type TestOrg, type TestPerson } from "../support/factories";
import { giveAt } from "../support/giving";
import { allPages } from "../support/pages";

const database = workerDatabase();

const JUNE = new Date("2026-06-15T12:00:00Z");
const inJune = () => JUNE;
const EURO_THIRDS = { pointValuePoints: 3, pointValueMinor: 100, currency: "EUR" };

async function allowanceAccountCount(db: Database, person: TestPerson): Promise<number> {
  const rows = await db
    .select({ id: ledgerAccounts.id })
    .from(ledgerAccounts)
    .where(and(eq(ledgerAccounts.personId, person.id), eq(ledgerAccounts.kind, "allowance")));
  return rows.length;
}

function finance(org: TestOrg): Promise<TestPerson> {
  return org.addPerson({ name: "Fin", roles: ["employee", "finance"] });
}

describe("getBalances", () => {
  it("before the first give of a month shows the org default, without opening an account", async () => {
    const { db } = await database();
    const org = await createTestOrg(db, { defaultMonthlyAllowance: 150 });
    const ana = await org.addPerson();

    const balances = await getBalances(db, ana.actor, {}, inJune);

    expect(balances).toMatchObject({
      personId: ana.id,
      period: "2026-06",
      allowance: { remaining: 150, total: 150, given: 0 },
      earned: { balance: 0, balanceMinor: 0 },
    });
    expect(await allowanceAccountCount(db, ana)).toBe(0);
  });

  it("shows a personal override, including an override of zero, and the default again when cleared", async () => {
    const { db } = await database();
    const org = await createTestOrg(db, { defaultMonthlyAllowance: 100 });
    const ana = await org.addPerson();

    await setMonthlyAllowance(db, org.admin.actor, { personIds: [ana.id], monthlyAmount: 40 }, inJune);
    expect((await getBalances(db, ana.actor, {}, inJune)).allowance).toMatchObject({
      remaining: 40,
      total: 40,
    });

    await setMonthlyAllowance(db, org.admin.actor, { personIds: [ana.id], monthlyAmount: 0 }, inJune);
    expect((await getBalances(db, ana.actor, {}, inJune)).allowance).toMatchObject({
      remaining: 0,
      total: 0,
    });

    await setMonthlyAllowance(db, org.admin.actor, { personIds: [ana.id], monthlyAmount: null }, inJune);
    expect((await getBalances(db, ana.actor, {}, inJune)).allowance).toMatchObject({
      remaining: 100,
      total: 100,
    });
  });

  it("adds the per-report amount for each active direct report only", async () => {
    const { db } = await database();
    const org = await createTestOrg(db, { defaultMonthlyAllowance: 50, managerAllowancePerReport: 20 });
    const boss = await org.addPerson({ roles: ["employee", "manager"] });
    const [first, second] = await org.addPeople(3, { managerId: boss.id });
    await org.addPerson({ managerId: boss.id, active: false });
    await org.addPerson({ managerId: defined(first).id }); // an indirect report does not count

    const balances = await getBalances(db, boss.actor, {}, inJune);

    expect(balances.allowance).toEqual({ remaining: 110, remainingMinor: 1100, total: 110, given: 0 });
    expect(await allowanceAccountCount(db, boss)).toBe(0);
    // Someone with one report and no manager role gets the per-report amount too; without reports, the default.
    expect((await getBalances(db, defined(first).actor, {}, inJune)).allowance.remaining).toBe(70);
    expect((await getBalances(db, defined(second).actor, {}, inJune)).allowance.remaining).toBe(50);
  });

  it("adds this month's boosts to the override and the per-report amount, and not other months' boosts", async () => {
    const { db } = await database();
    const org = await createTestOrg(db, { defaultMonthlyAllowance: 50, managerAllowancePerReport: 20 });
    const boss = await org.addPerson({ roles: ["employee", "manager"] });
    await org.addPeople(2, { managerId: boss.id });

    await setMonthlyAllowance(db, org.admin.actor, { personIds: [boss.id], monthlyAmount: 10 }, inJune);
    await boostAllowance(
      db,
      org.admin.actor,
      { personId: boss.id, amount: 5, idempotencyKey: key() },
      inJune,
    );
    await boostAllowance(
      db,
      org.admin.actor,
      { personId: boss.id, amount: 7, idempotencyKey: key() },
      inJune,
    );
    await boostAllowance(
      db,
      org.admin.actor,
      { personId: boss.id, amount: 1000, idempotencyKey: key() },
      () => new Date("2026-05-20T12:00:00Z"),
    );

    // 10 (override) + 2 × 20 (reports) + 5 + 7 (June boosts)
    expect((await getBalances(db, boss.actor, {}, inJune)).allowance).toMatchObject({
      remaining: 62,
      total: 62,
      given: 0,
    });
    expect(
      (await getBalances(db, boss.actor, {}, () => new Date("2026-05-20T12:00:00Z"))).allowance.remaining,
    ).toBe(10 + 40 + 1000);
  });

  it("after gives shows what is left, what was given and what the recipients earned", async () => {
    const { db } = await database();
    const org = await createTestOrg(db, { defaultMonthlyAllowance: 100 });
    const [ana, ben, cara] = await org.addPeople(3);
    if (!ana || !ben || !cara) throw new Error("people missing");

    await giveAt(db, ana, [ben, cara], 15, { at: JUNE });
    await giveAt(db, ana, [ben], 20, { at: JUNE });
    await giveAt(db, cara, [ben], 5, { at: JUNE });

    expect(await getBalances(db, ana.actor, {}, inJune)).toMatchObject({
      allowance: { remaining: 50, total: 100, given: 50 },
      earned: { balance: 0 },
    });
    expect(await getBalances(db, ben.actor, {}, inJune)).toMatchObject({
      allowance: { remaining: 100, total: 100, given: 0 },
      earned: { balance: 40 },
    });
    expect(await getBalances(db, cara.actor, {}, inJune)).toMatchObject({
      allowance: { remaining: 95, total: 100, given: 5 },
      earned: { balance: 15 },
    });
    // Next month the allowance starts afresh; earned points stay.
    expect(await getBalances(db, ana.actor, {}, () => new Date("2026-07-01T00:00:00Z"))).toMatchObject({
      period: "2026-07",
      allowance: { remaining: 100, total: 100, given: 0 },
    });
    expect(
      (await getBalances(db, ben.actor, {}, () => new Date("2027-01-01T00:00:00Z"))).earned.balance,
    ).toBe(40);
  });

  it("never shows a negative remaining figure after the allowance is cut below what was given", async () => {
    const { db } = await database();
    const org = await createTestOrg(db, { defaultMonthlyAllowance: 100 });
    const [ana, ben] = await org.addPeople(2);
    if (!ana || !ben) throw new Error("people missing");
    await giveAt(db, ana, [ben], 30, { at: JUNE });

    await setMonthlyAllowance(db, org.admin.actor, { personIds: [ana.id], monthlyAmount: 10 }, inJune);

    expect((await getBalances(db, ana.actor, {}, inJune)).allowance).toMatchObject({
      remaining: 0,
      given: 30,
    });
  });

  it("uses the org's time zone for the month, matching the period the give was booked in", async () => {
    const { db } = await database();
    const org = await createTestOrg(db, { timeZone: "America/New_York", defaultMonthlyAllowance: 100 });
    const [ana, ben] = await org.addPeople(2);
    if (!ana || !ben) throw new Error("people missing");
    // 03:59:59.999 UTC on 1 April is still 31 March in New York (EDT, UTC-4).
    const result = await giveAt(db, ana, [ben], 25, { at: "2026-04-01T03:59:59.999Z" });
    expect(result.period).toBe("2026-03");

    const march = await getBalances(db, ana.actor, {}, () => new Date("2026-04-01T03:59:59.999Z"));
    expect(march).toMatchObject({ period: "2026-03", allowance: { remaining: 75, given: 25 } });
    const april = await getBalances(db, ana.actor, {}, () => new Date("2026-04-01T04:00:00.000Z"));
    expect(april).toMatchObject({ period: "2026-04", allowance: { remaining: 100, given: 0 } });
  });

  it("gives money values at the org's point value", async () => {
    const { db } = await database();
    const org = await createTestOrg(db, { ...EURO_THIRDS, defaultMonthlyAllowance: 100 });
    const [ana, ben] = await org.addPeople(2);
    if (!ana || !ben) throw new Error("people missing");
    await giveAt(db, ana, [ben], 20, { at: JUNE });

    const giver = await getBalances(db, ana.actor, {}, inJune);
    expect(giver.pointValue).toEqual({ points: 3, minor: 100, currency: "EUR" });
    expect(giver.allowance).toMatchObject({ remaining: 80, remainingMinor: 2667 });
    const recipient = await getBalances(db, ben.actor, {}, inJune);
    expect(recipient.earned).toEqual({ balance: 20, balanceMinor: 667 });
    expect(recipient.allowance.remainingMinor).toBe(3333);
  });

  describe("who may read whose balances", () => {
    async function reportingLine(db: Database) {
      const org = await createTestOrg(db);
      const director = await org.addPerson({ name: "Director", roles: ["employee", "manager"] });
      const manager = await org.addPerson({
        name: "Manager",
        roles: ["employee", "manager"],
        managerId: director.id,
      });
      const employee = await org.addPerson({ name: "Employee", managerId: manager.id });
      const peer = await org.addPerson({ name: "Peer", managerId: manager.id });
      const otherManager = await org.addPerson({ name: "Other", roles: ["employee", "manager"] });
      await org.addPerson({ name: "Other's report", managerId: otherManager.id });
      return { org, director, manager, employee, peer, otherManager };
    }

    it("lets a person read their own balances, by default or by naming themself", async () => {
      const { db } = await database();
      const { employee } = await reportingLine(db);
      expect((await getBalances(db, employee.actor, {}, inJune)).personId).toBe(employee.id);
      expect((await getBalances(db, employee.actor, { personId: employee.id }, inJune)).personId).toBe(
        employee.id,
      );
    });

    it("lets the direct and the indirect manager read a report's balances", async () => {
      const { db } = await database();
      const { director, manager, employee } = await reportingLine(db);
      expect((await getBalances(db, manager.actor, { personId: employee.id }, inJune)).personId).toBe(
        employee.id,
      );
      expect((await getBalances(db, director.actor, { personId: employee.id }, inJune)).personId).toBe(
        employee.id,
      );
    });

    it("refuses a colleague, a report reading their manager, and a manager of someone else", async () => {
      const { db } = await database();
      const { manager, employee, peer, otherManager } = await reportingLine(db);
      await expectDomainError(getBalances(db, peer.actor, { personId: employee.id }, inJune), "forbidden");
      await expectDomainError(getBalances(db, employee.actor, { personId: manager.id }, inJune), "forbidden");
      await expectDomainError(
        getBalances(db, otherManager.actor, { personId: employee.id }, inJune),
        "forbidden",
      );
    });

    it("lets admins, finance and the org's system actor read anyone's", async () => {
      const { db } = await database();
      const { org, employee } = await reportingLine(db);
      const fin = await finance(org);
      for (const actor of [org.admin.actor, fin.actor, org.system]) {
        expect((await getBalances(db, actor, { personId: employee.id }, inJune)).personId).toBe(employee.id);
      }
    });

    it("asks an org-level actor to name the person and refuses the operator", async () => {
      const { db } = await database();
      const { org } = await reportingLine(db);
      await expectDomainError(getBalances(db, org.system, {}, inJune), "invalid");
      await expectDomainError(getBalances(db, { kind: "operator" }, { personId: org.admin.id }), "forbidden");
    });

    it("says not found for an id that is nobody", async () => {
      const { db } = await database();
      const { org } = await reportingLine(db);
      await expectDomainError(
        getBalances(db, org.admin.actor, { personId: "00000000-0000-4000-8000-000000000000" }, inJune),
        "not_found",
      );
    });
  });
});

const ids = (items: readonly RecognitionItem[]) => items.map((item) => item.id);

describe("listFeed", () => {
  /** 25 gives: seven at each of three instants and four at a fourth, so pages split groups of equal time. */
  async function twentyFiveRecognitions(db: Database) {
    const org = await createTestOrg(db, { defaultMonthlyAllowance: 1000 });
    const [giver, recipient] = await org.addPeople(2);
    if (!giver || !recipient) throw new Error("people missing");
    const base = Date.parse("2026-05-10T12:00:00.000Z");
    const made: { id: string; at: number }[] = [];
    for (let index = 0; index < 25; index++) {
      const at = base + Math.floor(index / 7) * 60_000;
      const result = await giveAt(db, giver, [recipient], 1, { at: new Date(at), message: `Give ${index}` });
      made.push({ id: result.recognitionId, at });
    }
    // Newest first; equal instants by id, descending.
    const expectedOrder = made
      .sort((a, b) => b.at - a.at || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
      .map((row) => row.id);
    return { org, giver, expectedOrder };
  }

  it("pages through 25 recognitions in tens with no duplicates and no gaps, newest first", async () => {
    const { db } = await database();
    const { org, expectedOrder } = await twentyFiveRecognitions(db);

    const { pages, cursors } = await allPages((cursor) =>
      listFeed(db, org.admin.actor, { cursor, limit: 10 }),
    );

    expect(pages.map((page) => page.length)).toEqual([10, 10, 5]);
    expect(cursors.map((cursor) => cursor !== null)).toEqual([true, true, false]);
    const seen = pages.flatMap(ids);
    expect(new Set(seen).size).toBe(25);
    expect(seen).toEqual(expectedOrder);
  });

  it("ends with a null cursor when the last page is exactly full", async () => {
    const { db } = await database();
    const { org, expectedOrder } = await twentyFiveRecognitions(db);

    const { pages } = await allPages((cursor) => listFeed(db, org.admin.actor, { cursor, limit: 5 }));

    expect(pages.map((page) => page.length)).toEqual([5, 5, 5, 5, 5]);
    expect(pages.flatMap(ids)).toEqual(expectedOrder);
    const whole = await listFeed(db, org.admin.actor, { limit: 25 });
    expect(whole.nextCursor).toBeNull();
    expect(ids(whole.items)).toEqual(expectedOrder);
  });

  it("keeps later pages stable when newer recognitions arrive while paging", async () => {
    const { db } = await database();
    const { org, giver, expectedOrder } = await twentyFiveRecognitions(db);
    const first = await listFeed(db, org.admin.actor, { limit: 10 });
    const newcomer = await org.addPerson();
    await giveAt(db, giver, [newcomer], 1, { at: "2026-05-11T00:00:00Z" });

    const second = await listFeed(db, org.admin.actor, { limit: 10, cursor: first.nextCursor ?? undefined });

    expect(ids(second.items)).toEqual(expectedOrder.slice(10, 20));
  });

  it("refuses a cursor it did not make", async () => {
    const { db } = await database();
    const { org } = await twentyFiveRecognitions(db);
    const someId = "7c1e7a4e-1c5b-4b7e-9a7e-3d2c1b0a9f8e";
    const cursorOf = (text: string) => Buffer.from(text).toString("base64url");
    for (const cursor of [
      "not a cursor",
      cursorOf(`yesterday|${someId}`),
      cursorOf("2026-05-10T12:00:00.000+00:00|not-a-uuid"),
      cursorOf("2026-05-10T12:00:00.000+00:00"),
    ]) {
      const error = await expectDomainError(listFeed(db, org.admin.actor, { cursor }), "invalid");
      expect(error.details).toMatchObject({ field: "cursor" });
    }
  });

  it("refuses a tampered cursor whose timestamp JavaScript parses but PostgreSQL does not", async () => {
    const { db } = await database();
    const { org } = await twentyFiveRecognitions(db);
    const someId = "7c1e7a4e-1c5b-4b7e-9a7e-3d2c1b0a9f8e";
    // Date.parse accepts all of these; as timestamptz they are a syntax error or out of range.
    for (const timestamp of ["2026", "2026-02-30T00:00:00Z", "Tuesday 2026"]) {
      const cursor = Buffer.from(`${timestamp}|${someId}`).toString("base64url");
      await expectDomainError(listFeed(db, org.admin.actor, { cursor }), "invalid");
    }
  });

  it("describes each recognition: giver, recipients with amounts, values, totals, money value", async () => {
    const { db } = await database();
    const org = await createTestOrg(db, EURO_THIRDS);
    await org.addValues("ownership", "teamwork");
    const giver = await org.addPerson({ name: "Giver" });
    const zed = await org.addPerson({ name: "Zed" });
    const amy = await org.addPerson({ name: "Amy" });
    const result = await giveAt(db, giver, [zed, amy], 12, {
      at: JUNE,
      values: ["#Teamwork", "ownership"],
      message: "Shipped it",
    });

    const page = await listFeed(db, zed.actor);

    expect(page.pointValue).toEqual({ points: 3, minor: 100, currency: "EUR" });
    expect(page.items).toHaveLength(1);
    const [item] = page.items;
    expect(item).toMatchObject({
      id: result.recognitionId,
      message: "Shipped it",
      source: "web",
      giver: { id: giver.id, name: "Giver" },
      recipients: [
        { id: amy.id, name: "Amy", amount: 12 },
        { id: zed.id, name: "Zed", amount: 12 },
      ],
      values: ["ownership", "teamwork"],
      amountPerRecipient: 12,
      totalAmount: 24,
    });
    expect(Date.parse(defined(item).createdAt)).toBe(JUNE.getTime());
  });

  it("filters by company value, in any of its spellings", async () => {
    const { db } = await database();
    const org = await createTestOrg(db);
    await org.addValues("ownership", "teamwork");
    const [giver, ana] = await org.addPeople(2);
    if (!giver || !ana) throw new Error("people missing");
    const owned = await giveAt(db, giver, [ana], 1, { at: "2026-06-01T10:00:00Z", values: ["ownership"] });
    const both = await giveAt(db, giver, [ana], 1, {
      at: "2026-06-02T10:00:00Z",
      values: ["ownership", "teamwork"],
    });
    await giveAt(db, giver, [ana], 1, { at: "2026-06-03T10:00:00Z", values: ["teamwork"] });
    await giveAt(db, giver, [ana], 1, { at: "2026-06-04T10:00:00Z" });

    for (const spelling of ["ownership", "#Ownership", "<#C123|ownership>"]) {
      const page = await listFeed(db, ana.actor, { value: spelling });
      expect(ids(page.items), spelling).toEqual([both.recognitionId, owned.recognitionId]);
    }
    expect((await listFeed(db, ana.actor, { value: "teamwork" })).items).toHaveLength(2);
    expect((await listFeed(db, ana.actor, { value: "kindness" })).items).toEqual([]);
    expect((await listFeed(db, ana.actor)).items).toHaveLength(4);
  });

  it("filters by the department of a recipient and pages within the filter", async () => {
    const { db } = await database();
    const org = await createTestOrg(db, { defaultMonthlyAllowance: 1000 });
    const giver = await org.addPerson();
    const sales = await org.addPerson({ department: "Sales" });
    const engineering = await org.addPerson({ department: "Engineering" });
    const toSales: string[] = [];
    for (let day = 1; day <= 5; day++) {
      toSales.unshift(
        (await giveAt(db, giver, [sales], 1, { at: `2026-06-0${day}T10:00:00Z` })).recognitionId,
      );
      await giveAt(db, giver, [engineering], 1, { at: `2026-06-0${day}T11:00:00Z` });
    }
    const mixed = await giveAt(db, giver, [sales, engineering], 1, { at: "2026-06-06T10:00:00Z" });

    const { pages } = await allPages((cursor) =>
      listFeed(db, giver.actor, { department: "Sales", cursor, limit: 2 }),
    );

    expect(pages.flatMap(ids)).toEqual([mixed.recognitionId, ...toSales]);
    expect((await listFeed(db, giver.actor, { department: "Engineering", limit: 100 })).items).toHaveLength(
      6,
    );
    expect((await listFeed(db, giver.actor, { department: "Finance" })).items).toEqual([]);
  });
});

describe("listPersonHistory", () => {
  async function history(db: Database) {
    const org = await createTestOrg(db);
    const ana = await org.addPerson({ name: "Ana" });
    const ben = await org.addPerson({ name: "Ben" });
    const cara = await org.addPerson({ name: "Cara" });
    const anaToBen = await giveAt(db, ana, [ben], 1, { at: "2026-06-01T10:00:00Z" });
    const benToAna = await giveAt(db, ben, [ana], 2, { at: "2026-06-02T10:00:00Z" });
    const caraToBoth = await giveAt(db, cara, [ana, ben], 3, { at: "2026-06-03T10:00:00Z" });
    const benToCara = await giveAt(db, ben, [cara], 4, { at: "2026-06-04T10:00:00Z" });
    const grant = await grantPoints(
      db,
      org.admin.actor,
      { recipientIds: [ana.id], amount: 50, message: "Anniversary", idempotencyKey: key() },
      () => new Date("2026-06-05T10:00:00Z"),
    );
    return {
      org,
      ana,
      ben,
      ids: {
        anaToBen: anaToBen.recognitionId,
        benToAna: benToAna.recognitionId,
        caraToBoth: caraToBoth.recognitionId,
        benToCara: benToCara.recognitionId,
        grant: grant.recognitionId,
      },
    };
  }

  it("lists what a person received, including company grants, newest first", async () => {
    const { db } = await database();
    const { ana, ben, ids: made } = await history(db);
    const page = await listPersonHistory(db, ben.actor, { personId: ana.id, direction: "received" });
    expect(ids(page.items)).toEqual([made.grant, made.caraToBoth, made.benToAna]);
    expect(page.items[0]?.giver).toBeNull();
  });

  it("lists what a person gave", async () => {
    const { db } = await database();
    const { ana, ben, ids: made } = await history(db);
    expect(
      ids((await listPersonHistory(db, ana.actor, { personId: ana.id, direction: "given" })).items),
    ).toEqual([made.anaToBen]);
    expect(
      ids((await listPersonHistory(db, ana.actor, { personId: ben.id, direction: "given" })).items),
    ).toEqual([made.benToCara, made.benToAna]);
  });

  it("lists both directions by default, each recognition once, across pages", async () => {
    const { db } = await database();
    const { ana, ids: made } = await history(db);
    const expected = [made.grant, made.caraToBoth, made.benToAna, made.anaToBen];
    expect(ids((await listPersonHistory(db, ana.actor, { personId: ana.id })).items)).toEqual(expected);

    const { pages } = await allPages((cursor) =>
      listPersonHistory(db, ana.actor, { personId: ana.id, direction: "all", cursor, limit: 3 }),
    );
    expect(pages.map((page) => page.length)).toEqual([3, 1]);
    expect(pages.flatMap(ids)).toEqual(expected);
  });

  it("is readable by any member and the system actor, and says not found for an unknown person", async () => {
    const { db } = await database();
    const { org, ana, ben } = await history(db);
    expect((await listPersonHistory(db, org.system, { personId: ana.id })).items).toHaveLength(4);
    expect((await listPersonHistory(db, ben.actor, { personId: ana.id })).items).toHaveLength(4);
    await expectDomainError(
      listPersonHistory(db, ana.actor, { personId: "00000000-0000-4000-8000-000000000000" }),
      "not_found",
    );
  });
});

describe("getLeaderboard", () => {
  /**
   * A New York org (EDT from 8 March) with euro points worth a third of a euro, and gives placed
   * around the edges of April 2026, Q2 2026 and the year 2026.
   */
  async function leaderboardOrg(db: Database) {
    const org = await createTestOrg(db, { ...EURO_THIRDS, timeZone: "America/New_York" });
    await org.addValues("ownership", "teamwork");
    const [g1, g2, g3] = await org.addPeople(3, { department: "Givers" });
    if (!g1 || !g2 || !g3) throw new Error("givers missing");
    const person = (name: string) => org.addPerson({ name, department: name === "Ben" ? "Sales" : "Ops" });
    const [ana, ben, cara, dan, eve, fay, gus, hal] = await Promise.all(
      ["Ana", "Ben", "Cara", "Dan", "Eve", "Fay", "Gus", "Hal"].map(person),
    );
    if (!ana || !ben || !cara || !dan || !eve || !fay || !gus || !hal) throw new Error("people missing");

    // April 2026 in New York runs from 2026-04-01T04:00Z to 2026-05-01T04:00Z.
    await giveAt(db, g1, [ana], 30, { at: "2026-04-01T04:00:00.000Z", values: ["ownership"] });
    await giveAt(db, g2, [ben], 30, { at: "2026-04-20T15:00:00Z", values: ["teamwork"] });
    await giveAt(db, g3, [cara], 10, { at: "2026-04-10T15:00:00Z", values: ["ownership"] });
    await giveAt(db, g3, [cara], 10, { at: "2026-04-11T15:00:00Z", values: ["ownership"] });
    await giveAt(db, g1, [dan], 50, { at: "2026-04-05T15:00:00Z", values: ["ownership"] });
    // May 1 at local midnight: Q2, not April.
    await giveAt(db, g2, [eve], 40, { at: "2026-05-01T04:00:00.000Z" });
    // One millisecond before April locally: Q1, not April or Q2.
    await giveAt(db, g3, [fay], 25, { at: "2026-04-01T03:59:59.999Z" });
    // New Year's Eve 2025 in New York, then the first instant of 2026 there (EST, UTC-5).
    await giveAt(db, g1, [gus], 100, { at: "2026-01-01T04:59:59.999Z" });
    await giveAt(db, g2, [hal], 5, { at: "2026-01-01T05:00:00.000Z" });
    // Dan leaves: his history stays but he no longer ranks.
    await db.update(people).set({ active: false, deactivatedAt: new Date() }).where(eq(people.id, dan.id));
    return { org, viewer: g1, ana, ben, cara, eve, fay, hal };
  }

  const midApril = () => new Date("2026-04-15T12:00:00Z");
  const ranking = (entries: { name: string; rank: number; points: number }[]) =>
    entries.map(({ name, rank, points }) => [rank, name, points]);

  it("ranks April's recipients with competition ranking for ties (1, 1, 3) and leaves out leavers", async () => {
    const { db } = await database();
    const { viewer, ana, cara } = await leaderboardOrg(db);

    const board = await getLeaderboard(db, viewer.actor, { period: "month" }, midApril);

    expect(board.period).toEqual({
      kind: "month",
      label: "2026-04",
      start: new Date("2026-04-01T04:00:00.000Z"),
      end: new Date("2026-05-01T04:00:00.000Z"),
    });
    expect(board.value).toBeNull();
    expect(ranking(board.entries)).toEqual([
      [1, "Ana", 30],
      [1, "Ben", 30],
      [3, "Cara", 20],
    ]);
    expect(board.entries[0]).toMatchObject({ personId: ana.id, department: "Ops", recognitions: 1 });
    expect(board.entries[2]).toMatchObject({ personId: cara.id, recognitions: 2 });
  });

  it("gives each entry its money value at the org's point value", async () => {
    const { db } = await database();
    const { viewer } = await leaderboardOrg(db);
    const board = await getLeaderboard(db, viewer.actor, { period: "year" }, midApril);
    expect(board.pointValue).toEqual({ points: 3, minor: 100, currency: "EUR" });
    expect(board.entries.map((entry) => [entry.name, entry.pointsMinor])).toEqual([
      ["Eve", 1333],
      ["Ana", 1000],
      ["Ben", 1000],
      ["Fay", 833],
      ["Cara", 667],
      ["Hal", 167],
    ]);
  });

  it("covers the quarter, including its first local instant and not the one before", async () => {
    const { db } = await database();
    const { viewer } = await leaderboardOrg(db);
    const board = await getLeaderboard(db, viewer.actor, { period: "quarter" }, midApril);
    expect(board.period).toMatchObject({
      label: "Q2 2026",
      start: new Date("2026-04-01T04:00:00.000Z"),
      end: new Date("2026-07-01T04:00:00.000Z"),
    });
    expect(ranking(board.entries)).toEqual([
      [1, "Eve", 40],
      [2, "Ana", 30],
      [2, "Ben", 30],
      [4, "Cara", 20],
    ]);
  });

  it("covers the year in the org's time zone", async () => {
    const { db } = await database();
    const { viewer } = await leaderboardOrg(db);
    const board = await getLeaderboard(db, viewer.actor, { period: "year" }, midApril);
    expect(board.period).toMatchObject({
      label: "2026",
      start: new Date("2026-01-01T05:00:00.000Z"),
      end: new Date("2027-01-01T05:00:00.000Z"),
    });
    expect(ranking(board.entries)).toEqual([
      [1, "Eve", 40],
      [2, "Ana", 30],
      [2, "Ben", 30],
      [4, "Fay", 25],
      [5, "Cara", 20],
      [6, "Hal", 5],
    ]);
    // Gus's 100 points were given on New Year's Eve 2025, local time.
    const lastYear = await getLeaderboard(
      db,
      viewer.actor,
      { period: "year" },
      () => new Date("2025-12-31T12:00:00Z"),
    );
    expect(ranking(lastYear.entries)).toEqual([[1, "Gus", 100]]);
  });

  it("narrows to one company value, ranking among those recognitions only", async () => {
    const { db } = await database();
    const { viewer } = await leaderboardOrg(db);
    const ownership = await getLeaderboard(
      db,
      viewer.actor,
      { period: "month", value: "#Ownership" },
      midApril,
    );
    expect(ownership.value).toBe("ownership");
    expect(ranking(ownership.entries)).toEqual([
      [1, "Ana", 30],
      [2, "Cara", 20],
    ]);
    const teamwork = await getLeaderboard(db, viewer.actor, { period: "month", value: "teamwork" }, midApril);
    expect(ranking(teamwork.entries)).toEqual([[1, "Ben", 30]]);
  });

  it("cuts the list at the limit without changing anyone's rank", async () => {
    const { db } = await database();
    const { viewer } = await leaderboardOrg(db);
    const board = await getLeaderboard(db, viewer.actor, { period: "year", limit: 3 }, midApril);
    expect(ranking(board.entries)).toEqual([
      [1, "Eve", 40],
      [2, "Ana", 30],
      [2, "Ben", 30],
    ]);
  });

  it("is empty for a month with no recognitions", async () => {
    const { db } = await database();
    const { viewer } = await leaderboardOrg(db);
    const board = await getLeaderboard(db, viewer.actor, {}, () => new Date("2026-08-15T12:00:00Z"));
    expect(board.period.label).toBe("2026-08");
    expect(board.entries).toEqual([]);
  });

  it("counts a recognition once per recipient", async () => {
    const { db } = await database();
    const org = await createTestOrg(db);
    const [giver, ana, ben] = await org.addPeople(3);
    if (!giver || !ana || !ben) throw new Error("people missing");
    await giveAt(db, giver, [ana, ben], 7, { at: JUNE });
    const board = await getLeaderboard(db, org.system, {}, inJune);
    // Same points: ranked equal, listed by name (Person 2 before Person 3).
    expect(board.entries.map((entry) => [entry.rank, entry.personId, entry.points])).toEqual([
      [1, ana.id, 7],
      [1, ben.id, 7],
    ]);
    const total = await db.execute<{ n: number }>(
      sql`select count(*)::int as n from recognitions where org_id = ${org.id}::uuid`,
    );
    expect(total[0]?.n).toBe(1);
  });
});
