import { Group } from "@visx/group";
import { scaleBand, scaleLinear } from "@visx/scale";
import { Bar } from "@visx/shape";
import { EmptyPlotText, TickLines } from "@/app/_components/chart-grid";

export interface ChartSeries {
  label: string;
  /** A Tailwind fill class with at least 3:1 contrast on white, as WCAG asks of graphics. */
  fillClass: string;
  values: number[];
}

const PLOT_HEIGHT = 180;
const TOP = 8;
const LABELS_HEIGHT = 24;

/** Round ticks from zero up to at least `max`, about four of them. */
function valueScale(max: number, height: number) {
  return scaleLinear<number>({ domain: [0, Math.max(max, 1)], range: [height, 0], nice: 4 });
}

/**
 * Bars side by side for each category, drawn on the server as plain SVG with visx's scales and bars.
 * The axis labels are plain `<text>` (visx's own axis writes style attributes, which the page's
 * security policy refuses). As a picture it is one image to assistive technology, labelled, with the
 * table of the same figures beside it; each bar's tooltip names its figure. Horizontal positions are
 * percentages, so the chart fills any width while its text keeps its size.
 */
export function GroupedBarChart({
  label,
  categories,
  series,
  formatValue,
  emptyText,
}: {
  label: string;
  /** Under each group; on a phone only every other one is shown, ending with the last. */
  categories: string[];
  series: ChartSeries[];
  formatValue: (value: number) => string;
  emptyText: string;
}) {
  const all = series.flatMap((one) => one.values);
  const y = valueScale(Math.max(0, ...all), PLOT_HEIGHT);
  const x = scaleBand<string>({ domain: categories, range: [0, 100], paddingInner: 0.25, paddingOuter: 0.1 });
  const inner = scaleBand<string>({
    domain: series.map((one) => one.label),
    range: [0, x.bandwidth()],
    paddingInner: 0.1,
  });
  const ticks = y.ticks(4);
  return (
    <div className="pl-12">
      <svg
        width="100%"
        height={TOP + PLOT_HEIGHT + LABELS_HEIGHT}
        overflow="visible"
        role="img"
        aria-label={label}
        className="block text-[11px]"
      >
        <Group top={TOP}>
          <TickLines ticks={ticks} y={y} format={formatValue} />
          {all.every((value) => value === 0) ? <EmptyPlotText y={PLOT_HEIGHT / 2} text={emptyText} /> : null}
          {categories.map((category, index) => {
            const left = x(category) ?? 0;
            return (
              <g key={category}>
                {series.map((one) => {
                  const value = one.values[index] ?? 0;
                  if (value === 0) return null;
                  return (
                    <Bar
                      key={one.label}
                      x={`${left + (inner(one.label) ?? 0)}%`}
                      width={`${inner.bandwidth()}%`}
                      y={y(value)}
                      height={PLOT_HEIGHT - y(value)}
                      className={one.fillClass}
                    >
                      <title>{`${category} · ${one.label}: ${formatValue(value)}`}</title>
                    </Bar>
                  );
                })}
                <text
                  x={`${left + x.bandwidth() / 2}%`}
                  y={PLOT_HEIGHT + 16}
                  textAnchor="middle"
                  className={`fill-stone-600 ${(categories.length - 1 - index) % 2 === 1 ? "max-sm:hidden" : ""}`}
                >
                  {category}
                </text>
              </g>
            );
          })}
        </Group>
      </svg>
    </div>
  );
}

const ROW_HEIGHT = 36;
const BAR_HEIGHT = 12;

/**
 * One horizontal bar per item, under its name and figure: for a handful of items with long names
 * (values). An image beside its table in the same way as the grouped chart.
 */
export function HorizontalBarChart({
  label,
  items,
  fillClass,
  formatValue,
}: {
  label: string;
  items: { name: string; value: number }[];
  fillClass: string;
  formatValue: (value: number) => string;
}) {
  const x = scaleLinear<number>({
    domain: [0, Math.max(1, ...items.map((item) => item.value))],
    range: [0, 100],
  });
  return (
    <svg
      width="100%"
      height={items.length * ROW_HEIGHT}
      role="img"
      aria-label={label}
      className="block text-xs"
    >
      {items.map((item, index) => (
        <Group key={item.name} top={index * ROW_HEIGHT}>
          <text x="0" y={12} className="fill-stone-700">
            {`#${item.name} · ${formatValue(item.value)}`}
          </text>
          <Bar x="0" width={`${x(item.value)}%`} y={18} height={BAR_HEIGHT} rx={2} className={fillClass}>
            <title>{`#${item.name}: ${formatValue(item.value)}`}</title>
          </Bar>
        </Group>
      ))}
    </svg>
  );
}
