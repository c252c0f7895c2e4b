/**
 * A bar chart's horizontal grid, shared by the charts drawn on the server: a line and its label at each
 * tick, the zero line darker. `y` places a value in the SVG.
 */
export function TickLines({
  ticks,
  y,
  format,
}: {
  ticks: readonly number[];
  y: (value: number) => number;
  format: (value: number) => string;
}) {
  return ticks.map((tick) => (
    <g key={tick}>
      <line
        x1="0"
        x2="100%"
        y1={y(tick)}
        y2={y(tick)}
        className={tick === 0 ? "stroke-stone-500" : "stroke-stone-200"}
        strokeWidth={1}
      />
      <text x={-8} y={y(tick)} textAnchor="end" dominantBaseline="middle" className="fill-stone-600">
        {format(tick)}
      </text>
    </g>
  ));
}

/** Said across the plot, at height `y`, when every figure is zero, rather than an empty frame. */
export function EmptyPlotText({ y, text }: { y: number; text: string }) {
  return (
    <text x="50%" y={y} textAnchor="middle" className="fill-stone-600 text-sm">
      {text}
    </text>
  );
}
