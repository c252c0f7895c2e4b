import type { Metadata } from "next";
import { PageHeader } from "@/app/_components/page-header";
import { Panel } from "@/app/_components/panel";
import { withFallback } from "@/app/_lib/page-guard";
import { awaitDatabase } from "@/app/_lib/unavailable";
import { signedIn } from "@/app/_lib/viewer";
import { getAnalytics } from "@/core/analytics/get-analytics";
import { monthKey } from "@/core/shared/periods";
import { firstParam, type SearchParams } from "../_recognitions/search-params";
import { monthName } from "../finance/_components/bill-text";
import { FiltersForm, type FilterValues } from "./filters-form";
import { FlowSection, ValuesSection } from "./mix-sections";
import { ParticipationSection, RecognitionsSection } from "./month-sections";
import { NotRecognisedSection, TopPeopleSection } from "./people-sections";

export const metadata: Metadata = { title: "Analytics · Plaudit" };

export default async function AnalyticsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const [{ db, actor, org }, query] = await Promise.all([signedIn(), searchParams]);
  const asked = {
    from: firstParam(query, "from"),
    to: firstParam(query, "to"),
    department: firstParam(query, "department"),
    days: firstParam(query, "days"),
  };
  const read = await awaitDatabase(
    withFallback(
      () => getAnalytics(db, actor, asked),
      () => getAnalytics(db, actor),
    ),
  );
  const analytics = read.result;
  // What was asked stays in the form, refused or not; the links and files follow what is shown.
  const shown: FilterValues = {
    from: analytics.from,
    to: analytics.to,
    department: analytics.department ?? "",
    days: String(analytics.days),
  };
  const typed: FilterValues = read.error
    ? {
        from: asked.from ?? shown.from,
        to: asked.to ?? shown.to,
        department: asked.department ?? "",
        days: asked.days ?? shown.days,
      }
    : shown;
  const whose = analytics.scope === "line" ? "your reporting line" : org.name;
  const where = analytics.department ? `, ${analytics.department}` : "";
  return (
    <div className="space-y-6">
      <PageHeader
        title="Analytics"
        description={`Recognition in ${whose}${where}, ${monthName(analytics.from, "shortWithYear")} to ${monthName(analytics.to, "shortWithYear")}, in months of ${org.timeZone.replaceAll("_", " ")} time.`}
      />
      <Panel>
        <FiltersForm
          values={typed}
          departments={analytics.departments}
          latest={monthKey(new Date(analytics.asOf), org.timeZone)}
          error={read.error ? { field: read.errorField, message: read.error } : undefined}
        />
      </Panel>
      <ParticipationSection analytics={analytics} filters={shown} />
      <RecognitionsSection analytics={analytics} filters={shown} />
      <ValuesSection analytics={analytics} filters={shown} />
      <FlowSection analytics={analytics} filters={shown} />
      <TopPeopleSection analytics={analytics} filters={shown} />
      <NotRecognisedSection analytics={analytics} filters={shown} timeZone={org.timeZone} />
    </div>
  );
}
