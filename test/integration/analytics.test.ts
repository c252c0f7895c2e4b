import { sql } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as download } from "../../app/(app)/analytics/download/route";
import { exportAnalytics } from "../../core/analytics/export-analytics";
import { type Analytics, getAnalytics } from "../../core/analytics/get-analytics";
import { summariseAnalytics } from "../../core/analytics/summarise-analytics";
import { grantPoints } from "../../core/giving/grant-points";
import { checkLedger } from "../../core/ledger/check-ledger";
import { updatePerson } from "../../core/people/update-person";
import type { Database } from "../../db/client";
import { appPoolOnWorkerDatabase } from "../support/app-database";
import { expectDomainError } from "../support/assertions";
import { workerDatabase } from "../support/database";
import { createTestOrg, key, type TestOrg, type TestPerson } from "../support/factories";
import { giveAt } from "../support/giving";

/** The browser's session: the person signed in, or nobody. */
const browser = vi.hoisted(() => ({ personId: null as string | null }));
vi.mock("@/app/_lib/auth", () => ({
  auth: async () =>
    browser.personId ? { personId: browser.personId, expires: "2099-01-01T00:00:00Z" } : null,
}));

const database = workerDatabase();
appPoolOnWorkerDatabase();
afterEach(() => {
  browser.personId = null;
});

const NOW = new Date("2026-06-15T12:00:00Z");
const now = () => NOW;
const RANGE = { from: "2026-04", to: "2026-06" };

/**
 * A small org, all in UTC, whose every figure is worked out by hand below:
 *
 *   Mia (manager, Engineering) ── Ana (Engineering) ── Ben (Engineering)
 *                              └─ Sam (Sales)
 *   Olu (Sales), Ode (Operations), Admin (no department): outside Mia's line
 *
 *   Apr 10  Ana → Ben 10 #teamwork            May 5   Ben → Olu 20 #craft
 *   Apr 20  Olu → Ana, Sam 5 each #teamwork #craft   May 6   Mia → Ana 15
 *   Jun 1   Sam → Ode 10 #teamwork            Jun 10  company award → Ben 25
 */
interface Fixture {
  org: TestOrg;
  admin: TestPerson;
  mia: TestPerson;
  ana: TestPerson;
  ben: TestPerson;
  sam: TestPerson;
  olu: TestPerson;
  ode: TestPerson;
}

async function fixture(db: Database): Promise<Fixture> {
  const org = await createTestOrg(db, { timeZone: "UTC" });
  await org.addValues("teamwork", "craft");
  const mia = await org.addPerson({ name: "Mia", department: "Engineering", roles: ["employee", "manager"] });
  const ana = await org.addPerson({ name: "Ana", department: "Engineering", managerId: mia.id });
  const ben = await org.addPerson({ name: "Ben", department: "Engineering", managerId: ana.id });
  const sam = await org.addPerson({ name: "Sam", department: "Sales", managerId: mia.id });
  const olu = await org.addPerson({ name: "Olu", department: "Sales" });
  const ode = await org.addPerson({ name: "Ode", department: "Operations" });
  await giveAt(db, ana, [ben], 10, { at: "2026-04-10T09:00:00Z", values: ["teamwork"] });
  await giveAt(db, olu, [ana, sam], 5, { at: "2026-04-20T09:00:00Z", values: ["teamwork", "craft"] });
  await giveAt(db, ben, [olu], 20, { at: "2026-05-05T09:00:00Z", values: ["craft"] });
  await giveAt(db, mia, [ana], 15, { at: "2026-05-06T09:00:00Z" });
  await giveAt(db, sam, [ode], 10, { at: "2026-06-01T09:00:00Z", values: ["teamwork"] });
  await grantPoints(
    db,
    org.admin.actor,
    { recipientIds: [ben.id], amount: 25, message: "Spot award", idempotencyKey: key() },
    () => new Date("2026-06-10T09:00:00Z"),
  );
  return { org, admin: org.admin, mia, ana, ben, sam, olu, ode };
}

const month = (
  name: string,
  people: number,
  givers: number,
  receivers: number,
  [recognitionsGiven, pointsGiven, recognitionsReceived, pointsReceived]: number[],
) => ({
  month: name,
  people,
  givers,
  receivers,
  recognitionsGiven,
  pointsGiven,
  recognitionsReceived,
  pointsReceived,
});

const names = (people: { name: string }[]) => people.map((person) => person.name);
const tops = (people: { name: string; recognitions: number; points: number }[]) =>
  people.map(({ name, recognitions, points }) => [name, recognitions, points]);
const flows = (analytics: Analytics) =>
  analytics.flows
    .map((flow) => {
      const end = (e: (typeof flow)["from"]) => (e.kind === "department" ? e.name : e.kind);
      return `${end(flow.from)} > ${end(flow.to)}: ${flow.recognitions}, ${flow.points}`;
    })
    .sort();

function expectOrgFigures(analytics: Analytics): void {
  expect(analytics.scope).toBe("org");
  expect(analytics.months).toEqual([
    month("2026-04", 7, 2, 3, [2, 20, 3, 20]),
    month("2026-05", 7, 2, 2, [2, 35, 2, 35]),
    month("2026-06", 7, 1, 2, [1, 10, 2, 35]),
  ]);
  expect(analytics.values.map((v) => [v.name, v.recognitions])).toEqual([
    ["teamwork", 3],
    ["craft", 2],
  ]);
  expect(flows(analytics)).toEqual([
    "Engineering > Engineering: 2, 25",
    "Engineering > Sales: 1, 20",
    "Sales > Engineering: 1, 5",
    "Sales > Operations: 1, 10",
    "Sales > Sales: 1, 5",
    "company > Engineering: 1, 25",
  ]);
  expect(tops(analytics.topGivers)).toEqual([
    ["Ben", 1, 20],
    ["Mia", 1, 15],
    ["Ana", 1, 10],
    ["Olu", 1, 10],
    ["Sam", 1, 10],
  ]);
  expect(tops(analytics.topReceivers)).toEqual([
    ["Ben", 2, 35],
    ["Ana", 2, 20],
    ["Olu", 1, 20],
    ["Ode", 1, 10],
    ["Sam", 1, 5],
  ]);
  // Never recognised first (by name), then the longest ago; Ben (Jun 10) and Ode (Jun 1) are recent.
  expect(names(analytics.notRecognised)).toEqual(["Admin", "Mia", "Sam", "Olu", "Ana"]);
}

function expectLineFigures(analytics: Analytics): void {
  expect(analytics.scope).toBe("line");
  expect(analytics.departments).toEqual(["Engineering", "Sales"]);
  expect(analytics.months).toEqual([
    month("2026-04", 3, 1, 3, [1, 10, 3, 20]),
    month("2026-05", 3, 1, 1, [1, 20, 1, 15]),
    month("2026-06", 3, 1, 1, [1, 10, 1, 25]),
  ]);
  expect(analytics.values.map((v) => [v.name, v.recognitions])).toEqual([
    ["teamwork", 2],
    ["craft", 1],
  ]);
  // Olu's and Mia's thanks to Ana come from outside the line, Ben's to Olu and Sam's to Ode go out of it.
  expect(flows(analytics)).toEqual([
    "Engineering > Engineering: 1, 10",
    "Engineering > outside: 1, 20",
    "Sales > outside: 1, 10",
    "company > Engineering: 1, 25",
    "outside > Engineering: 2, 20",
    "outside > Sales: 1, 5",
  ]);
  expect(tops(analytics.topGivers)).toEqual([
    ["Ben", 1, 20],
    ["Ana", 1, 10],
    ["Sam", 1, 10],
  ]);
  expect(tops(analytics.topReceivers)).toEqual([
    ["Ben", 2, 35],
    ["Ana", 2, 20],
    ["Sam", 1, 5],
  ]);
  expect(names(analytics.notRecognised)).toEqual(["Sam", "Ana"]);
}

describe("recognition analytics", () => {
  let db: Database;
  let f: Fixture;
  beforeAll(async () => {
    ({ db } = await database());
    f = await fixture(db);
  });

  it("counts an admin's whole org and a manager's line alike from the recognitions and from the rollups", async () => {
    expectOrgFigures(await getAnalytics(db, f.admin.actor, RANGE, now));
    expectLineFigures(await getAnalytics(db, f.mia.actor, RANGE, now));

    // Summed up to mid-May first (the rest read one by one), then to the end.
    const may = () => new Date("2026-05-05T12:00:00Z");
    const partial = await summariseAnalytics(db, f.org.system, may);
    expect(partial.errors).toEqual([]);
    expect(partial.stretches).toBeGreaterThan(0);
    expectOrgFigures(await getAnalytics(db, f.admin.actor, RANGE, now));
    expectLineFigures(await getAnalytics(db, f.mia.actor, RANGE, now));

    await summariseAnalytics(db, f.org.system, now);
    const [mark] = await db.execute<{ through: string }>(
      sql`select through::text from analytics_watermarks where org_id = ${f.org.id}::uuid`,
    );
    expect(new Date(mark?.through ?? 0).getTime()).toBe(NOW.getTime() - 15 * 60_000);
    const [rows] = await db.execute<{ count: number }>(
      sql`select count(*)::int as count from analytics_person_months where org_id = ${f.org.id}::uuid`,
    );
    expect(rows?.count).toBeGreaterThan(0);
    expectOrgFigures(await getAnalytics(db, f.admin.actor, RANGE, now));
    expectLineFigures(await getAnalytics(db, f.mia.actor, RANGE, now));
    // A second pass finds nothing left to do.
    expect((await summariseAnalytics(db, f.org.system, now)).stretches).toBe(0);

    // `npm run db:check` proves the rollups equal the recognitions before the watermark.
    const analyticsViolations = async () =>
      (await checkLedger(db, { kind: "operator" }, { orgId: f.org.id })).filter((v) =>
        v.check.startsWith("analytics_"),
      );
    expect(await analyticsViolations()).toEqual([]);
    await db.execute(sql`update analytics_person_months set given_points = given_points + 1
      where org_id = ${f.org.id}::uuid and person_id = ${f.ben.id}::uuid and month = '2026-05-01'`);
    expect((await analyticsViolations()).map((v) => v.check)).toEqual(["analytics_person_months_stale"]);
    await db.execute(sql`update analytics_person_months set given_points = given_points - 1
      where org_id = ${f.org.id}::uuid and person_id = ${f.ben.id}::uuid and month = '2026-05-01'`);
  });

  it("narrows to a department and to a range of months", async () => {
    const sales = await getAnalytics(db, f.admin.actor, { ...RANGE, department: "Sales" }, now);
    expect(sales.months).toEqual([
      month("2026-04", 2, 1, 1, [1, 10, 1, 5]),
      month("2026-05", 2, 0, 1, [0, 0, 1, 20]),
      month("2026-06", 2, 1, 0, [1, 10, 0, 0]),
    ]);
    expect(sales.values.map((v) => [v.name, v.recognitions])).toEqual([
      ["teamwork", 2],
      ["craft", 1],
    ]);
    expect(flows(sales)).toEqual([
      "Engineering > Sales: 1, 20",
      "Sales > Engineering: 1, 5",
      "Sales > Operations: 1, 10",
      "Sales > Sales: 1, 5",
    ]);
    expect(names(sales.notRecognised)).toEqual(["Sam", "Olu"]);

    const engineeringLine = await getAnalytics(db, f.mia.actor, { ...RANGE, department: "Engineering" }, now);
    expect(engineeringLine.months.map((m) => m.people)).toEqual([2, 2, 2]);
    expect(names(engineeringLine.topGivers)).toEqual(["Ben", "Ana"]);

    const may = await getAnalytics(db, f.admin.actor, { from: "2026-05", to: "2026-05" }, now);
    expect(may.months).toEqual([month("2026-05", 7, 2, 2, [2, 35, 2, 35])]);
    expect(tops(may.topReceivers)).toEqual([
      ["Olu", 1, 20],
      ["Ana", 1, 15],
    ]);
    expect(may.values.map((v) => [v.name, v.recognitions])).toEqual([["craft", 1]]);

    // The last twelve months by default, ending with the current one.
    const byDefault = await getAnalytics(db, f.admin.actor, {}, now);
    expect([byDefault.from, byDefault.to, byDefault.months.length]).toEqual(["2025-07", "2026-06", 12]);
    const longer = await getAnalytics(db, f.admin.actor, { days: 60 }, now);
    expect(names(longer.notRecognised)).toEqual(["Admin", "Mia"]);
  });

  it("refuses what it can't show", async () => {
    await expectDomainError(getAnalytics(db, f.ana.actor, RANGE, now), "forbidden");
    await expectDomainError(
      exportAnalytics(db, f.ana.actor, { ...RANGE, section: "months" }, now),
      "forbidden",
    );
    const reversed = await expectDomainError(
      getAnalytics(db, f.admin.actor, { from: "2026-06", to: "2026-04" }, now),
      "invalid",
    );
    expect(reversed.details?.field).toBe("from");
    await expectDomainError(getAnalytics(db, f.admin.actor, { to: "2026-07" }, now), "invalid");
    // A manager can't narrow to a department of no one in their line.
    const other = await expectDomainError(
      getAnalytics(db, f.mia.actor, { department: "Operations" }, now),
      "invalid",
    );
    expect(other.details?.field).toBe("department");
  });

  it("starts the rollups again after a back-dated recognition or a change of department", async () => {
    const { db: own } = await database();
    const g = await fixture(own);
    await summariseAnalytics(own, g.org.system, now);
    // Back-dated into May, already summed: the org's totals are dropped and read from the recognitions.
    await giveAt(own, g.ode, [g.sam], 7, { at: "2026-05-20T09:00:00Z", values: ["craft"] });
    const marks = async () =>
      (
        await own.execute<{ count: number }>(
          sql`select count(*)::int as count from analytics_watermarks where org_id = ${g.org.id}::uuid`,
        )
      )[0]?.count;
    expect(await marks()).toBe(0);
    const after = await getAnalytics(own, g.admin.actor, RANGE, now);
    expect(after.months[1]).toEqual(month("2026-05", 7, 3, 3, [3, 42, 3, 42]));
    await summariseAnalytics(own, g.org.system, now);
    expect(await marks()).toBe(1);
    expect((await getAnalytics(own, g.admin.actor, RANGE, now)).months[1]?.pointsGiven).toBe(42);

    // Sam moves to Engineering: Sales' figures follow the people now in it.
    await updatePerson(own, g.admin.actor, { personId: g.sam.id, department: "Engineering" });
    expect(await marks()).toBe(0);
    await summariseAnalytics(own, g.org.system, now);
    const sales = await getAnalytics(own, g.admin.actor, { ...RANGE, department: "Sales" }, now);
    expect(sales.months.map((m) => m.people)).toEqual([1, 1, 1]);
    expect(flows(sales)).toEqual(["Engineering > Sales: 1, 20", "Sales > Engineering: 2, 10"]);
  });

  it("downloads each table as CSV, a manager's holding no one outside their line", async () => {
    const query = `from=${RANGE.from}&to=${RANGE.to}&days=30`;
    const get = (personId: string, params: string) => {
      browser.personId = personId;
      return download(new Request(`http://localhost/analytics/download?${params}`));
    };

    const months = await get(f.admin.id, `section=months&${query}`);
    expect(months.status).toBe(200);
    expect(months.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(months.headers.get("content-disposition")).toBe(
      'attachment; filename="analytics-months-2026-04-to-2026-06.csv"',
    );
    expect(await months.text()).toBe(
      [
        "month,people,gave,gave_percent,received,received_percent,recognitions_given,points_given,recognitions_received,points_received,points_received_value,currency",
        "2026-04,7,2,28.6,3,42.9,2,20,3,20,2.00,USD",
        "2026-05,7,2,28.6,2,28.6,2,35,2,35,3.50,USD",
        "2026-06,7,1,14.3,2,28.6,1,10,2,35,3.50,USD",
        "",
      ].join("\r\n"),
    );

    const flowsFile = await (await get(f.mia.id, `section=flows&${query}`)).text();
    expect(flowsFile.split("\r\n")[0]).toBe("from,to,recognitions,points,points_value,currency");
    expect(flowsFile).toContain("Outside your reporting line,Engineering,2,20,2.00,USD");
    expect(flowsFile).not.toContain("Operations");

    for (const section of ["givers", "receivers", "not-recognised"]) {
      const text = await (await get(f.mia.id, `section=${section}&${query}`)).text();
      for (const outsider of [f.mia, f.olu, f.ode, f.admin]) {
        expect(text).not.toContain(outsider.id);
      }
    }
    const receivers = await (await get(f.mia.id, `section=receivers&${query}`)).text();
    expect(receivers).toBe(
      [
        "rank,person_id,name,department,recognitions,points,points_value,currency",
        `1,${f.ben.id},Ben,Engineering,2,35,3.50,USD`,
        `2,${f.ana.id},Ana,Engineering,2,20,2.00,USD`,
        `3,${f.sam.id},Sam,Sales,1,5,0.50,USD`,
        "",
      ].join("\r\n"),
    );
    const sales = await get(f.admin.id, `section=values&${query}&department=Sales`);
    expect(sales.headers.get("content-disposition")).toContain(
      "analytics-values-2026-04-to-2026-06-sales.csv",
    );
    expect(await sales.text()).toBe("value,retired,recognitions\r\nteamwork,no,2\r\ncraft,no,1\r\n");

    expect((await get(f.ana.id, `section=months&${query}`)).status).toBe(403);
    expect((await get(f.admin.id, `section=everything&${query}`)).status).toBe(400);
  });
});
