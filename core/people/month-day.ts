/**
 * A birthday as Plaudit shows it: month and day, never the year. `--04-02` is ISO 8601's date without a
 * year (as vCard writes birthdays); the year stays where it was entered, for the admin who keeps it.
 */
export function monthDayOf(isoDate: string | null): string | null {
  return isoDate === null ? null : `--${isoDate.slice(5, 10)}`;
}

/** "April 2": a birthday for people to read. */
export function formatMonthDay(isoDate: string, locale = "en-US"): string {
  // Any leap year takes February 29th; the year is never printed.
  const date = new Date(`2000-${isoDate.slice(5, 10)}T00:00:00Z`);
  return new Intl.DateTimeFormat(locale, { month: "long", day: "numeric", timeZone: "UTC" }).format(date);
}
