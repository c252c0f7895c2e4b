import { currencyFractionDigits } from "@/core/shared/money";

export interface ChartScale {
  min: number;
  max: number;
  ticks: number[];
}

/**
 * An axis for whole amounts from `low` to `high`: zero always on it, round steps of 1, 2, 2.5 or 5
 * times a power of ten (never below 1), about `steps` of them.
 */
export function chartScale(low: number, high: number, steps = 4): ChartScale {
  const from = Math.min(0, low);
  const to = Math.max(0, high);
  if (from === to) return { min: 0, max: 1, ticks: [0] };
  const rough = (to - from) / steps;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = Math.max(1, ([1, 2, 2.5, 5, 10].find((nice) => nice * power >= rough) ?? 10) * power);
  const min = Math.floor(from / step) * step;
  const max = Math.ceil(to / step) * step;
  const ticks: number[] = [];
  for (let tick = min; tick <= max; tick += step) ticks.push(tick);
  return { min, max, ticks };
}

/**
 * "$1.2K" for 123,456 cents: an axis label, rounded for reading. Only labels are made this way; every
 * figure a person reads exactly comes from `formatMoney`.
 */
export function axisMoney(minor: number, currency: string): string {
  return new Intl.NumberFormat("en-US", {
    style: "currency",
    currency,
    notation: "compact",
    minimumFractionDigits: 0,
    maximumFractionDigits: 1,
  }).format(minor / 10 ** currencyFractionDigits(currency));
}
