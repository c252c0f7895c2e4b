import { describe, expect, it } from "vitest";
import { getBill } from "../../core/billing/get-bill";
import { listBills } from "../../core/billing/list-bills";
import { billOf, createBillingOrg, handedOverAt, periodsOf } from "../support/billing";
import { workerDatabase } from "../support/database";
import { rewardsFixture } from "../support/rewards-fixture";

const database = workerDatabase();
const fixture = rewardsFixture();
const HOUR_MS = 60 * 60_000;

interface Fulfilment {
  /** The instant the admin hands the reward over, in UTC. */
  at: string;
  /** What a clock on the office wall said then, for the reader. */
  local: string;
  period: string;
  fulfilledDate: string;
}

interface Month {
  period: string;
  start: string;
  end: string;
  hours: number;
}

interface Zone {
  timeZone: string;
  fulfilments: Fulfilment[];
  /** Months whose length a DST change alters, and one that has no change, computed by hand. */
  months: Month[];
}

const ZONES: Zone[] = [
  {
    timeZone: "America/New_York",
    fulfilments: [
      // West of UTC: late evening on the last day is already the next day in UTC.
      {
        at: "2025-02-01T04:30:00Z",
        local: "Jan 31 23:30 EST",
        period: "2025-01",
        fulfilledDate: "2025-01-31",
      },
      {
        at: "2025-02-01T05:30:00Z",
        local: "Feb 1 00:30 EST",
        period: "2025-02",
        fulfilledDate: "2025-02-01",
      },
      {
        at: "2025-03-01T04:59:59.999Z",
        local: "Feb 28 23:59:59.999 EST",
        period: "2025-02",
        fulfilledDate: "2025-02-28",
      },
      {
        at: "2025-03-01T05:00:00Z",
        local: "Mar 1 00:00 EST",
        period: "2025-03",
        fulfilledDate: "2025-03-01",
      },
      // After the spring change the month ends at 04:00 UTC, not 05:00.
      {
        at: "2025-04-01T03:30:00Z",
        local: "Mar 31 23:30 EDT",
        period: "2025-03",
        fulfilledDate: "2025-03-31",
      },
      {
        at: "2025-04-01T04:30:00Z",
        local: "Apr 1 00:30 EDT",
        period: "2025-04",
        fulfilledDate: "2025-04-01",
      },
      {
        at: "2025-12-01T04:30:00Z",
        local: "Nov 30 23:30 EST",
        period: "2025-11",
        fulfilledDate: "2025-11-30",
      },
    ],
    months: [
      { period: "2025-02", start: "2025-02-01T05:00:00.000Z", end: "2025-03-01T05:00:00.000Z", hours: 672 },
      { period: "2025-03", start: "2025-03-01T05:00:00.000Z", end: "2025-04-01T04:00:00.000Z", hours: 743 },
      { period: "2025-11", start: "2025-11-01T04:00:00.000Z", end: "2025-12-01T05:00:00.000Z", hours: 721 },
    ],
  },
  {
    timeZone: "Europe/Berlin",
    fulfilments: [
      {
        at: "2025-03-31T21:30:00Z",
        local: "Mar 31 23:30 CEST",
        period: "2025-03",
        fulfilledDate: "2025-03-31",
      },
      // East of UTC: just past midnight on the 1st is still the last day of the old month in UTC.
      {
        at: "2025-03-31T22:30:00Z",
        local: "Apr 1 00:30 CEST",
        period: "2025-04",
        fulfilledDate: "2025-04-01",
      },
      {
        at: "2025-10-31T22:30:00Z",
        local: "Oct 31 23:30 CET",
        period: "2025-10",
        fulfilledDate: "2025-10-31",
      },
      {
        at: "2025-10-31T23:30:00Z",
        local: "Nov 1 00:30 CET",
        period: "2025-11",
        fulfilledDate: "2025-11-01",
      },
    ],
    months: [
      { period: "2025-03", start: "2025-02-28T23:00:00.000Z", end: "2025-03-31T22:00:00.000Z", hours: 743 },
      { period: "2025-04", start: "2025-03-31T22:00:00.000Z", end: "2025-04-30T22:00:00.000Z", hours: 720 },
      { period: "2025-10", start: "2025-09-30T22:00:00.000Z", end: "2025-10-31T23:00:00.000Z", hours: 745 },
    ],
  },
  {
    timeZone: "Australia/Sydney",
    fulfilments: [
      {
        at: "2025-03-31T12:30:00Z",
        local: "Mar 31 23:30 AEDT",
        period: "2025-03",
        fulfilledDate: "2025-03-31",
      },
      {
        at: "2025-03-31T13:30:00Z",
        local: "Apr 1 00:30 AEDT",
        period: "2025-04",
        fulfilledDate: "2025-04-01",
      },
      {
        at: "2025-04-30T13:30:00Z",
        local: "Apr 30 23:30 AEST",
        period: "2025-04",
        fulfilledDate: "2025-04-30",
      },
      {
        at: "2025-10-31T12:30:00Z",
        local: "Oct 31 23:30 AEDT",
        period: "2025-10",
        fulfilledDate: "2025-10-31",
      },
      {
        at: "2025-10-31T13:30:00Z",
        local: "Nov 1 00:30 AEDT",
        period: "2025-11",
        fulfilledDate: "2025-11-01",
      },
    ],
    months: [
      // The southern autumn change (April 6) lengthens April; the spring one (October 5) shortens October.
      { period: "2025-04", start: "2025-03-31T13:00:00.000Z", end: "2025-04-30T14:00:00.000Z", hours: 721 },
      { period: "2025-10", start: "2025-09-30T14:00:00.000Z", end: "2025-10-31T13:00:00.000Z", hours: 743 },
      { period: "2025-11", start: "2025-10-31T13:00:00.000Z", end: "2025-11-30T13:00:00.000Z", hours: 720 },
    ],
  },
];

describe.each(ZONES)("bills in $timeZone", ({ timeZone, fulfilments, months }) => {
  it("put each fulfilment on the bill of its local month, dated by its local day", async () => {
    const { db } = await database();
    const org = await createBillingOrg(db, fixture, { timeZone });
    const person = await org.hire({ department: "Sales", costCenter: "CC-100" });
    const made: (Fulfilment & { redemptionId: string })[] = [];
    for (const fulfilment of fulfilments) {
      const redemption = await handedOverAt(db, org, person, new Date(fulfilment.at));
      made.push({ ...fulfilment, redemptionId: redemption.id });
    }

    const periods = [...new Set(fulfilments.map((fulfilment) => fulfilment.period))].sort();
    expect(await periodsOf(db, org.id)).toEqual(periods);
    for (const period of periods) {
      const { bill, lines } = await getBill(db, org.finance.actor, { period, limit: 500 });
      expect(bill).toMatchObject({ period, timeZone, status: "open" });
      const expected = made.filter((each) => each.period === period);
      expect(
        lines.map((line) => ({
          redemptionId: line.redemptionId,
          fulfilledAt: line.fulfilledAt,
          fulfilledDate: line.fulfilledDate,
        })),
        `the ${period} bill's lines`,
      ).toEqual(
        expected.map((each) => ({
          redemptionId: each.redemptionId,
          fulfilledAt: new Date(each.at).toISOString(),
          fulfilledDate: each.fulfilledDate,
        })),
      );
      // Every line lies inside the bill's own half-open month.
      for (const line of lines) {
        const at = new Date(line.fulfilledAt);
        expect(at >= bill.periodStart && at < bill.periodEnd).toBe(true);
      }
    }
    const listed = await listBills(db, org.finance.actor);
    expect(listed.map((bill) => [bill.period, bill.lines])).toEqual(
      periods.toReversed().map((period) => [period, made.filter((each) => each.period === period).length]),
    );
  });

  it("give each month its true length, DST changes included", async () => {
    const { db } = await database();
    const org = await createBillingOrg(db, fixture, { timeZone });
    const person = await org.hire();
    for (const month of months) {
      // A fulfilment in the middle of the month opens its bill.
      const middle = new Date((Date.parse(month.start) + Date.parse(month.end)) / 2);
      await handedOverAt(db, org, person, middle);
      const bill = await billOf(db, org.id, month.period);
      expect({
        start: bill.periodStart.toISOString(),
        end: bill.periodEnd.toISOString(),
        hours: (bill.periodEnd.getTime() - bill.periodStart.getTime()) / HOUR_MS,
      }).toEqual({ start: month.start, end: month.end, hours: month.hours });
    }
  });
});
