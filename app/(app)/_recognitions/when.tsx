const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const relative = new Intl.RelativeTimeFormat("en", { numeric: "auto" });

function relativeText(at: Date, now: Date, timeZone: string): string {
  const elapsed = now.getTime() - at.getTime();
  if (elapsed < MINUTE) return "just now";
  if (elapsed < HOUR) return relative.format(-Math.floor(elapsed / MINUTE), "minute");
  if (elapsed < DAY) return relative.format(-Math.floor(elapsed / HOUR), "hour");
  if (elapsed < 7 * DAY) return relative.format(-Math.floor(elapsed / DAY), "day");
  const sameYear =
    new Intl.DateTimeFormat("en", { timeZone, year: "numeric" }).format(at) ===
    new Intl.DateTimeFormat("en", { timeZone, year: "numeric" }).format(now);
  return new Intl.DateTimeFormat("en", {
    timeZone,
    month: "short",
    day: "numeric",
    year: sameYear ? undefined : "numeric",
  }).format(at);
}

/**
 * When something happened: "5 minutes ago" for the past week, a date in the org's time zone after that,
 * with the full local date and time on hover.
 */
export function When({ iso, timeZone, now }: { iso: string; timeZone: string; now: Date }) {
  const at = new Date(iso);
  const full = new Intl.DateTimeFormat("en", { timeZone, dateStyle: "full", timeStyle: "short" }).format(at);
  return (
    <time dateTime={at.toISOString()} title={full}>
      {relativeText(at, now, timeZone)}
    </time>
  );
}
