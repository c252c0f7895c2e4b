import { type PeriodBounds, periodBounds, periodOfInstant } from "../../core/billing/bill-period";

/** The org's months of history, oldest first, the current month cut short before now. */
export interface HistoryMonths {
  months: PeriodBounds[];
  /** The billed month: `BILL_MONTHS_AGO` before the current one, so it has ended and can close. */
  billed: PeriodBounds;
  billedIndex: number;
}

/**
 * Nothing is dated in the last hour: the liability summarises a day only once it has settled, and the
 * bench should measure the history, not postings still arriving.
 */
const QUIET_BEFORE_NOW_MS = 60 * 60_000;

/** Calendar months in the org's time zone, as the bills count them (DST included). */
export function historyMonths(count: number, monthsAgo: number, timeZone: string, now: Date): HistoryMonths {
  const months: PeriodBounds[] = [];
  let month = periodOfInstant(now, timeZone);
  for (let i = 0; i < count; i++) {
    months.unshift(month);
    month = periodOfInstant(new Date(month.start.getTime() - 1), timeZone);
  }
  const last = months.at(-1);
  if (last) {
    const cutOff = new Date(now.getTime() - QUIET_BEFORE_NOW_MS);
    // Early on the 1st, the current month may have no time left to post into: keep it a minute long.
    const end = cutOff > last.start ? cutOff : new Date(last.start.getTime() + 60_000);
    months[months.length - 1] = { ...last, end };
  }
  const billedIndex = count - 1 - monthsAgo;
  const billed = months[billedIndex];
  if (!billed) throw new Error(`${count} months of history do not reach back ${monthsAgo} months`);
  // The bill's own bounds are the whole month, as the product stores them.
  return { months, billed: periodBounds(billed.period, timeZone), billedIndex };
}
