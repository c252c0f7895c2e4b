import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getBalances } from "../../core/giving/get-balances";
import { givePoints } from "../../core/giving/give-points";
import { monthKey, startOfLocalDay } from "../../core/shared/periods";
import { workerDatabase } from "../support/database";
import { createTestOrg, key } from "../support/factories";

const database = workerDatabase();

/** Month starts next to a DST change in each zone: the offset at midnight differs from the month before. */
const BOUNDARIES = [
  {
    timeZone: "America/New_York",
    month: { year: 2026, month: 4, day: 1 },
    utc: "2026-04-01T04:00:00.000Z",
    before: "2026-03",
  },
  {
    timeZone: "America/New_York",
    month: { year: 2026, month: 11, day: 1 },
    utc: "2026-11-01T04:00:00.000Z",
    before: "2026-10",
  },
  {
    timeZone: "Europe/London",
    month: { year: 2026, month: 11, day: 1 },
    utc: "2026-11-01T00:00:00.000Z",
    before: "2026-10",
  },
  {
    timeZone: "Europe/London",
    month: { year: 2026, month: 4, day: 1 },
    utc: "2026-03-31T23:00:00.000Z",
    before: "2026-03",
  },
  {
    timeZone: "Pacific/Auckland",
    month: { year: 2026, month: 4, day: 1 },
    utc: "2026-03-31T11:00:00.000Z",
    before: "2026-03",
  },
  {
    timeZone: "Pacific/Auckland",
    month: { year: 2026, month: 5, day: 1 },
    utc: "2026-04-30T12:00:00.000Z",
    before: "2026-04",
  },
  {
    timeZone: "Pacific/Auckland",
    month: { year: 2026, month: 10, day: 1 },
    utc: "2026-09-30T11:00:00.000Z",
    before: "2026-09",
  },
] as const;

describe("allowance months follow the org's time zone", () => {
  for (const boundary of BOUNDARIES) {
    const label = `${boundary.timeZone} ${boundary.month.year}-${String(boundary.month.month).padStart(2, "0")}`;

    it(`${label}: a give one millisecond before local midnight spends the old month, at midnight the new one`, async () => {
      const { db } = await database();
      const org = await createTestOrg(db, { timeZone: boundary.timeZone, defaultMonthlyAllowance: 100 });
      const [giver, ana] = await org.addPeople(2);
      if (!giver || !ana) throw new Error("people not created");
      const midnight = startOfLocalDay(boundary.month, boundary.timeZone);
      expect(midnight.toISOString()).toBe(boundary.utc);
      const justBefore = new Date(midnight.getTime() - 1);
      const give = (clock: () => Date, amount: number) =>
        givePoints(
          db,
          giver.actor,
          { recipientIds: [ana.id], amount, message: "Thanks", source: "web", idempotencyKey: key() },
          clock,
        );

      const late = await give(() => justBefore, 60);
      expect(late.period).toBe(boundary.before);
      expect(late.allowanceRemaining).toBe(40);
      const early = await give(() => midnight, 70);
      expect(early.period).toBe(monthKey(midnight, boundary.timeZone));
      expect(early.period).not.toBe(boundary.before);
      expect(early.allowanceRemaining).toBe(30);
      // No job ran in between: the new month's allowance opened with the first give in it.
      expect((await getBalances(db, giver.actor, {}, () => justBefore)).allowance.remaining).toBe(40);
    });
  }

  it("computes the same month in the database as in TypeScript, hour by hour across DST changes", async () => {
    const { db } = await database();
    const instants: string[] = [];
    for (const start of [
      "2026-03-07T00:00:00Z",
      "2026-03-28T00:00:00Z",
      "2026-04-04T00:00:00Z",
      "2026-09-26T00:00:00Z",
      "2026-10-24T00:00:00Z",
      "2026-10-31T00:00:00Z",
    ]) {
      for (let hour = 0; hour < 72; hour++)
        instants.push(new Date(Date.parse(start) + hour * 3_600_000).toISOString());
    }
    for (const timeZone of ["America/New_York", "Europe/London", "Pacific/Auckland"]) {
      const rows = await db.execute<{ at: string; period: string }>(sql`
        select at::text as at, plaudit_period(${timeZone}, at::timestamptz) as period
        from unnest(${`{${instants.join(",")}}`}::text[]) as at`);
      for (const row of rows)
        expect(`${timeZone} ${row.at} ${row.period}`).toBe(
          `${timeZone} ${row.at} ${monthKey(new Date(row.at), timeZone)}`,
        );
    }
  });
});
