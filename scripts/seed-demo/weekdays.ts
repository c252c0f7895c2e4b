import { type LocalDate, localDate, startOfLocalDay } from "../../core/shared/periods";

/** An instant in the history: `daysAgo` weekdays before the seed's day, `minute` minutes after 9:00 local time. */
export type HistoryTime = (daysAgo: number, minute: number) => Date;

/**
 * Times on the `count` weekdays before `now`'s day in the org's time zone. The history is planned in
 * weekdays ago, so that it always ends yesterday (or last Friday) whenever the seed runs.
 */
export function weekdayTimes(now: Date, timeZone: string, count: number): HistoryTime {
  const today = localDate(now, timeZone);
  const days: LocalDate[] = [today];
  for (let back = 1; days.length <= count; back++) {
    const day = new Date(Date.UTC(today.year, today.month - 1, today.day - back));
    const weekday = day.getUTCDay();
    if (weekday !== 0 && weekday !== 6) {
      days.push({ year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate() });
    }
  }
  return (daysAgo, minute) => {
    const day = days[daysAgo];
    if (!day) throw new Error(`no weekday ${daysAgo} days ago`);
    return new Date(startOfLocalDay(day, timeZone).getTime() + (9 * 60 + minute) * 60_000);
  };
}
