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

interface LocalDateTime extends LocalDate {
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

function localDateTime(instant: Date, timeZone: string): LocalDateTime {
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

/**
 * The instant at which a local date begins. Midnight exists in every zone Plaudit supports except on
 * the rare days a zone skips it; then the day starts at the first instant that does exist.
 */
export function startOfLocalDay(date: LocalDate, timeZone: string): Date {
  const wallClock = Date.UTC(date.year, date.month - 1, date.day);
  // Two passes settle on the right offset even when a DST change lies between the guess and the answer.
  let guess = wallClock - offsetAt(new Date(wallClock), timeZone);
  guess = wallClock - offsetAt(new Date(guess), timeZone);
  const local = localDate(new Date(guess), timeZone);
  if (local.day !== date.day) {
    // Midnight was skipped (the clock jumped from 23:59 to 01:00): the day begins at the jump.
    guess += 60 * 60 * 1000;
  }
  return new Date(guess);
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
