import { ColumnHeads } from "@/app/_components/column-heads";
import { Points } from "@/app/_components/points";
import { sharePercent } from "@/core/analytics/analytics-csv-tables";
import type { Analytics } from "@/core/analytics/get-analytics";
import { monthName } from "../finance/_components/bill-text";
import { GroupedBarChart } from "./bar-charts";
import type { FilterValues } from "./filters-form";
import { ChartAndTable, DownloadLink, nameCell, numberCell } from "./section-frame";

const GAVE = "fill-amber-700";
const RECEIVED = "fill-teal-700";

const count = (n: number) => n.toLocaleString("en-US");
const percent = (part: number, whole: number) => {
  const share = sharePercent(part, whole);
  return share === "" ? "–" : `${share}%`;
};

function MonthHead({ month }: { month: string }) {
  return (
    <th scope="row" className={`${nameCell} font-medium whitespace-nowrap`}>
      {monthName(month, "shortWithYear")}
    </th>
  );
}

export function ParticipationSection({
  analytics,
  filters,
}: {
  analytics: Analytics;
  filters: FilterValues;
}) {
  const { months } = analytics;
  const share = (part: (m: (typeof months)[number]) => number) =>
    months.map((m) => (m.people === 0 ? 0 : (100 * part(m)) / m.people));
  const title = "Participation";
  return (
    <ChartAndTable
      title={title}
      description="The share of people who gave and who received recognition, month by month. A month counts everyone active now and those who left during it or since."
      chart={
        <GroupedBarChart
          label="Bar chart of the share of people who gave and who received recognition each month. The table beside it lists the same figures."
          categories={months.map((m) => monthName(m.month, "short"))}
          series={[
            { label: "Gave", fillClass: GAVE, values: share((m) => m.givers) },
            { label: "Received", fillClass: RECEIVED, values: share((m) => m.receivers) },
          ]}
          formatValue={(value) => `${Math.round(value)}%`}
          emptyText="No recognition in these months."
        />
      }
      table={
        <table className="w-full text-sm">
          <caption className="sr-only">{title}</caption>
          <ColumnHeads
            style="compact"
            columns={[
              { label: "Month" },
              { label: "People", numeric: true },
              {
                label: <SeriesHead fillClass={GAVE}>Gave</SeriesHead>,
                numeric: true,
              },
              {
                label: <SeriesHead fillClass={RECEIVED}>Received</SeriesHead>,
                numeric: true,
              },
            ]}
          />
          <tbody className="divide-y divide-stone-100">
            {months.map((m) => (
              <tr key={m.month}>
                <MonthHead month={m.month} />
                <td className={numberCell}>{count(m.people)}</td>
                <td className={numberCell}>
                  {count(m.givers)} <span className="text-stone-500">· {percent(m.givers, m.people)}</span>
                </td>
                <td className={numberCell}>
                  {count(m.receivers)}{" "}
                  <span className="text-stone-500">· {percent(m.receivers, m.people)}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      }
      download={<DownloadLink section="months" filters={filters} label={title} />}
    />
  );
}

/** A column of a chart's series, headed with its colour, so the table doubles as the chart's legend. */
function SeriesHead({ fillClass, children }: { fillClass: string; children: string }) {
  return (
    <span className="whitespace-nowrap">
      <svg width="10" height="10" aria-hidden="true" className="mr-1 inline-block align-baseline">
        <rect width="10" height="10" rx="2" className={fillClass} />
      </svg>{" "}
      {children}
    </span>
  );
}

export function RecognitionsSection({ analytics, filters }: { analytics: Analytics; filters: FilterValues }) {
  const { months, pointValue } = analytics;
  const title = "Recognitions and points";
  return (
    <ChartAndTable
      title={title}
      description="Recognitions given by the people counted, and received by them (one for each recipient), with their points."
      chart={
        <GroupedBarChart
          label="Bar chart of the recognitions given and received each month. The table beside it lists the same figures with their points."
          categories={months.map((m) => monthName(m.month, "short"))}
          series={[
            { label: "Given", fillClass: GAVE, values: months.map((m) => m.recognitionsGiven) },
            { label: "Received", fillClass: RECEIVED, values: months.map((m) => m.recognitionsReceived) },
          ]}
          formatValue={count}
          emptyText="No recognition in these months."
        />
      }
      table={
        <table className="w-full text-sm">
          <caption className="sr-only">{title}</caption>
          <ColumnHeads
            style="compact"
            columns={[
              { label: "Month" },
              {
                label: <SeriesHead fillClass={GAVE}>Given</SeriesHead>,
                numeric: true,
              },
              { label: "Points given", numeric: true },
              {
                label: <SeriesHead fillClass={RECEIVED}>Received</SeriesHead>,
                numeric: true,
              },
              { label: "Points received", numeric: true },
            ]}
          />
          <tbody className="divide-y divide-stone-100">
            {months.map((m) => (
              <tr key={m.month}>
                <MonthHead month={m.month} />
                <td className={numberCell}>{count(m.recognitionsGiven)}</td>
                <td className={numberCell}>
                  <Points points={m.pointsGiven} value={pointValue} />
                </td>
                <td className={numberCell}>{count(m.recognitionsReceived)}</td>
                <td className={numberCell}>
                  <Points points={m.pointsReceived} value={pointValue} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      }
      download={<DownloadLink section="months" filters={filters} label={title} />}
    />
  );
}
