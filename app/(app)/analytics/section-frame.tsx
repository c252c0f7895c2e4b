import type { ReactNode } from "react";
import { Panel } from "@/app/_components/panel";
import { ScrollBox } from "@/app/_components/scroll-box";
import { linkClass } from "@/app/_components/styles";
import type { AnalyticsSection } from "@/core/analytics/analytics-csv-tables";
import { hrefWith } from "../_recognitions/search-params";
import type { FilterValues } from "./filters-form";

/** The CSV of one table, with the page's filters: the file holds what the page shows. */
export function DownloadLink({
  section,
  filters,
  label,
}: {
  section: AnalyticsSection;
  filters: FilterValues;
  label: string;
}) {
  return (
    <a
      href={hrefWith("/analytics/download", { section, ...filters })}
      download
      className={`${linkClass} text-sm`}
    >
      Download CSV<span className="sr-only"> of {label}</span>
    </a>
  );
}

/**
 * A section of the page: its chart and, beside it on a wide screen and under it on a phone, the table
 * of the same figures, in a box that scrolls sideways on its own; then the table's CSV.
 */
export function ChartAndTable({
  title,
  description,
  chart,
  table,
  download,
}: {
  title: string;
  description: ReactNode;
  /** Left out when there is nothing to draw. */
  chart?: ReactNode;
  table: ReactNode;
  download: ReactNode;
}) {
  return (
    <Panel title={title} description={description}>
      <figure className={chart ? "grid gap-6 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]" : ""}>
        <figcaption className="sr-only">{title}</figcaption>
        {chart ? <div className="min-w-0">{chart}</div> : null}
        <ScrollBox label={title} className="min-w-0">
          {table}
        </ScrollBox>
      </figure>
      <div className="mt-4">{download}</div>
    </Panel>
  );
}

export const headCell = "py-1.5 pl-3 text-xs font-medium text-stone-500 first:pl-0";
export const numberCell = "py-1.5 pl-3 text-right tabular-nums whitespace-nowrap";
export const nameCell = "py-1.5 pl-3 text-left first:pl-0";
