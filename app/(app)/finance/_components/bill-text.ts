const monthFormats = {
  long: new Intl.DateTimeFormat("en-US", { month: "long", year: "numeric", timeZone: "UTC" }),
  short: new Intl.DateTimeFormat("en-US", { month: "short", timeZone: "UTC" }),
  shortWithYear: new Intl.DateTimeFormat("en-US", { month: "short", year: "numeric", timeZone: "UTC" }),
};

/** "November 2026" (or "Nov", "Nov 2026") for the bill month `2026-11`. */
export function monthName(period: string, style: keyof typeof monthFormats = "long"): string {
  const [year = 1970, month = 1] = period.split("-").map(Number);
  return monthFormats[style].format(new Date(Date.UTC(year, month - 1, 1)));
}

/** "Nov 3, 2026" for a local calendar day `2026-11-03`, as the bill recorded it. */
export function dayName(day: string): string {
  const [year = 1970, month = 1, date = 1] = day.split("-").map(Number);
  return new Date(Date.UTC(year, month - 1, date)).toLocaleDateString("en-US", {
    month: "short",
    day: "numeric",
    year: "numeric",
    timeZone: "UTC",
  });
}

const KIND_NAMES: Record<string, string> = {
  gift_card: "Gift cards",
  charity: "Charity donations",
  custom: "Custom rewards",
};

/** What finance calls a reward kind, plural: "Gift cards". */
export function rewardKindName(kind: string): string {
  return KIND_NAMES[kind] ?? kind;
}

const LINE_TYPE_NAMES: Record<string, string> = { charge: "Charge", credit: "Credit", fee: "Fee" };

export function lineTypeName(type: string): string {
  return LINE_TYPE_NAMES[type] ?? type;
}

/** "1 line", "1,204 lines". */
export function lineCount(lines: number): string {
  return `${lines.toLocaleString("en-US")} ${lines === 1 ? "line" : "lines"}`;
}
