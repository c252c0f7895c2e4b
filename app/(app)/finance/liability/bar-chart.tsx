import { EmptyPlotText, TickLines } from "@/app/_components/chart-grid";
import { type ChartScale, chartScale } from "./chart-scale";

export interface BarSeries {
  label: string;
  /** A Tailwind fill class with at least 3:1 contrast on white, as WCAG asks of graphics. */
  fillClass: string;
  /** One value per category, in minor units; stacked upwards when positive, downwards when negative. */
  values: number[];
}

export interface ChartCategory {
  /** Under its bar; on a phone only every other one is shown, ending with the latest. */
  short: string;
  /** In the tooltip. */
  long: string;
}

const PLOT_HEIGHT = 200;
const TOP = 8;
const LABELS_HEIGHT = 24;

interface Segment {
  series: BarSeries;
  from: number;
  to: number;
}

/** Each category's segments, positives stacked up from zero and negatives down from it. */
function stack(series: BarSeries[], index: number): Segment[] {
  let up = 0;
  let down = 0;
  return series.map((one) => {
    const value = one.values[index] ?? 0;
    const from = value >= 0 ? up : down;
    if (value >= 0) up += value;
    else down += value;
    return { series: one, from, to: from + value };
  });
}

/**
 * A bar chart drawn on the server as plain SVG: no script, readable without colour (each bar's
 * tooltip names its figure) and, as a picture, one image to assistive technology, whose alternative is
 * the table of the same figures beside it. Its x positions are percentages, so it fills any width while
 * its text keeps its size.
 */
export function BarChart({
  label,
  categories,
  series,
  formatValue,
  formatTick,
  emptyText,
}: {
  label: string;
  categories: ChartCategory[];
  series: BarSeries[];
  formatValue: (minor: number) => string;
  formatTick: (minor: number) => string;
  /** Said across the plot when every figure is zero, rather than an empty frame. */
  emptyText: string;
}) {
  const stacks = categories.map((_, index) => stack(series, index));
  const ends = stacks.flat().flatMap((segment) => [segment.from, segment.to]);
  const scale: ChartScale = chartScale(Math.min(0, ...ends), Math.max(0, ...ends));
  const y = (value: number) => TOP + ((scale.max - value) / (scale.max - scale.min)) * PLOT_HEIGHT;
  const slot = 100 / Math.max(categories.length, 1);
  return (
    <div className="pl-14">
      <svg
        width="100%"
        height={TOP + PLOT_HEIGHT + LABELS_HEIGHT}
        overflow="visible"
        role="img"
        aria-label={label}
        className="block text-[11px]"
      >
        <TickLines ticks={scale.ticks} y={y} format={formatTick} />
        {ends.every((end) => end === 0) ? <EmptyPlotText y={TOP + PLOT_HEIGHT / 2} text={emptyText} /> : null}
        {stacks.map((segments, index) => {
          const category = categories[index];
          if (!category) return null;
          return (
            <g key={category.long}>
              {segments
                .filter((segment) => segment.to !== segment.from)
                .map((segment) => (
                  <rect
                    key={segment.series.label}
                    x={`${index * slot + slot * 0.2}%`}
                    width={`${slot * 0.6}%`}
                    y={Math.min(y(segment.from), y(segment.to))}
                    height={Math.abs(y(segment.to) - y(segment.from))}
                    className={`${segment.series.fillClass} stroke-white`}
                    strokeWidth={1}
                  >
                    <title>{`${category.long} · ${segment.series.label}: ${formatValue(segment.to - segment.from)}`}</title>
                  </rect>
                ))}
              <text
                x={`${(index + 0.5) * slot}%`}
                y={TOP + PLOT_HEIGHT + 16}
                textAnchor="middle"
                className={`fill-stone-600 ${(categories.length - 1 - index) % 2 === 1 ? "max-sm:hidden" : ""}`}
              >
                {category.short}
              </text>
            </g>
          );
        })}
      </svg>
    </div>
  );
}

/** The series' names beside their colours, for a chart of more than one. */
export function ChartLegend({ series }: { series: BarSeries[] }) {
  return (
    <ul className="mb-3 flex flex-wrap gap-x-4 gap-y-1 text-sm text-stone-700">
      {series.map((one) => (
        <li key={one.label} className="flex items-center gap-1.5">
          <svg width="12" height="12" aria-hidden="true" className="shrink-0">
            <rect width="12" height="12" rx="2" className={one.fillClass} />
          </svg>
          {one.label}
        </li>
      ))}
    </ul>
  );
}
