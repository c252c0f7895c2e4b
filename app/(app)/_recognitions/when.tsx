const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const relative = new Intl.RelativeTimeFormat("en", { numeric: "auto" });

// A feed page shows many dates in one time zone; building a formatter per date dominated its render time.
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(timeZone: string, style: "year" | "day" | "dayAndYear" | "full"): Intl.DateTimeFormat {
  const key = `${timeZone}|${style}`;
  let format = dateFormats.get(key);
  if (!format) {
    const options: Record<typeof style, Intl.DateTimeFormatOptions> = {
      year: { year: "numeric" },
      day: { month: "short", day: "numeric" },
      dayAndYear: { month: "short", day: "numeric", year: "numeric" },
      full: { dateStyle: "full", timeStyle: "short" },
    };
    format = new Intl.DateTimeFormat("en", { timeZone, ...options[style] });
    dateFormats.set(key, format);
  }
  return format;
}

function relativeText(at: Date, now: Date, timeZone: string): string {
  const elapsed = now.getTime() - at.getTime();
  if (elapsed < MINUTE) return "just now";
  if (elapsed < HOUR) return relative.format(-Math.floor(elapsed / MINUTE), "minute");
  if (elapsed < DAY) return relative.format(-Math.floor(elapsed / HOUR), "hour");
  if (elapsed < 7 * DAY) return relative.format(-Math.floor(elapsed / DAY), "day");
  const year = dateFormat(timeZone, "year");
  const sameYear = year.format(at) === year.format(now);
  return dateFormat(timeZone, sameYear ? "day" : "dayAndYear").format(at);
}

/**
 * When something happened: "5 minutes ago" for the past week, a date in the org's time zone after that,
 * with the full local date and time on hover.
 */
export function When({ iso, timeZone, now }: { iso: string; timeZone: string; now: Date }) {
  const at = new Date(iso);
  const full = dateFormat(timeZone, "full").format(at);
  return (
    <time dateTime={at.toISOString()} title={full}>
      {relativeText(at, now, timeZone)}
    </time>
  );
}
