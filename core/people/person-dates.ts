import { isCalendarDay } from "../shared/periods";

/**
 * The years a birthday or hire date may fall in. PostgreSQL has no year 0 and refuses it outright, and no
 * one working today was born before 1900 or will be hired after 2100.
 */
const FIRST_YEAR = 1900;
const LAST_YEAR = 2100;

/** What is wrong with a birthday or hire date as typed, or null when it is a date Plaudit keeps. */
export function personDateProblem(value: string): string | null {
  if (!isCalendarDay(value)) return `"${value}" is not a date; write it as YYYY-MM-DD.`;
  const year = Number(value.slice(0, 4));
  if (year < FIRST_YEAR || year > LAST_YEAR) {
    return `"${value}" is out of range; use a year from ${FIRST_YEAR} to ${LAST_YEAR}.`;
  }
  return null;
}
