import { ColumnHeads } from "@/app/_components/column-heads";
import { EmptyState } from "@/app/_components/panel";
import { flowEndName } from "@/core/analytics/analytics-csv-tables";
import type { Flow, FlowEnd } from "@/core/analytics/analytics-mix";
import type { Analytics } from "@/core/analytics/get-analytics";
import { formatPointsWithValue } from "@/core/shared/money";
import { HorizontalBarChart } from "./bar-charts";
import type { FilterValues } from "./filters-form";
import { ChartAndTable, DownloadLink, headCell, nameCell, numberCell } from "./section-frame";

const count = (n: number) => n.toLocaleString("en-US");

export function ValuesSection({ analytics, filters }: { analytics: Analytics; filters: FilterValues }) {
  const { values } = analytics;
  const title = "Values used";
  const items = values.map((value) => ({ name: value.name, value: value.recognitions }));
  return (
    <ChartAndTable
      title={title}
      description="How many recognitions given by the people counted carried each company value."
      chart={
        values.length > 0 ? (
          <HorizontalBarChart
            label="Bar chart of how many recognitions carried each value. The table beside it lists the same figures."
            items={items}
            fillClass="fill-amber-700"
            formatValue={count}
          />
        ) : undefined
      }
      table={
        values.length === 0 ? (
          <EmptyState title="No values used in these months">
            Recognitions given with a company value (#teamwork) are counted here.
          </EmptyState>
        ) : (
          <table className="w-full text-sm">
            <caption className="sr-only">{title}</caption>
            <ColumnHeads
              style="compact"
              columns={[{ label: "Value" }, { label: "Recognitions", numeric: true }]}
            />
            <tbody className="divide-y divide-stone-100">
              {values.map((value) => (
                <tr key={value.valueId}>
                  <th scope="row" className={`${nameCell} font-medium`}>
                    #{value.name}
                    {value.retired ? (
                      <span className="ml-1 text-xs font-normal text-stone-500">retired</span>
                    ) : null}
                  </th>
                  <td className={numberCell}>{count(value.recognitions)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )
      }
      download={<DownloadLink section="values" filters={filters} label={title} />}
    />
  );
}

/** Departments by name, then no department, someone outside the line, and the company's own awards. */
const ORDER: Record<FlowEnd["kind"], number> = { department: 0, no_department: 1, outside: 2, company: 3 };

function endsOf(flows: Flow[], side: "from" | "to"): FlowEnd[] {
  const ends = new Map<string, FlowEnd>();
  for (const flow of flows) ends.set(flowEndName(flow[side]), flow[side]);
  return [...ends.values()].sort(
    (a, b) =>
      ORDER[a.kind] - ORDER[b.kind] ||
      flowEndName(a).localeCompare(flowEndName(b), "en-US", { sensitivity: "base" }),
  );
}

/** Four shades for a cell's share of the busiest cell; dark text reads on each (WCAG AA). */
function shade(recognitions: number, busiest: number): string {
  const share = recognitions / busiest;
  if (share > 0.75) return "bg-amber-300";
  if (share > 0.5) return "bg-amber-200";
  if (share > 0.25) return "bg-amber-100";
  return "bg-amber-50";
}

/**
 * Who recognises whom, as a table whose cells are shaded by how many recognitions they hold: a row
 * per giver's department, a column per recipient's. The table is the chart, so nothing is only in a
 * picture.
 */
export function FlowSection({ analytics, filters }: { analytics: Analytics; filters: FilterValues }) {
  const { flows, pointValue } = analytics;
  const title = "Who recognizes whom";
  const rows = endsOf(flows, "from");
  const columns = endsOf(flows, "to");
  const cell = new Map(flows.map((flow) => [`${flowEndName(flow.from)}\n${flowEndName(flow.to)}`, flow]));
  const busiest = Math.max(1, ...flows.map((flow) => flow.recognitions));
  const description =
    analytics.scope === "line"
      ? "Recognitions by the giver's department (rows) and the recipient's (columns), one for each recipient. People outside your reporting line are not named."
      : "Recognitions by the giver's department (rows) and the recipient's (columns), one for each recipient; departments are people's current ones.";
  return (
    <ChartAndTable
      title={title}
      description={description}
      table={
        flows.length === 0 ? (
          <EmptyState title="No recognition in these months" />
        ) : (
          <table className="text-sm">
            <caption className="sr-only">
              {title}: rows are the giver's department, columns the recipient's; each cell has the
              recognitions and their points.
            </caption>
            <thead>
              <tr>
                <td className={headCell}>
                  <span className="sr-only">From, to</span>
                  <span aria-hidden="true">From ↓ To →</span>
                </td>
                {columns.map((column) => (
                  <th key={flowEndName(column)} scope="col" className={`${headCell} text-right`}>
                    {flowEndName(column)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={flowEndName(row)} className="border-t border-stone-100">
                  <th scope="row" className={`${nameCell} pr-2 font-medium whitespace-nowrap`}>
                    {flowEndName(row)}
                  </th>
                  {columns.map((column) => {
                    const flow = cell.get(`${flowEndName(row)}\n${flowEndName(column)}`);
                    return (
                      <td
                        key={flowEndName(column)}
                        className={`${numberCell} pr-2 ${flow ? shade(flow.recognitions, busiest) : ""}`}
                      >
                        {flow ? (
                          <>
                            <span className="block font-semibold">{count(flow.recognitions)}</span>
                            {/* Darker than <Points>' grey, which is too faint on the shaded cells. */}
                            <span className="block text-xs text-stone-800">
                              {formatPointsWithValue(flow.points, pointValue)}
                            </span>
                          </>
                        ) : (
                          <span className="text-stone-500">–</span>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        )
      }
      download={<DownloadLink section="flows" filters={filters} label={title} />}
    />
  );
}
