import { instantOfLocalTime, localDateTime, periodContaining, startOfLocalDay } from "../shared/periods";
import { text } from "../shared/validation";

/** A bill's month as people name it: `2026-11`. */
export const billPeriod = text("Name the month, such as 2026-11.").regex(
  /^\d{4}-(0[1-9]|1[0-2])$/,
  "Name the month as YYYY-MM, such as 2026-11.",
);

export interface PeriodBounds {
  period: string;
  /** The first instant of the month in the org's time zone, and the first instant after it. */
  start: Date;
  end: Date;
}

/** The calendar month, in the org's time zone, that an instant falls in: its true length, DST included. */
export function periodOfInstant(instant: Date, timeZone: string): PeriodBounds {
  const { start, end, label } = periodContaining("month", instant, timeZone);
  return { period: label, start, end };
}

export function periodBounds(period: string, timeZone: string): PeriodBounds {
  const [year = 0, month = 1] = period.split("-").map(Number);
  return periodOfInstant(startOfLocalDay({ year, month, day: 15 }, timeZone), timeZone);
}

/** The month after `period`. */
export function nextPeriod(period: string, timeZone: string): string {
  return periodOfInstant(periodBounds(period, timeZone).end, timeZone).period;
}

/**
 * `days` calendar days after an instant in the org's time zone, at the same time on the clock: the
 * month's end plus the grace period is midnight on the 6th even when the clocks changed on the 1st.
 */
export function localDaysAfter(instant: Date, days: number, timeZone: string): Date {
  const time = localDateTime(instant, timeZone);
  const later = new Date(Date.UTC(time.year, time.month - 1, time.day + days));
  return instantOfLocalTime(
    { ...time, year: later.getUTCFullYear(), month: later.getUTCMonth() + 1, day: later.getUTCDate() },
    timeZone,
  );
}
