import { describe, expect, it } from "vitest";
import {
  celebrationDays,
  celebrationMessage,
  isLeapYear,
  occasionPoints,
  ordinal,
} from "../../core/celebrations/occasion-calendar";
import { formatMonthDay, monthDayOf } from "../../core/people/month-day";

describe("ordinals", () => {
  it.each([
    [1, "1st"],
    [2, "2nd"],
    [3, "3rd"],
    [4, "4th"],
    [10, "10th"],
    [11, "11th"],
    [12, "12th"],
    [13, "13th"],
    [21, "21st"],
    [22, "22nd"],
    [23, "23rd"],
    [101, "101st"],
    [111, "111th"],
    [112, "112th"],
  ])("%i is %s", (n, expected) => {
    expect(ordinal(n)).toBe(expected);
  });
});

describe("the days a pass celebrates on", () => {
  it("are today and the six days before, oldest first, across a year's end", () => {
    const days = celebrationDays({ year: 2027, month: 1, day: 3 });
    expect(days).toEqual([
      { monthDay: "12-28", year: 2026, celebratedOn: "2026-12-28" },
      { monthDay: "12-29", year: 2026, celebratedOn: "2026-12-29" },
      { monthDay: "12-30", year: 2026, celebratedOn: "2026-12-30" },
      { monthDay: "12-31", year: 2026, celebratedOn: "2026-12-31" },
      { monthDay: "01-01", year: 2027, celebratedOn: "2027-01-01" },
      { monthDay: "01-02", year: 2027, celebratedOn: "2027-01-02" },
      { monthDay: "01-03", year: 2027, celebratedOn: "2027-01-03" },
    ]);
  });

  it("put February 29th on the 28th in years without one, and on itself in leap years", () => {
    const common = celebrationDays({ year: 2027, month: 3, day: 1 });
    expect(common.filter((day) => day.celebratedOn === "2027-02-28").map((day) => day.monthDay)).toEqual([
      "02-28",
      "02-29",
    ]);
    expect(common.map((day) => day.celebratedOn)).not.toContain("2027-02-29");
    const leap = celebrationDays({ year: 2028, month: 3, day: 1 });
    expect(leap.filter((day) => day.monthDay === "02-29")).toEqual([
      { monthDay: "02-29", year: 2028, celebratedOn: "2028-02-29" },
    ]);
    expect(leap.filter((day) => day.celebratedOn === "2028-02-28").map((day) => day.monthDay)).toEqual([
      "02-28",
    ]);
  });

  it("know which years are leap years", () => {
    expect([1900, 2000, 2024, 2026, 2100].map(isLeapYear)).toEqual([false, true, true, false, false]);
  });
});

describe("a celebration's words and points", () => {
  it("wish a happy birthday or the nth work anniversary by name", () => {
    expect(celebrationMessage("birthday", "Ana", null)).toBe("Happy birthday, Ana!");
    expect(celebrationMessage("work_anniversary", "Ana", 3)).toBe("Happy 3rd work anniversary, Ana!");
    expect(celebrationMessage("work_anniversary", "Ana", 11)).toBe("Happy 11th work anniversary, Ana!");
  });

  it("give the birthday amount, or the anniversary base plus the amount per year", () => {
    const settings = { birthdayPoints: 50, anniversaryPoints: 100, anniversaryPointsPerYear: 25 };
    expect(occasionPoints(settings, "birthday", null)).toBe(50);
    expect(occasionPoints(settings, "work_anniversary", 4)).toBe(200);
    expect(occasionPoints({ ...settings, anniversaryPointsPerYear: 0 }, "work_anniversary", 4)).toBe(100);
    expect(occasionPoints({ ...settings, birthdayPoints: null }, "birthday", null)).toBeNull();
    expect(occasionPoints({ ...settings, anniversaryPoints: null }, "work_anniversary", 4)).toBeNull();
  });
});

describe("a birthday as shown", () => {
  it("keeps the month and day and never the year", () => {
    expect(monthDayOf("1990-04-02")).toBe("--04-02");
    expect(monthDayOf(null)).toBeNull();
    expect(formatMonthDay("1990-04-02")).toBe("April 2");
    expect(formatMonthDay("1992-02-29")).toBe("February 29");
  });
});
