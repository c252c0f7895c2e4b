/** "Nov 10, 2026, 3:00 PM EST": an instant as the org's people read it, with the zone named. */
export function formatInZone(at: Date | string, timeZone: string): string {
  return new Intl.DateTimeFormat("en-US", {
    timeZone,
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZoneName: "short",
  }).format(new Date(at));
}

/** "Nov 10, 2026": the day an instant falls on in the org's time zone. */
export function formatDayInZone(at: Date | string, timeZone: string): string {
  return new Intl.DateTimeFormat("en-US", {
    timeZone,
    year: "numeric",
    month: "short",
    day: "numeric",
  }).format(new Date(at));
}
