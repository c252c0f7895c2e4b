import { z } from "zod";
import type { Executor } from "../../db/client";
import type { Actor } from "../shared/actor";
import { type Clock, systemClock } from "../shared/clock";
import { authorize } from "../shared/permissions";
import { parseInput } from "../shared/validation";
import { ANALYTICS_SECTIONS, analyticsCsv } from "./analytics-csv-tables";
import { analyticsFilters } from "./analytics-filters";
import { getAnalytics } from "./get-analytics";

const exportInput = analyticsFilters.extend({
  section: z.enum(ANALYTICS_SECTIONS, `Choose one of ${ANALYTICS_SECTIONS.join(", ")}.`),
});

export type ExportAnalyticsInput = z.input<typeof exportInput>;

export interface AnalyticsFile {
  fileName: string;
  contentType: string;
  text: string;
}

/** "sales-and-marketing": a department in a file name. */
const slug = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "") || "department";

/**
 * One table of the analytics page as a CSV file, with exactly the figures (and the scope) the page
 * shows the same actor for the same filters.
 */
export async function exportAnalytics(
  db: Executor,
  actor: Actor,
  input: ExportAnalyticsInput,
  clock: Clock = systemClock,
): Promise<AnalyticsFile> {
  authorize(actor, "view_analytics");
  const { section, ...filters } = parseInput(exportInput, input);
  const analytics = await getAnalytics(db, actor, filters, clock);
  const department = analytics.department ? `-${slug(analytics.department)}` : "";
  return {
    fileName: `analytics-${section}-${analytics.from}-to-${analytics.to}${department}.csv`,
    contentType: "text/csv; charset=utf-8",
    text: analyticsCsv(analytics, section),
  };
}
