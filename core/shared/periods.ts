/**
 * Calendar periods in an org's IANA time zone. Allowances reset on the 1st at local midnight; leaderboards
 * cover a month, quarter or year. All functions take the instant explicitly.
 */

export type PeriodKind = "month" | "quarter" | "year";

export interface LocalDate {
  year: number;
  month: number; // 1-12
  day: number;
}

export interface LocalDateTime extends LocalDate {
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock date and time of an instant in a time zone, to the second. */
export function localDateTime(instant: Date, timeZone: string): LocalDateTime {
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== "literal") fields[part.type] = Number(part.value);
  }
  return {
    year: fields.year ?? 0,
    month: fields.month ?? 0,
    day: fields.day ?? 0,
    hour: fields.hour ?? 0,
    minute: fields.minute ?? 0,
    second: fields.second ?? 0,
  };
}

/** `2026-12-07`: a calendar date as the database and date inputs write it. */
export function isoDate({ year, month, day }: LocalDate): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** `YYYY-MM-DD` of an instant in a time zone: the local day it falls on. */
export function localDay(instant: Date, timeZone: string): string {
  return isoDate(localDate(instant, timeZone));
}

/** Whether `YYYY-MM-DD` names a day on the calendar (not February 30th). */
export function isCalendarDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  // Date rolls 2025-02-30 over to March; a round trip catches it.
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value);
}

/** The calendar date `days` after `date` (before, when negative). */
export function addDays(date: LocalDate, days: number): LocalDate {
  const moved = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: moved.getUTCDate() };
}

/** A `YYYY-MM-DD` day (already checked) as a calendar date. */
export function parseIsoDate(value: string): LocalDate {
  const [year = 0, month = 1, day = 1] = value.split("-").map(Number);
  return { year, month, day };
}

/** Whole days from one `YYYY-MM-DD` day to another. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The local calendar date of an instant in a time zone. */
export function localDate(instant: Date, timeZone: string): LocalDate {
  const { year, month, day } = localDateTime(instant, timeZone);
  return { year, month, day };
}

/** Offset of local time from UTC at an instant, in milliseconds. */
function offsetAt(instant: Date, timeZone: string): number {
  const t = localDateTime(instant, timeZone);
  const asUtc = Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

const DAY_MS = 24 * 60 * 60 * 1000;

const wallClockOf = (t: LocalDateTime) => Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);

/**
 * The instant a wall-clock time names in a zone. A time the clocks pass twice (falling back) names its
 * first passing; a time they skip (springing forward) is read with the offset from before the jump, so
 * it lands as far past the jump as it was into the gap (02:30 on a night that jumps from 02:00 to 03:00
 * is 03:30), as calendars and `Temporal` do.
 */
export function instantOfLocalTime(time: LocalDateTime, timeZone: string): Date {
  const wallClock = wallClockOf(time);
  // A zone changes its offset at most once within a day of any time, so the offsets a day either side
  // are the only two this wall clock can be read with.
  const before = wallClock - offsetAt(new Date(wallClock - DAY_MS), timeZone);
  const after = wallClock - offsetAt(new Date(wallClock + DAY_MS), timeZone);
  const readings = [before, after].filter(
    (instant) => wallClockOf(localDateTime(new Date(instant), timeZone)) === wallClock,
  );
  return new Date(readings.length > 0 ? Math.min(...readings) : before);
}

/**
 * The instant at which a local date begins. Midnight exists in every zone Plaudit supports except on
 * the rare days a zone skips it; then the day starts at the first instant that does exist.
 */
export function startOfLocalDay(date: LocalDate, timeZone: string): Date {
  return instantOfLocalTime({ ...date, hour: 0, minute: 0, second: 0 }, timeZone);
}

const two = (n: number) => String(n).padStart(2, "0");

/** "2026-11-30T14:30:00-05:00": an instant as the zone's clocks show it, with the zone's offset then. */
export function isoInZone(instant: Date, timeZone: string): string {
  const t = localDateTime(instant, timeZone);
  const offsetMinutes = Math.round(offsetAt(instant, timeZone) / 60_000);
  const sign = offsetMinutes < 0 ? "-" : "+";
  const offset = `${sign}${two(Math.floor(Math.abs(offsetMinutes) / 60))}:${two(Math.abs(offsetMinutes) % 60)}`;
  return `${t.year}-${two(t.month)}-${two(t.day)}T${two(t.hour)}:${two(t.minute)}:${two(t.second)}${offset}`;
}

/**
 * A date (`2026-11-30`) and a time (`14:30`, or `14:30:15`) as date and time inputs send them; null
 * unless both name a real calendar date and clock time.
 */
export function parseLocalDateTime(date: string, time: string): LocalDateTime | null {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const clock = /^(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(time);
  if (!day || !clock) return null;
  const [year, month, dayOfMonth] = day.slice(1).map(Number) as [number, number, number];
  const [hour, minute, second = 0] = clock.slice(1).map((part) => Number(part ?? 0)) as [
    number,
    number,
    number,
  ];
  const calendar = new Date(Date.UTC(year, month - 1, dayOfMonth));
  const realDay =
    year >= 1 &&
    calendar.getUTCFullYear() === year &&
    calendar.getUTCMonth() === month - 1 &&
    calendar.getUTCDate() === dayOfMonth;
  if (!realDay || hour > 23 || minute > 59 || second > 59) return null;
  return { year, month, day: dayOfMonth, hour, minute, second };
}

/** `YYYY-MM` of the month an instant falls in, locally. Matches the database's `plaudit_period`. */
export function monthKey(instant: Date, timeZone: string): string {
  const { year, month } = localDate(instant, timeZone);
  return `${year}-${String(month).padStart(2, "0")}`;
}

export interface PeriodRange {
  kind: PeriodKind;
  /** First instant of the period. */
  start: Date;
  /** First instant after the period. */
  end: Date;
  label: string;
}

const MONTHS_IN: Record<PeriodKind, number> = { month: 1, quarter: 3, year: 12 };

/** The month, quarter or year containing an instant, as a half-open range of instants. */
export function periodContaining(kind: PeriodKind, instant: Date, timeZone: string): PeriodRange {
  const { year, month } = localDate(instant, timeZone);
  const span = MONTHS_IN[kind];
  const firstMonth = Math.floor((month - 1) / span) * span + 1;
  const nextMonthIndex = firstMonth - 1 + span;
  const start = startOfLocalDay({ year, month: firstMonth, day: 1 }, timeZone);
  const end = startOfLocalDay(
    { year: year + Math.floor(nextMonthIndex / 12), month: (nextMonthIndex % 12) + 1, day: 1 },
    timeZone,
  );
  const label =
    kind === "year"
      ? String(year)
      : kind === "quarter"
        ? `Q${(firstMonth - 1) / 3 + 1} ${year}`
        : `${year}-${String(firstMonth).padStart(2, "0")}`;
  return { kind, start, end, label };
}

/** "Nov 30": the last day of a `YYYY-MM` month, as the allowance's end is shown. */
export function lastDayOfMonthKey(period: string): string {
  const [year, month] = period.split("-").map(Number);
  const last = new Date(Date.UTC(year ?? 1970, month ?? 1, 0));
  return last.toLocaleDateString("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
}
