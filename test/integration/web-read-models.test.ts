import { eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/postgres-js";
import { describe, expect, it } from "vitest";
import { boostAllowance } from "../../core/allowances/boost-allowance";
import { listTeam, type TeamMember } from "../../core/allowances/list-team";
import { setMonthlyAllowance } from "../../core/allowances/set-monthly-allowance";
import { getPersonProfile } from "../../core/feed/get-person-profile";
import { getBalances } from "../../core/giving/get-balances";
import { grantPoints } from "../../core/giving/grant-points";
import { deactivatePerson } from "../../core/people/deactivate-person";
import { searchColleagues } from "../../core/people/search-colleagues";
import type { Actor } from "../../core/shared/actor";
import type { Connection, Database } from "../../db/client";
import * as schema from "../../db/schema";
import { people } from "../../db/schema";
import { defined, expectDomainError } from "../support/assertions";
import { workerDatabase } from "../support/database";
import { createTestOrg, key, type PersonOptions, type TestOrg, type TestPerson } from "../support/factories";
import { giveAt } from "../support/giving";

const database = workerDatabase();

const NOBODY = "00000000-0000-4000-8000-000000000000";
const JUNE = new Date("2026-06-15T12:00:00Z");
const inJune = () => JUNE;
const DAY = 24 * 60 * 60 * 1000;

async function personWithEmail(
  db: Database,
  org: TestOrg,
  name: string,
  email: string,
  options: PersonOptions = {},
): Promise<TestPerson> {
  const person = await org.addPerson({ ...options, name });
  await db.update(people).set({ email }).where(eq(people.id, person.id));
  return person;
}

const names = (found: { people: { name: string }[] }) => found.people.map((person) => person.name);

describe("searchColleagues", () => {
  it("finds active colleagues by name or email, ignoring case, names starting with the query first", async () => {
    const { db } = await database();
    const org = await createTestOrg(db);
    const other = await createTestOrg(db);
    const viewer = await org.addPerson({ name: "Anatole" });
    const banana = await personWithEmail(db, org, "Banana Joe", "banana@x.test", { department: "Sales" });
    await personWithEmail(db, org, "Zed", "zed.anaya@x.test");
    await org.addPerson({ name: "anabel" });
    await org.addPerson({ name: "Ana Smith" });
    await org.addPerson({ name: "Anastasia", active: false });
    await org.addPerson({ name: "Ana Bot", isBot: true });
    await org.addPerson({ name: "Bob" });
    await other.addPerson({ name: "Ana Elsewhere" });

    const found = await searchColleagues(db, viewer.actor, { query: "  ANA " });

    expect(names(found)).toEqual(["Ana Smith", "anabel", "Banana Joe", "Zed"]);
    expect(found.people[2]).toEqual({
      id: banana.id,
      name: "Banana Joe",
      email: "banana@x.test",
      department: "Sales",
    });
    // Everyone else thanks Anatole; Anatole can't thank themself.
    expect(names(await searchColleagues(db, banana.actor, { query: "anatole" }))).toEqual(["Anatole"]);
    expect(await searchColleagues(db, viewer.actor, { query: "anatole" })).toEqual({
      people: [],
      matchesYou: true,
    });
    expect(found.matchesYou).toBe(false);
    // Only the searcher counts: a match among the inactive is not "you".
    expect(await searchColleagues(db, viewer.actor, { query: "anastasia" })).toEqual({
      people: [],
      matchesYou: false,
    });
  });

  it("matches %, _ and backslash as themselves, not as wildcards", async () => {
    const { db } = await database();
    const org = await createTestOrg(db);
    const viewer = await org.addPerson({ name: "Viewer" });
    await personWithEmail(db, org, "Rita_Ops", "rita.ops@x.test");
    await personWithEmail(db, org, "RitaXOps", "ritax@x.test");
    await personWithEmail(db, org, "Fifty% Club", "fifty@x.test");
    await personWithEmail(db, org, "Back\\slash", "back@x.test");

    expect(names(await searchColleagues(db, viewer.actor, { query: "a_o" }))).toEqual(["Rita_Ops"]);
    expect(names(await searchColleagues(db, viewer.actor, { query: "%" }))).toEqual(["Fifty% Club"]);
    expect(names(await searchColleagues(db, viewer.actor, { query: "k\\s" }))).toEqual(["Back\\slash"]);
    expect(names(await searchColleagues(db, viewer.actor, { query: "ritax" }))).toEqual(["RitaXOps"]);
  });

  it("lists everyone alphabetically without a query, 8 by default and at most 50", async () => {
    const { db } = await database();
    const org = await createTestOrg(db);
    const [viewer] = await org.addPeople(60);
    const lowerCase = await org.addPerson({ name: "aaron" });

    const firstPage = await searchColleagues(db, defined(viewer).actor);
    expect(firstPage.people).toHaveLength(8);
    expect(firstPage.people[0]?.id).toBe(lowerCase.id);
    expect(names(firstPage).slice(0, 3)).toEqual(["aaron", "Admin", "Person 10"]);

    const most = await searchColleagues(db, defined(viewer).actor, { limit: 50 });
    expect(most.people).toHaveLength(50);
    const sorted = [...names(most)].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase(), "en"));
    expect(names(most)).toEqual(sorted);
    expect(names(most)).not.toContain("Person 1");

    await expectDomainError(searchColleagues(db, defined(viewer).actor, { limit: 51 }), "invalid");
    await expectDomainError(searchColleagues(db, defined(viewer).actor, { limit: 0 }), "invalid");
    await expectDomainError(
      searchColleagues(db, defined(viewer).actor, { query: "x".repeat(101) }),
      "invalid",
    );
  });

  it("lets the org's system actor search everyone and refuses the operator", async () => {
    const { db } = await database();
    const org = await createTestOrg(db);
    await org.addPerson({ name: "Ana" });
    expect(names(await searchColleagues(db, org.system))).toEqual(["Admin", "Ana"]);
    await expectDomainError(searchColleagues(db, { kind: "operator" }, { query: "a" }), "forbidden");
  });
});

describe("getPersonProfile", () => {
  /** A New York org: June 2026 there runs from 2026-06-01T04:00Z to 2026-07-01T04:00Z. */
  async function profileOrg(db: Database) {
    const org = await createTestOrg(db, { timeZone: "America/New_York" });
    await org.addValues("ownership", "teamwork", "craft", "care", "grit", "humour");
    const boss = await org.addPerson({ name: "Boss", roles: ["employee", "manager"] });
    const ana = await org.addPerson({ name: "Ana", department: "Ops", managerId: boss.id });
    const [ben, cara] = await org.addPeople(2);
    if (!ben || !cara) throw new Error("people missing");
    return { org, boss, ana, ben, cara };
  }

  it("sums what a person received and gave, all time and in this month of the org's time zone", async () => {
    const { db } = await database();
    const { org, boss, ana, ben, cara } = await profileOrg(db);
    // 31 May, 23:00 in New York: last month there, though June in UTC.
    await giveAt(db, ben, [ana], 10, { at: "2026-06-01T03:00:00Z" });
    await giveAt(db, cara, [ana, ben], 20, { at: "2026-06-01T04:00:00Z" });
    await grantPoints(
      db,
      org.admin.actor,
      { recipientIds: [ana.id], amount: 50, message: "Anniversary", idempotencyKey: key() },
      inJune,
    );
    await giveAt(db, ana, [ben], 7, { at: "2026-05-20T12:00:00Z" });
    await giveAt(db, ana, [ben, cara], 5, { at: JUNE });
    // After the month, and someone else's recognitions: neither counts as this month's.
    await giveAt(db, ana, [cara], 3, { at: "2026-07-01T04:00:00Z" });
    await giveAt(db, ben, [cara], 9, { at: JUNE });

    const profile = await getPersonProfile(db, boss.actor, { personId: ana.id }, inJune);

    expect(profile.person).toEqual({
      id: ana.id,
      name: "Ana",
      department: "Ops",
      active: true,
      managerName: "Boss",
      isSelf: false,
    });
    expect(profile.period).toMatchObject({
      label: "2026-06",
      start: new Date("2026-06-01T04:00:00Z"),
      end: new Date("2026-07-01T04:00:00Z"),
    });
    expect(profile.pointValue).toEqual({ points: 10, minor: 100, currency: "USD" });
    expect(profile.received).toEqual({ allTime: 80, thisMonth: 70, count: 3 });
    // A give to two people costs twice its amount.
    expect(profile.given).toEqual({ allTime: 20, thisMonth: 10, count: 3 });
    expect(profile.topValues).toEqual([]);
  });

  it("ranks the values on recognitions they received, most used first, at most five", async () => {
    const { db } = await database();
    const { ana, ben, cara } = await profileOrg(db);
    const give = (giver: TestPerson, recipient: TestPerson, values: string[]) =>
      giveAt(db, giver, [recipient], 1, { at: JUNE, values });
    await give(ben, ana, ["teamwork", "ownership"]);
    await give(cara, ana, ["teamwork"]);
    await give(ben, ana, ["teamwork", "craft"]);
    await give(cara, ana, ["ownership"]);
    await give(ben, ana, ["humour"]);
    await give(ben, ana, ["grit"]);
    await give(cara, ana, ["care"]);
    await give(ben, ana, []);
    // Values on what Ana gave, or on what others received, are not hers.
    await give(ana, ben, ["care", "grit"]);
    await give(ana, ben, ["care"]);
    await give(ben, cara, ["grit"]);

    const profile = await getPersonProfile(db, ben.actor, { personId: ana.id }, inJune);

    expect(profile.topValues).toEqual([
      { name: "teamwork", count: 3 },
      { name: "ownership", count: 2 },
      { name: "care", count: 1 },
      { name: "craft", count: 1 },
      { name: "grit", count: 1 },
    ]);
    expect(profile.received.count).toBe(8);
  });

  it("keeps a leaver's profile and history, and tells the viewer when it is their own", async () => {
    const { db } = await database();
    const { org, ana, ben } = await profileOrg(db);
    await giveAt(db, ben, [ana], 12, { at: JUNE });
    await deactivatePerson(db, org.admin.actor, { personId: ana.id }, inJune);

    const leaver = await getPersonProfile(db, ben.actor, { personId: ana.id }, inJune);
    expect(leaver.person).toMatchObject({ active: false, isSelf: false });
    expect(leaver.received).toEqual({ allTime: 12, thisMonth: 12, count: 1 });

    const own = await getPersonProfile(db, ben.actor, { personId: ben.id }, inJune);
    expect(own.person).toMatchObject({ id: ben.id, isSelf: true, managerName: null, department: null });
    expect(own.given).toEqual({ allTime: 12, thisMonth: 12, count: 1 });
    expect(own.received).toEqual({ allTime: 0, thisMonth: 0, count: 0 });
    // Next month the same history is all time, none of it this month.
    const july = await getPersonProfile(
      db,
      ben.actor,
      { personId: ben.id },
      () => new Date("2026-07-02T00:00:00Z"),
    );
    expect(july.given).toEqual({ allTime: 12, thisMonth: 0, count: 1 });
  });

  it("treats another org's person like nobody, and lets the system actor read a profile", async () => {
    const { db } = await database();
    const { ana, ben } = await profileOrg(db);
    const other = await createTestOrg(db);
    const stranger = await other.addPerson({ name: "Stranger" });

    const foreign = await expectDomainError(
      getPersonProfile(db, ana.actor, { personId: stranger.id }, inJune),
      "not_found",
    );
    const missing = await expectDomainError(
      getPersonProfile(db, ana.actor, { personId: NOBODY }, inJune),
      "not_found",
    );
    expect(foreign.message).toBe(missing.message);
    expect(foreign.details).toEqual(missing.details);
    await expectDomainError(getPersonProfile(db, ana.actor, { personId: "not-an-id" }), "invalid");
    await expectDomainError(getPersonProfile(db, { kind: "operator" }, { personId: ana.id }), "forbidden");
    const system: Actor = { kind: "system", orgId: other.id };
    expect((await getPersonProfile(db, system, { personId: stranger.id }, inJune)).person.isSelf).toBe(false);
    await expectDomainError(getPersonProfile(db, system, { personId: ben.id }, inJune), "not_found");
  });
});

describe("listTeam", () => {
  /** CEO -> Head -> two staff, an assistant reporting to the CEO, and a peer manager with a report. */
  async function company(db: Database, settings: Parameters<typeof createTestOrg>[1] = {}) {
    const org = await createTestOrg(db, settings);
    const manager: PersonOptions["roles"] = ["employee", "manager"];
    const ceo = await org.addPerson({ name: "Ceo", roles: manager });
    const head = await org.addPerson({ name: "Head", roles: manager, managerId: ceo.id, department: "Ops" });
    const assistant = await org.addPerson({ name: "assistant", managerId: ceo.id });
    const staffA = await org.addPerson({ name: "Staff A", managerId: head.id, department: "Ops" });
    const staffB = await org.addPerson({ name: "Staff B", managerId: head.id, department: "Ops" });
    await org.addPerson({ name: "Left", managerId: head.id, active: false });
    await org.addPerson({ name: "Robot", managerId: head.id, isBot: true });
    const peer = await org.addPerson({ name: "Peer", roles: manager });
    const peerReport = await org.addPerson({ name: "Peer report", managerId: peer.id });
    return { org, ceo, head, assistant, staffA, staffB, peer, peerReport };
  }

  const memberNames = (members: TeamMember[]) => members.map((member) => member.name);

  it("shows the CEO their whole reporting line by name, and only direct reports when asked", async () => {
    const { db } = await database();
    const { ceo, head, staffA } = await company(db);

    const team = await listTeam(db, ceo.actor, {}, inJune);

    expect(memberNames(team.members)).toEqual(["assistant", "Head", "Staff A", "Staff B"]);
    expect(team.period.label).toBe("2026-06");
    expect(team.pointValue).toEqual({ points: 10, minor: 100, currency: "USD" });
    const [, headRow, staffRow] = team.members;
    expect(headRow).toMatchObject({
      id: head.id,
      managerId: ceo.id,
      managerName: "Ceo",
      isDirect: true,
      active: true,
      department: "Ops",
    });
    expect(staffRow).toMatchObject({
      id: staffA.id,
      managerId: head.id,
      managerName: "Head",
      isDirect: false,
    });
    expect(staffRow?.email).toMatch(/@t-.*\.test$/);

    const direct = await listTeam(db, ceo.actor, { scope: "direct" }, inJune);
    expect(memberNames(direct.members)).toEqual(["assistant", "Head"]);
    expect(direct.members.every((member) => member.isDirect)).toBe(true);
  });

  it("shows a manager only their own line, never a peer's or their own manager's", async () => {
    const { db } = await database();
    const { head, peer } = await company(db);
    expect(memberNames((await listTeam(db, head.actor, {}, inJune)).members)).toEqual(["Staff A", "Staff B"]);
    expect(memberNames((await listTeam(db, peer.actor, {}, inJune)).members)).toEqual(["Peer report"]);
  });

  it("is empty for a manager whose only reports left or are bots", async () => {
    const { db } = await database();
    const { org } = await company(db);
    const lonely = await org.addPerson({ name: "Lonely", roles: ["employee", "manager"] });
    await org.addPerson({ managerId: lonely.id, active: false });
    await org.addPerson({ managerId: lonely.id, isBot: true });
    const team = await listTeam(db, lonely.actor, {}, inJune);
    expect(team.members).toEqual([]);
    expect(team.period.label).toBe("2026-06");
  });

  it("walks past a manager who left to the people still reporting through them", async () => {
    const { db } = await database();
    const { org, ceo, head } = await company(db);
    await deactivatePerson(db, org.admin.actor, { personId: head.id }, inJune);
    expect(memberNames((await listTeam(db, ceo.actor, {}, inJune)).members)).toEqual([
      "assistant",
      "Staff A",
      "Staff B",
    ]);
  });

  it("ends the walk on a reporting cycle and never lists the viewer", async () => {
    const { db } = await database();
    const { ceo, staffA } = await company(db);
    await db.update(people).set({ managerId: staffA.id }).where(eq(people.id, ceo.id));
    const team = await listTeam(db, ceo.actor, {}, inJune);
    expect(memberNames(team.members)).toEqual(["assistant", "Head", "Staff A", "Staff B"]);
  });

  it("shows an admin only their own reports, and refuses employees, finance and org actors", async () => {
    const { db } = await database();
    const { org, staffA } = await company(db);
    const adminReport = await org.addPerson({ name: "Admin's report", managerId: org.admin.id });
    const team = await listTeam(db, org.admin.actor, {}, inJune);
    expect(team.members.map((member) => member.id)).toEqual([adminReport.id]);

    const fin = await org.addPerson({ name: "Fin", roles: ["employee", "finance"] });
    await expectDomainError(listTeam(db, staffA.actor, {}, inJune), "forbidden");
    await expectDomainError(listTeam(db, fin.actor, {}, inJune), "forbidden");
    await expectDomainError(listTeam(db, org.system, {}, inJune), "forbidden");
    await expectDomainError(listTeam(db, { kind: "operator" }, {}, inJune), "forbidden");
    // @ts-expect-error a scope from a tampered URL
    await expectDomainError(listTeam(db, org.admin.actor, { scope: "everyone" }), "invalid");
  });

  it("reports allowances exactly as getBalances does after gives, overrides and boosts", async () => {
    const { db } = await database();
    const { ceo, head, assistant, staffA, staffB } = await company(db, {
      defaultMonthlyAllowance: 100,
      managerAllowancePerReport: 10,
    });
    await giveAt(db, staffA, [staffB], 30, { at: JUNE });
    await setMonthlyAllowance(db, ceo.actor, { personIds: [head.id], monthlyAmount: 40 }, inJune);
    await giveAt(db, head, [staffA, staffB], 15, { at: JUNE });
    await boostAllowance(db, ceo.actor, { personId: staffB.id, amount: 25, idempotencyKey: key() }, inJune);
    await giveAt(db, staffB, [head, staffA], 60, { at: JUNE });
    // Cut below what was given: nothing left, and never less.
    await setMonthlyAllowance(db, head.actor, { personIds: [staffA.id], monthlyAmount: 20 }, inJune);
    await giveAt(db, assistant, [staffA], 5, { at: "2026-05-31T12:00:00Z" });

    const team = await listTeam(db, ceo.actor, {}, inJune);

    const byName = new Map(team.members.map((member) => [member.name, member]));
    // Head: override 40, plus 10 for each active direct report (the bot counts, the leaver does not).
    expect(byName.get("Head")?.allowance).toEqual({
      total: 70,
      given: 30,
      remaining: 40,
      override: 40,
      boosted: 0,
    });
    expect(byName.get("Staff A")?.allowance).toEqual({
      total: 30,
      given: 30,
      remaining: 0,
      override: 20,
      boosted: 0,
    });
    expect(byName.get("Staff B")?.allowance).toEqual({
      total: 125,
      given: 120,
      remaining: 5,
      override: null,
      boosted: 25,
    });
    // No give this month, so no allowance account yet: the figure is the entitlement.
    expect(byName.get("assistant")?.allowance).toEqual({
      total: 100,
      given: 0,
      remaining: 100,
      override: null,
      boosted: 0,
    });
    expect(byName.get("Staff B")).toMatchObject({ receivedThisMonth: 45, givenThisMonth: 120 });
    expect(byName.get("Staff A")).toMatchObject({ receivedThisMonth: 75, givenThisMonth: 30 });
    expect(byName.get("assistant")).toMatchObject({ receivedThisMonth: 0, givenThisMonth: 0 });

    for (const member of team.members) {
      const { total, given, remaining } = (await getBalances(db, ceo.actor, { personId: member.id }, inJune))
        .allowance;
      expect(member.allowance, member.name).toMatchObject({ total, given, remaining });
    }
  });

  it("flags who has received nothing in the last 30 days, as the clock moves", async () => {
    const { db } = await database();
    const { org, ceo, head, staffA, staffB } = await company(db);
    const thanked = new Date("2026-06-10T09:00:00Z");
    await giveAt(db, head, [staffA], 5, { at: thanked });
    await grantPoints(
      db,
      org.admin.actor,
      { recipientIds: [staffB.id], amount: 5, message: "Spot award", idempotencyKey: key() },
      () => new Date("2026-06-20T09:00:00Z"),
    );
    const flags = async (at: Date) => {
      const team = await listTeam(db, ceo.actor, {}, () => at);
      return Object.fromEntries(team.members.map((member) => [member.name, member.notRecognizedRecently]));
    };

    const sameDay = await listTeam(db, ceo.actor, {}, () => thanked);
    const staffARow = defined(sameDay.members.find((member) => member.id === staffA.id));
    expect(staffARow.lastRecognizedAt).toBe(thanked.toISOString());
    expect(sameDay.members.find((member) => member.name === "Head")?.lastRecognizedAt).toBeNull();

    expect(await flags(new Date(thanked.getTime() + 30 * DAY))).toEqual({
      assistant: true,
      Head: true,
      "Staff A": false,
      "Staff B": false,
    });
    expect(await flags(new Date(thanked.getTime() + 30 * DAY + 1))).toEqual({
      assistant: true,
      Head: true,
      "Staff A": true,
      "Staff B": false,
    });
    // Before the grant happened, Staff B had not been thanked at all.
    const before = await listTeam(db, ceo.actor, {}, () => new Date("2026-06-15T00:00:00Z"));
    expect(before.members.find((member) => member.id === staffB.id)).toMatchObject({
      lastRecognizedAt: null,
      notRecognizedRecently: true,
    });
  });
});

describe("query counts do not grow with the team", () => {
  /** A handle on the worker's pool that counts every statement it sends. */
  function countingDatabase(connection: Connection): { db: Database; statements: () => number } {
    let count = 0;
    const db = drizzle(connection.sql, { schema, logger: { logQuery: () => void count++ } });
    return { db, statements: () => count };
  }

  async function statementsFor(connection: Connection, run: (db: Database) => Promise<unknown>) {
    const counter = countingDatabase(connection);
    await run(counter.db);
    return counter.statements();
  }

  it("answers each read with the same few statements for 2 reports and for 200", async () => {
    const connection = await database();
    const { db } = connection;
    const org = await createTestOrg(db, { defaultMonthlyAllowance: 10_000 });
    const big = await org.addPerson({ name: "Big boss", roles: ["employee", "manager"] });
    const small = await org.addPerson({ name: "Small boss", roles: ["employee", "manager"] });
    const direct = await org.addPeople(150, { managerId: big.id, department: "Floor" });
    const lead = defined(direct[0]);
    const indirect = await org.addPeople(50, { managerId: lead.id, department: "Floor" });
    await org.addPeople(2, { managerId: small.id });
    const everyone = [...direct, ...indirect];
    await org.addValues("ownership");
    for (let start = 0; start < everyone.length; start += 50) {
      await giveAt(db, big, everyone.slice(start, start + 50), 3, { at: JUNE, values: ["ownership"] });
    }
    await giveAt(db, lead, [big], 7, { at: JUNE });

    let bigTeam: TeamMember[] = [];
    const bigCount = await statementsFor(connection, async (counted) => {
      bigTeam = (await listTeam(counted, big.actor, {}, inJune)).members;
    });
    const smallCount = await statementsFor(connection, (counted) =>
      listTeam(counted, small.actor, {}, inJune),
    );
    expect(bigTeam).toHaveLength(200);
    expect(bigTeam.filter((member) => member.isDirect)).toHaveLength(150);
    expect(bigTeam.every((member) => member.receivedThisMonth === 3 && !member.notRecognizedRecently)).toBe(
      true,
    );
    expect(bigCount).toBe(smallCount);
    expect(bigCount).toBe(3);

    const searchCount = await statementsFor(connection, async (counted) => {
      expect(
        (await searchColleagues(counted, big.actor, { query: "person", limit: 50 })).people,
      ).toHaveLength(50);
    });
    expect(searchCount).toBe(1);

    const profileCount = await statementsFor(connection, async (counted) => {
      const profile = await getPersonProfile(counted, lead.actor, { personId: big.id }, inJune);
      expect(profile.given).toEqual({ allTime: 600, thisMonth: 600, count: 4 });
      expect(profile.received).toEqual({ allTime: 7, thisMonth: 7, count: 1 });
    });
    expect(profileCount).toBe(2);
  });
});
