import { z } from "zod";
import { DomainError } from "../shared/errors";
import { monthKey, startOfLocalDay } from "../shared/periods";
import { text } from "../shared/validation";

/** What the analytics page is narrowed to: whole months, a department, and the "not recognised" gap. */
export const analyticsFilters = z.object({
  from: text()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, "Enter a month such as 2026-01.")
    .optional(),
  to: text()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, "Enter a month such as 2026-12.")
    .optional(),
  /** A department's name; empty or absent for everyone in view. */
  department: text().trim().max(200).optional(),
  days: z.coerce
    .number("Enter a number of days.")
    .int("Enter a whole number of days.")
    .min(1, "Enter at least 1 day.")
    .max(365, "Enter at most 365 days.")
    .default(30),
});

export type AnalyticsFiltersInput = z.input<typeof analyticsFilters>;

/** Months shown when none are asked for: the current one and the eleven before it. */
const DEFAULT_MONTHS = 12;
/** The longest range: three years of monthly rows is as much as a chart and a table can carry. */
const MAX_MONTHS = 36;

export interface MonthRange {
  /** First and last month, `YYYY-MM`, both included, in the org's time zone. */
  from: string;
  to: string;
  /** Every month of the range, in order. */
  months: string[];
  /** First instant of `from`, first instant after `to`. */
  start: Date;
  end: Date;
}

function parts(month: string): { year: number; month: number } {
  const [year, number] = month.split("-").map(Number);
  return { year: year ?? 1970, month: number ?? 1 };
}

export function addMonths(month: string, count: number): string {
  const { year, month: number } = parts(month);
  const index = year * 12 + (number - 1) + count;
  return `${String(Math.floor(index / 12)).padStart(4, "0")}-${String((index % 12) + 1).padStart(2, "0")}`;
}

const monthIndex = (month: string) => parts(month).year * 12 + parts(month).month;

/** The months asked for, checked: in order, at most three years, none after the current month. */
export function monthRange(input: { from?: string; to?: string }, now: Date, timeZone: string): MonthRange {
  const current = monthKey(now, timeZone);
  const to = input.to ?? current;
  const from = input.from ?? addMonths(to, -(DEFAULT_MONTHS - 1));
  if (monthIndex(to) > monthIndex(current)) {
    throw new DomainError("invalid", `Choose a month up to ${current}.`, { field: "to" });
  }
  if (monthIndex(from) > monthIndex(to)) {
    throw new DomainError("invalid", "The first month must not be after the last.", { field: "from" });
  }
  if (monthIndex(to) - monthIndex(from) + 1 > MAX_MONTHS) {
    throw new DomainError("invalid", `Choose at most ${MAX_MONTHS} months.`, { field: "from" });
  }
  const months: string[] = [];
  for (let month = from; monthIndex(month) <= monthIndex(to); month = addMonths(month, 1)) months.push(month);
  const startOf = (month: string) => startOfLocalDay({ ...parts(month), day: 1 }, timeZone);
  return { from, to, months, start: startOf(from), end: startOf(addMonths(to, 1)) };
}
