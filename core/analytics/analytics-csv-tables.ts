import { csvRows, decimalAmount, neutralised } from "../billing/bill-csv";
import { type PointValue, pointsToMinor } from "../shared/money";
import type { FlowEnd } from "./analytics-mix";
import type { Analytics } from "./get-analytics";

/** The tables of the analytics page, each downloadable as CSV. */
export const ANALYTICS_SECTIONS = [
  "months",
  "values",
  "flows",
  "givers",
  "receivers",
  "not-recognised",
] as const;
export type AnalyticsSection = (typeof ANALYTICS_SECTIONS)[number];

/** "42.9" for 3 of 7: a share to one decimal place, as the page and the files show it; "" of nobody. */
export function sharePercent(part: number, whole: number): string {
  if (whole === 0) return "";
  return (Math.round((part * 1000) / whole) / 10).toFixed(1);
}

/** How a flow's end is named on the page and in files. */
export function flowEndName(end: FlowEnd): string {
  switch (end.kind) {
    case "department":
      return end.name;
    case "no_department":
      return "No department";
    case "outside":
      return "Outside your reporting line";
    case "company":
      return "Company awards";
  }
}

const DAY_MS = 24 * 60 * 60 * 1000;

const whole = (n: number) => String(n);

function tableOf(analytics: Analytics, section: AnalyticsSection): string[][] {
  const value: PointValue = analytics.pointValue;
  const money = (points: number) => decimalAmount(pointsToMinor(points, value), value.currency);
  switch (section) {
    case "months":
      return [
        [
          "month",
          "people",
          "gave",
          "gave_percent",
          "received",
          "received_percent",
          "recognitions_given",
          "points_given",
          "recognitions_received",
          "points_received",
          "points_received_value",
          "currency",
        ],
        ...analytics.months.map((m) => [
          m.month,
          whole(m.people),
          whole(m.givers),
          sharePercent(m.givers, m.people),
          whole(m.receivers),
          sharePercent(m.receivers, m.people),
          whole(m.recognitionsGiven),
          whole(m.pointsGiven),
          whole(m.recognitionsReceived),
          whole(m.pointsReceived),
          money(m.pointsReceived),
          value.currency,
        ]),
      ];
    case "values":
      return [
        ["value", "retired", "recognitions"],
        ...analytics.values.map((v) => [v.name, v.retired ? "yes" : "no", whole(v.recognitions)]),
      ];
    case "flows":
      return [
        ["from", "to", "recognitions", "points", "points_value", "currency"],
        ...analytics.flows.map((f) => [
          neutralised(flowEndName(f.from)),
          neutralised(flowEndName(f.to)),
          whole(f.recognitions),
          whole(f.points),
          money(f.points),
          value.currency,
        ]),
      ];
    case "givers":
    case "receivers":
      return [
        ["rank", "person_id", "name", "department", "recognitions", "points", "points_value", "currency"],
        ...(section === "givers" ? analytics.topGivers : analytics.topReceivers).map((p, index) => [
          whole(index + 1),
          p.personId,
          neutralised(p.name),
          neutralised(p.department),
          whole(p.recognitions),
          whole(p.points),
          money(p.points),
          value.currency,
        ]),
      ];
    case "not-recognised":
      return [
        ["person_id", "name", "department", "last_recognized_at", "days_since"],
        ...analytics.notRecognised.map((p) => [
          p.personId,
          neutralised(p.name),
          neutralised(p.department),
          p.lastRecognizedAt ?? "",
          p.lastRecognizedAt === null
            ? ""
            : whole(Math.floor((Date.parse(analytics.asOf) - Date.parse(p.lastRecognizedAt)) / DAY_MS)),
        ]),
      ];
  }
}

/** One table of the analytics as RFC 4180 CSV, written as the bill files are. */
export function analyticsCsv(analytics: Analytics, section: AnalyticsSection): string {
  return csvRows(tableOf(analytics, section));
}
