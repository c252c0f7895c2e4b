import { describe, expect, it } from "vitest";
import {
  addDays,
  daysBetween,
  instantOfLocalTime,
  isCalendarDay,
  isoDate,
  isoInZone,
  isValidTimeZone,
  lastDayOfMonthKey,
  localDate,
  localDateTime,
  localDay,
  monthKey,
  type PeriodKind,
  parseIsoDate,
  parseLocalDateTime,
  periodContaining,
  startOfLocalDay,
} from "../../core/shared/periods";

const NEW_YORK = "America/New_York";
const LONDON = "Europe/London";
const AUCKLAND = "Pacific/Auckland";

const at = (iso: string) => new Date(iso);
const justBefore = (instant: Date) => new Date(instant.getTime() - 1);

/**
 * Local midnight on the 1st of a month, as UTC instants, in 2026. Offsets: New York EST UTC-5 / EDT UTC-4
 * (DST 8 March to 1 November, which changes at 02:00 so midnight of 1 November is still EDT); London GMT /
 * BST UTC+1 (29 March to 25 October); Auckland NZDT UTC+13 until 5 April, NZST UTC+12 until 27 September.
 */
const MONTH_STARTS: { zone: string; month: number; instant: string }[] = [
  { zone: NEW_YORK, month: 1, instant: "2026-01-01T05:00:00.000Z" },
  { zone: NEW_YORK, month: 3, instant: "2026-03-01T05:00:00.000Z" },
  { zone: NEW_YORK, month: 4, instant: "2026-04-01T04:00:00.000Z" },
  { zone: NEW_YORK, month: 10, instant: "2026-10-01T04:00:00.000Z" },
  { zone: NEW_YORK, month: 11, instant: "2026-11-01T04:00:00.000Z" },
  { zone: NEW_YORK, month: 12, instant: "2026-12-01T05:00:00.000Z" },
  { zone: LONDON, month: 3, instant: "2026-03-01T00:00:00.000Z" },
  { zone: LONDON, month: 4, instant: "2026-03-31T23:00:00.000Z" },
  { zone: LONDON, month: 10, instant: "2026-09-30T23:00:00.000Z" },
  { zone: LONDON, month: 11, instant: "2026-11-01T00:00:00.000Z" },
  { zone: AUCKLAND, month: 1, instant: "2025-12-31T11:00:00.000Z" },
  { zone: AUCKLAND, month: 4, instant: "2026-03-31T11:00:00.000Z" },
  { zone: AUCKLAND, month: 5, instant: "2026-04-30T12:00:00.000Z" },
  { zone: AUCKLAND, month: 9, instant: "2026-08-31T12:00:00.000Z" },
  { zone: AUCKLAND, month: 10, instant: "2026-09-30T11:00:00.000Z" },
  { zone: "UTC", month: 1, instant: "2026-01-01T00:00:00.000Z" },
  { zone: "UTC", month: 7, instant: "2026-07-01T00:00:00.000Z" },
];

const key = (year: number, month: number) => `${year}-${String(month).padStart(2, "0")}`;
const previousMonthKey = (month: number) => (month === 1 ? key(2025, 12) : key(2026, month - 1));

describe("startOfLocalDay", () => {
  it.each(MONTH_STARTS)("local midnight of $zone 2026-$month-01 is $instant", ({ zone, month, instant }) => {
    expect(startOfLocalDay({ year: 2026, month, day: 1 }, zone).toISOString()).toBe(instant);
  });

  it("finds midnight on the days the clocks change", () => {
    // New York springs forward at 02:00 on 8 March and falls back at 02:00 on 1 November.
    expect(startOfLocalDay({ year: 2026, month: 3, day: 8 }, NEW_YORK).toISOString()).toBe(
      "2026-03-08T05:00:00.000Z",
    );
    expect(startOfLocalDay({ year: 2026, month: 3, day: 9 }, NEW_YORK).toISOString()).toBe(
      "2026-03-09T04:00:00.000Z",
    );
    expect(startOfLocalDay({ year: 2026, month: 11, day: 2 }, NEW_YORK).toISOString()).toBe(
      "2026-11-02T05:00:00.000Z",
    );
    // London falls back at 02:00 BST on 25 October: midnight that day is still BST.
    expect(startOfLocalDay({ year: 2026, month: 10, day: 25 }, LONDON).toISOString()).toBe(
      "2026-10-24T23:00:00.000Z",
    );
    expect(startOfLocalDay({ year: 2026, month: 10, day: 26 }, LONDON).toISOString()).toBe(
      "2026-10-26T00:00:00.000Z",
    );
    // Auckland falls back at 03:00 NZDT on 5 April and springs forward at 02:00 NZST on 27 September.
    expect(startOfLocalDay({ year: 2026, month: 4, day: 5 }, AUCKLAND).toISOString()).toBe(
      "2026-04-04T11:00:00.000Z",
    );
    expect(startOfLocalDay({ year: 2026, month: 4, day: 6 }, AUCKLAND).toISOString()).toBe(
      "2026-04-05T12:00:00.000Z",
    );
    expect(startOfLocalDay({ year: 2026, month: 9, day: 27 }, AUCKLAND).toISOString()).toBe(
      "2026-09-26T12:00:00.000Z",
    );
    expect(startOfLocalDay({ year: 2026, month: 9, day: 28 }, AUCKLAND).toISOString()).toBe(
      "2026-09-27T11:00:00.000Z",
    );
  });

  it("starts a day whose midnight is skipped at the first instant that exists", () => {
    // Chile springs forward at midnight: on 6 September 2026 the clock goes from 23:59:59 to 01:00.
    const start = startOfLocalDay({ year: 2026, month: 9, day: 6 }, "America/Santiago");
    expect(start.toISOString()).toBe("2026-09-06T04:00:00.000Z");
    expect(localDate(start, "America/Santiago")).toEqual({ year: 2026, month: 9, day: 6 });
    expect(localDate(justBefore(start), "America/Santiago")).toEqual({ year: 2026, month: 9, day: 5 });
  });

  it("handles zones whose offset is not a whole number of hours", () => {
    expect(startOfLocalDay({ year: 2026, month: 6, day: 1 }, "Asia/Kolkata").toISOString()).toBe(
      "2026-05-31T18:30:00.000Z",
    );
    expect(startOfLocalDay({ year: 2026, month: 6, day: 1 }, "Asia/Kathmandu").toISOString()).toBe(
      "2026-05-31T18:15:00.000Z",
    );
  });
});

describe("monthKey", () => {
  it.each(MONTH_STARTS)(
    "$zone: the month turns to 2026-$month exactly at $instant",
    ({ zone, month, instant }) => {
      const midnight = at(instant);
      expect(monthKey(midnight, zone)).toBe(key(2026, month));
      expect(monthKey(justBefore(midnight), zone)).toBe(previousMonthKey(month));
    },
  );

  it("gives the same instant different months in different zones", () => {
    const instant = at("2026-03-31T23:30:00.000Z");
    expect(monthKey(instant, "UTC")).toBe("2026-03");
    expect(monthKey(instant, LONDON)).toBe("2026-04");
    expect(monthKey(instant, NEW_YORK)).toBe("2026-03");
    expect(monthKey(instant, AUCKLAND)).toBe("2026-04");
  });

  it("tells apart instants within the last and the first second of a month", () => {
    const midnight = at("2026-04-01T04:00:00.000Z");
    expect(monthKey(new Date(midnight.getTime() + 999), NEW_YORK)).toBe("2026-04");
    expect(monthKey(new Date(midnight.getTime() - 999), NEW_YORK)).toBe("2026-03");
  });
});

describe("periodContaining", () => {
  it.each(MONTH_STARTS)("$zone: the month of 2026-$month starts at $instant", ({ zone, month, instant }) => {
    const midnight = at(instant);
    const period = periodContaining("month", midnight, zone);
    expect(period.kind).toBe("month");
    expect(period.start.toISOString()).toBe(instant);
    expect(period.label).toBe(key(2026, month));
    // One millisecond earlier is the previous month, which ends exactly where this one starts.
    const previous = periodContaining("month", justBefore(midnight), zone);
    expect(previous.label).toBe(previousMonthKey(month));
    expect(previous.end.toISOString()).toBe(instant);
  });

  it("covers a month whose length in hours changes with DST", () => {
    // New York March 2026 loses an hour; November gains one.
    const march = periodContaining("month", at("2026-03-15T12:00:00Z"), NEW_YORK);
    expect(march.start.toISOString()).toBe("2026-03-01T05:00:00.000Z");
    expect(march.end.toISOString()).toBe("2026-04-01T04:00:00.000Z");
    expect((march.end.getTime() - march.start.getTime()) / 3_600_000).toBe(31 * 24 - 1);
    const november = periodContaining("month", at("2026-11-15T12:00:00Z"), NEW_YORK);
    expect(november.start.toISOString()).toBe("2026-11-01T04:00:00.000Z");
    expect(november.end.toISOString()).toBe("2026-12-01T05:00:00.000Z");
    expect((november.end.getTime() - november.start.getTime()) / 3_600_000).toBe(30 * 24 + 1);
    // Auckland April 2026 gains an hour.
    const april = periodContaining("month", at("2026-04-10T00:00:00Z"), AUCKLAND);
    expect(april.start.toISOString()).toBe("2026-03-31T11:00:00.000Z");
    expect(april.end.toISOString()).toBe("2026-04-30T12:00:00.000Z");
    expect(april.label).toBe("2026-04");
  });

  it("puts an instant that is still the previous month locally in that month", () => {
    // 1 April 03:30 UTC is 31 March 23:30 in New York.
    const period = periodContaining("month", at("2026-04-01T03:30:00Z"), NEW_YORK);
    expect(period.label).toBe("2026-03");
    // 31 March 11:30 UTC is already 1 April 00:30 in Auckland.
    expect(periodContaining("month", at("2026-03-31T11:30:00Z"), AUCKLAND).label).toBe("2026-04");
  });

  it("wraps December into January of the next year", () => {
    const december = periodContaining("month", at("2026-12-31T12:00:00Z"), NEW_YORK);
    expect(december.label).toBe("2026-12");
    expect(december.start.toISOString()).toBe("2026-12-01T05:00:00.000Z");
    expect(december.end.toISOString()).toBe("2027-01-01T05:00:00.000Z");
  });

  const QUARTERS: {
    zone: string;
    instant: string;
    label: string;
    start: string;
    end: string;
  }[] = [
    // Q1 in New York starts in EST and ends in EDT.
    {
      zone: NEW_YORK,
      instant: "2026-02-14T12:00:00Z",
      label: "Q1 2026",
      start: "2026-01-01T05:00:00.000Z",
      end: "2026-04-01T04:00:00.000Z",
    },
    // Q4 in New York starts in EDT and ends in EST.
    {
      zone: NEW_YORK,
      instant: "2026-11-01T04:00:00.000Z",
      label: "Q4 2026",
      start: "2026-10-01T04:00:00.000Z",
      end: "2027-01-01T05:00:00.000Z",
    },
    // One millisecond before Q4 in New York is still Q3.
    {
      zone: NEW_YORK,
      instant: "2026-10-01T03:59:59.999Z",
      label: "Q3 2026",
      start: "2026-07-01T04:00:00.000Z",
      end: "2026-10-01T04:00:00.000Z",
    },
    // Q4 in London starts in BST and ends in GMT.
    {
      zone: LONDON,
      instant: "2026-12-01T00:00:00Z",
      label: "Q4 2026",
      start: "2026-09-30T23:00:00.000Z",
      end: "2027-01-01T00:00:00.000Z",
    },
    // Q2 in Auckland starts in NZDT and ends in NZST.
    {
      zone: AUCKLAND,
      instant: "2026-03-31T11:00:00.000Z",
      label: "Q2 2026",
      start: "2026-03-31T11:00:00.000Z",
      end: "2026-06-30T12:00:00.000Z",
    },
    // Q4 in Auckland starts after the September change, in NZDT.
    {
      zone: AUCKLAND,
      instant: "2026-12-31T10:59:59.999Z",
      label: "Q4 2026",
      start: "2026-09-30T11:00:00.000Z",
      end: "2026-12-31T11:00:00.000Z",
    },
    {
      zone: "UTC",
      instant: "2026-05-05T00:00:00Z",
      label: "Q2 2026",
      start: "2026-04-01T00:00:00.000Z",
      end: "2026-07-01T00:00:00.000Z",
    },
  ];

  it.each(QUARTERS)("$zone: $instant is in $label", ({ zone, instant, label, start, end }) => {
    const period = periodContaining("quarter", at(instant), zone);
    expect(period).toEqual({ kind: "quarter", label, start: at(start), end: at(end) });
  });

  const YEARS: { zone: string; instant: string; label: string; start: string; end: string }[] = [
    {
      zone: NEW_YORK,
      instant: "2026-07-04T16:00:00Z",
      label: "2026",
      start: "2026-01-01T05:00:00.000Z",
      end: "2027-01-01T05:00:00.000Z",
    },
    // 1 January 04:59:59.999 UTC is still New Year's Eve in New York.
    {
      zone: NEW_YORK,
      instant: "2026-01-01T04:59:59.999Z",
      label: "2025",
      start: "2025-01-01T05:00:00.000Z",
      end: "2026-01-01T05:00:00.000Z",
    },
    // Auckland's year starts and ends in NZDT, on 31 December UTC.
    {
      zone: AUCKLAND,
      instant: "2025-12-31T11:00:00.000Z",
      label: "2026",
      start: "2025-12-31T11:00:00.000Z",
      end: "2026-12-31T11:00:00.000Z",
    },
    {
      zone: LONDON,
      instant: "2026-06-21T12:00:00Z",
      label: "2026",
      start: "2026-01-01T00:00:00.000Z",
      end: "2027-01-01T00:00:00.000Z",
    },
    {
      zone: "UTC",
      instant: "2026-12-31T23:59:59.999Z",
      label: "2026",
      start: "2026-01-01T00:00:00.000Z",
      end: "2027-01-01T00:00:00.000Z",
    },
  ];

  it.each(YEARS)("$zone: $instant is in the year $label", ({ zone, instant, label, start, end }) => {
    const period = periodContaining("year", at(instant), zone);
    expect(period).toEqual({ kind: "year", label, start: at(start), end: at(end) });
  });

  it("labels every quarter and month of a year and leaves no gap between consecutive periods", () => {
    const kinds: PeriodKind[] = ["month", "quarter", "year"];
    for (const zone of [NEW_YORK, LONDON, AUCKLAND, "UTC"]) {
      for (const kind of kinds) {
        let period = periodContaining(kind, startOfLocalDay({ year: 2026, month: 1, day: 1 }, zone), zone);
        const labels: string[] = [];
        while (period.start < startOfLocalDay({ year: 2027, month: 1, day: 1 }, zone)) {
          labels.push(period.label);
          expect(period.end.getTime()).toBeGreaterThan(period.start.getTime());
          const next = periodContaining(kind, period.end, zone);
          expect(next.start).toEqual(period.end);
          period = next;
        }
        const expected =
          kind === "year"
            ? ["2026"]
            : kind === "quarter"
              ? ["Q1 2026", "Q2 2026", "Q3 2026", "Q4 2026"]
              : Array.from({ length: 12 }, (_, index) => key(2026, index + 1));
        expect(labels, `${kind} in ${zone}`).toEqual(expected);
      }
    }
  });
});

describe("isValidTimeZone", () => {
  it("accepts IANA names and refuses anything else", () => {
    expect(isValidTimeZone(AUCKLAND)).toBe(true);
    expect(isValidTimeZone("UTC")).toBe(true);
    expect(isValidTimeZone("Mars/Olympus_Mons")).toBe(false);
    expect(isValidTimeZone("")).toBe(false);
  });
});

describe("instantOfLocalTime", () => {
  const wall = (text: string) => {
    const parsed = parseLocalDateTime(text.slice(0, 10), text.slice(11));
    if (!parsed) throw new Error(`not a local time: ${text}`);
    return parsed;
  };

  it.each([
    { zone: NEW_YORK, local: "2026-11-30T23:59:59", instant: "2026-12-01T04:59:59.000Z" },
    { zone: NEW_YORK, local: "2026-07-04T12:00:00", instant: "2026-07-04T16:00:00.000Z" },
    { zone: "Europe/Berlin", local: "2026-03-29T01:59:00", instant: "2026-03-29T00:59:00.000Z" },
    { zone: "Europe/Berlin", local: "2026-03-29T03:00:00", instant: "2026-03-29T01:00:00.000Z" },
    { zone: "Australia/Sydney", local: "2026-10-04T12:00:00", instant: "2026-10-04T01:00:00.000Z" },
    { zone: "Asia/Kathmandu", local: "2026-06-01T00:15:00", instant: "2026-05-31T18:30:00.000Z" },
  ])("$local in $zone is $instant", ({ zone, local, instant }) => {
    const at = instantOfLocalTime(wall(local), zone);
    expect(at.toISOString()).toBe(instant);
    expect(localDateTime(at, zone)).toEqual(wall(local));
  });

  it("reads a time the clocks skip as far past the jump as it was into the gap", () => {
    // New York jumps from 02:00 EST to 03:00 EDT on 8 March 2026: 02:30 does not exist.
    expect(instantOfLocalTime(wall("2026-03-08T02:30:00"), NEW_YORK).toISOString()).toBe(
      "2026-03-08T07:30:00.000Z",
    );
    // Sydney jumps from 02:00 to 03:00 on 4 October 2026.
    expect(instantOfLocalTime(wall("2026-10-04T02:15:00"), "Australia/Sydney").toISOString()).toBe(
      "2026-10-03T16:15:00.000Z",
    );
  });

  it("names the first passing of a time the clocks pass twice", () => {
    // New York falls back from 02:00 EDT to 01:00 EST on 1 November 2026: 01:30 happens twice.
    const first = instantOfLocalTime(wall("2026-11-01T01:30:00"), NEW_YORK);
    expect(first.toISOString()).toBe("2026-11-01T05:30:00.000Z");
    expect(localDateTime(new Date(first.getTime() + 3_600_000), NEW_YORK)).toEqual(
      wall("2026-11-01T01:30:00"),
    );
    // Berlin falls back from 03:00 CEST to 02:00 CET on 25 October 2026.
    expect(instantOfLocalTime(wall("2026-10-25T02:30:00"), "Europe/Berlin").toISOString()).toBe(
      "2026-10-25T00:30:00.000Z",
    );
  });
});

describe("isoInZone", () => {
  it.each([
    { zone: NEW_YORK, instant: "2026-12-01T04:59:59.000Z", iso: "2026-11-30T23:59:59-05:00" },
    { zone: NEW_YORK, instant: "2026-07-04T16:00:00.000Z", iso: "2026-07-04T12:00:00-04:00" },
    { zone: "Asia/Kathmandu", instant: "2026-05-31T18:30:00.000Z", iso: "2026-06-01T00:15:00+05:45" },
    { zone: "UTC", instant: "2026-01-01T00:00:00.000Z", iso: "2026-01-01T00:00:00+00:00" },
    { zone: "America/St_Johns", instant: "2026-01-15T12:00:00.000Z", iso: "2026-01-15T08:30:00-03:30" },
  ])("$instant in $zone reads $iso", ({ zone, instant, iso }) => {
    expect(isoInZone(at(instant), zone)).toBe(iso);
    expect(new Date(iso).toISOString()).toBe(instant);
  });

  it("tells the two passings of a repeated hour apart by their offsets", () => {
    expect(isoInZone(at("2026-11-01T05:30:00Z"), NEW_YORK)).toBe("2026-11-01T01:30:00-04:00");
    expect(isoInZone(at("2026-11-01T06:30:00Z"), NEW_YORK)).toBe("2026-11-01T01:30:00-05:00");
  });
});

describe("parseLocalDateTime", () => {
  it("reads what date and time inputs send, with or without seconds", () => {
    expect(parseLocalDateTime("2026-11-30", "14:30")).toEqual({
      year: 2026,
      month: 11,
      day: 30,
      hour: 14,
      minute: 30,
      second: 0,
    });
    expect(parseLocalDateTime("2028-02-29", "23:59:59")).toMatchObject({ day: 29, second: 59 });
  });

  it.each([
    ["2026-02-29", "12:00"],
    ["2026-11-31", "12:00"],
    ["2026-13-01", "12:00"],
    ["2026-11-30", "24:00"],
    ["2026-11-30", "12:60"],
    ["2026-11-30", "12:00:60"],
    ["30/11/2026", "12:00"],
    ["2026-11-30", "2pm"],
    ["", ""],
  ])("refuses %s %s", (date, time) => {
    expect(parseLocalDateTime(date, time)).toBeNull();
  });
});

describe("lastDayOfMonthKey", () => {
  it("names the month's true last day, leap years included", () => {
    expect(lastDayOfMonthKey("2026-11")).toBe("Nov 30");
    expect(lastDayOfMonthKey("2026-12")).toBe("Dec 31");
    expect(lastDayOfMonthKey("2028-02")).toBe("Feb 29");
    expect(lastDayOfMonthKey("2027-02")).toBe("Feb 28");
  });
});

describe("calendar days", () => {
  it("writes, reads, moves and counts days across month, year and leap-day ends", () => {
    expect(isoDate({ year: 2026, month: 3, day: 1 })).toBe("2026-03-01");
    expect(parseIsoDate("2028-02-29")).toEqual({ year: 2028, month: 2, day: 29 });
    expect(addDays({ year: 2028, month: 2, day: 28 }, 1)).toEqual({ year: 2028, month: 2, day: 29 });
    expect(addDays({ year: 2027, month: 1, day: 1 }, -1)).toEqual({ year: 2026, month: 12, day: 31 });
    expect(daysBetween("2026-12-30", "2027-01-02")).toBe(3);
    expect(daysBetween("2026-03-07", "2026-03-09")).toBe(2);
  });

  it("knows a real day from one the calendar hasn't, and the local day of an instant", () => {
    expect(["2028-02-29", "2026-12-31"].map(isCalendarDay)).toEqual([true, true]);
    expect(["2026-02-29", "2026-13-01", "2026-1-1", "yesterday"].map(isCalendarDay)).toEqual([
      false,
      false,
      false,
      false,
    ]);
    const instant = new Date("2026-12-07T11:30:00Z");
    expect(localDay(instant, "Pacific/Auckland")).toBe("2026-12-08");
    expect(localDay(instant, "Pacific/Honolulu")).toBe("2026-12-07");
  });
});
