import type { ReactNode } from "react";
import { ColumnHeads, compactCell } from "@/app/_components/column-heads";
import { Panel } from "@/app/_components/panel";
import { Points } from "@/app/_components/points";
import { ScrollBox } from "@/app/_components/scroll-box";
import type { FinanceTrends } from "@/core/billing/get-finance-trends";
import { formatMoney, pointsToMinor } from "@/core/shared/money";
import { monthName } from "../_components/bill-text";
import { BarChart, type BarSeries, ChartLegend } from "./bar-chart";
import { axisMoney } from "./chart-scale";

interface MonthColumn {
  label: string;
  /** The cell of the month at this place in the list. */
  cell: (index: number) => ReactNode;
  strong?: boolean;
}

/**
 * A chart and, beside it on a wide screen and under it on a phone, the table of the same figures: a row
 * a month, the last one the current month ("now").
 */
function ChartWithTable({
  title,
  description,
  chart,
  months,
  monthLabel,
  columns,
}: {
  title: string;
  description: string;
  chart: ReactNode;
  months: string[];
  monthLabel: string;
  columns: MonthColumn[];
}) {
  return (
    <Panel title={title} description={description}>
      <figure className="grid gap-6 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <figcaption className="sr-only">{title}</figcaption>
        <div className="min-w-0">{chart}</div>
        <ScrollBox label={title} className="-mx-5 min-w-0 px-5 xl:mx-0 xl:px-0">
          <table className="w-full text-sm">
            <caption className="sr-only">{title}</caption>
            <ColumnHeads
              style="compact"
              columns={[{ label: monthLabel }, ...columns.map(({ label }) => ({ label, numeric: true }))]}
            />
            <tbody className="divide-y divide-stone-100">
              {months.map((month, index) => (
                <tr key={month}>
                  <th scope="row" className="py-1.5 text-left font-medium whitespace-nowrap">
                    {monthName(month, "shortWithYear")}
                    {index === months.length - 1 ? (
                      <span className="block text-xs font-normal text-stone-500">now</span>
                    ) : null}
                  </th>
                  {columns.map((column) => (
                    <td
                      key={column.label}
                      className={`${compactCell} py-1.5 text-right tabular-nums ${column.strong ? "font-semibold" : ""}`}
                    >
                      {column.cell(index)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      </figure>
    </Panel>
  );
}

const categoriesOf = (months: string[]) =>
  months.map((month, index) => ({
    short: monthName(month, "short"),
    long: `${monthName(month, "shortWithYear")}${index === months.length - 1 ? " (now)" : ""}`,
  }));

export function LiabilityTrend({ trends }: { trends: FinanceTrends }) {
  const { pointValue, monthEnds } = trends;
  const months = monthEnds.map((end) => end.month);
  const series: BarSeries[] = [
    {
      label: "Outstanding",
      fillClass: "fill-amber-700",
      values: monthEnds.map((end) => pointsToMinor(end.outstanding, pointValue)),
    },
  ];
  return (
    <ChartWithTable
      title="Liability at each month's end"
      description="Points earned and not yet redeemed at the end of each of the last twelve months; the current month's is as of now."
      chart={
        <BarChart
          label="Bar chart of the liability at each month's end over the last twelve months. The table beside it lists the same figures."
          categories={categoriesOf(months)}
          series={series}
          formatValue={(minor) => formatMoney(minor, pointValue.currency)}
          emptyText="No points earned yet."
          formatTick={(minor) => axisMoney(minor, pointValue.currency)}
        />
      }
      months={months}
      monthLabel="Month end"
      columns={[
        {
          label: "Outstanding",
          cell: (index) => <Points points={monthEnds[index]?.outstanding ?? 0} value={pointValue} />,
        },
      ]}
    />
  );
}

const KINDS = [
  { key: "giftCardMinor", label: "Gift cards", fillClass: "fill-amber-700" },
  { key: "charityMinor", label: "Charity", fillClass: "fill-teal-700" },
  { key: "customMinor", label: "Custom", fillClass: "fill-stone-500" },
] as const;

export function SpendTrend({ trends }: { trends: FinanceTrends }) {
  const { currency, spend } = trends;
  const money = (minor: number) => formatMoney(minor, currency);
  const months = spend.map((month) => month.month);
  const series: BarSeries[] = KINDS.map((kind) => ({
    label: kind.label,
    fillClass: kind.fillClass,
    values: spend.map((month) => month[kind.key]),
  }));
  const total = (index: number) => KINDS.reduce((sum, kind) => sum + (spend[index]?.[kind.key] ?? 0), 0);
  return (
    <ChartWithTable
      title="Redemption spend by reward kind"
      description="What each month's bill charges for each kind of reward, credits and fees included. Custom rewards are billed at nothing."
      chart={
        <>
          <ChartLegend series={series} />
          <BarChart
            label="Stacked bar chart of monthly redemption spend by reward kind over the last twelve months. The table beside it lists the same figures."
            categories={categoriesOf(months)}
            series={series}
            formatValue={money}
            emptyText="Nothing billed yet."
            formatTick={(minor) => axisMoney(minor, currency)}
          />
        </>
      }
      months={months}
      monthLabel="Month"
      columns={[
        ...KINDS.map((kind) => ({
          label: kind.label,
          cell: (index: number) => money(spend[index]?.[kind.key] ?? 0),
        })),
        { label: "Total", cell: (index: number) => money(total(index)), strong: true },
      ]}
    />
  );
}
