import { addDays, isoDate, type LocalDate } from "../shared/periods";

export type Occasion = "birthday" | "work_anniversary";

/** A pass looks this many days back, today included: what a week of downtime missed, and no further. */
export const CATCH_UP_DAYS = 7;

/** One day a pass may celebrate on, and a month and day of birth or hire that is celebrated on it. */
export interface CelebrationDay {
  /** `MM-DD` of a birthday or hire date. */
  monthDay: string;
  /** The year of the occasion, which its idempotency key names. */
  year: number;
  /** `YYYY-MM-DD`: the local day it falls on. */
  celebratedOn: string;
}

const two = (n: number) => String(n).padStart(2, "0");

export function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

/**
 * The days a pass celebrates on, given today's date in the org's zone: today and the six days before,
 * each with the month-days that fall on it. February 29th falls on the 28th in years without one.
 */
export function celebrationDays(today: LocalDate): CelebrationDay[] {
  const days: CelebrationDay[] = [];
  for (let back = CATCH_UP_DAYS - 1; back >= 0; back -= 1) {
    const date = addDays(today, -back);
    const celebratedOn = isoDate(date);
    days.push({ monthDay: `${two(date.month)}-${two(date.day)}`, year: date.year, celebratedOn });
    if (date.month === 2 && date.day === 28 && !isLeapYear(date.year)) {
      days.push({ monthDay: "02-29", year: date.year, celebratedOn });
    }
  }
  return days;
}

/** 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 101st, 111th. */
export function ordinal(n: number): string {
  const lastTwo = n % 100;
  if (lastTwo >= 11 && lastTwo <= 13) return `${n}th`;
  const suffix = { 1: "st", 2: "nd", 3: "rd" }[n % 10] ?? "th";
  return `${n}${suffix}`;
}

/** What the feed says of a celebration: "Happy birthday, Ana!", "Happy 3rd work anniversary, Ana!". */
export function celebrationMessage(occasion: Occasion, name: string, years: number | null): string {
  if (occasion === "birthday") return `Happy birthday, ${name}!`;
  return `Happy ${ordinal(years ?? 1)} work anniversary, ${name}!`;
}

/** Points for an occasion at the org's settings; null when the org doesn't celebrate it. */
export function occasionPoints(
  settings: {
    birthdayPoints: number | null;
    anniversaryPoints: number | null;
    anniversaryPointsPerYear: number;
  },
  occasion: Occasion,
  years: number | null,
): number | null {
  if (occasion === "birthday") return settings.birthdayPoints;
  if (settings.anniversaryPoints === null) return null;
  return settings.anniversaryPoints + settings.anniversaryPointsPerYear * (years ?? 0);
}
