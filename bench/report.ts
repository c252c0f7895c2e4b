import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";

/**
 * One line of bench/results/give.json. `target` bounds `ratio` when there is a baseline and `value`
 * otherwise; `pass` is null for figures reported for context only.
 */
export interface Row {
  name: string;
  value: number;
  unit: string;
  baseline: number | null;
  ratio: number | null;
  target: number | null;
  pass: boolean | null;
}

export type Goal = { atLeast: number } | { atMost: number };

/** A row plus the direction of its target, which the JSON shape leaves out and the table prints. */
export interface Result {
  row: Row;
  goal: Goal | null;
}

export function result(
  name: string,
  value: number,
  unit: string,
  options: { baseline?: number; goal?: Goal } = {},
): Result {
  const baseline = options.baseline ?? null;
  const ratio = baseline === null ? null : baseline > 0 ? value / baseline : 0;
  const measured = ratio ?? value;
  const goal = options.goal ?? null;
  let target: number | null = null;
  let pass: boolean | null = null;
  if (goal && "atLeast" in goal) {
    target = goal.atLeast;
    pass = measured >= goal.atLeast;
  } else if (goal) {
    target = goal.atMost;
    pass = measured <= goal.atMost;
  }
  return { row: { name, value, unit, baseline, ratio, target, pass }, goal };
}

function formatNumber(value: number | null): string {
  if (value === null) return "";
  return value.toLocaleString("en-US", { maximumFractionDigits: Math.abs(value) < 10 ? 2 : 0 });
}

function formatTarget({ row, goal }: Result): string {
  if (!goal) return "";
  const bound = "atLeast" in goal ? `>= ${formatNumber(goal.atLeast)}` : `<= ${formatNumber(goal.atMost)}`;
  return row.ratio === null ? bound : `${bound}x`;
}

export function printTable(results: readonly Result[]): void {
  const header = ["name", "value", "unit", "baseline", "ratio", "target", "pass"];
  const lines = results.map((result) => {
    const { row } = result;
    return [
      row.name,
      formatNumber(row.value),
      row.unit,
      formatNumber(row.baseline),
      row.ratio === null ? "" : `${row.ratio.toFixed(2)}x`,
      formatTarget(result),
      row.pass === null ? "" : row.pass ? "PASS" : "FAIL",
    ];
  });
  const widths = header.map((title, column) =>
    Math.max(title.length, ...lines.map((line) => line[column]?.length ?? 0)),
  );
  const rightAligned = new Set([1, 3, 4]);
  const format = (cells: readonly string[]) =>
    cells
      .map((cell, column) => {
        const width = widths[column] ?? 0;
        return rightAligned.has(column) ? cell.padStart(width) : cell.padEnd(width);
      })
      .join("  ")
      .trimEnd();
  console.log(format(header));
  console.log(widths.map((width) => "-".repeat(width)).join("  "));
  for (const line of lines) console.log(format(line));
}

export async function writeResults(file: string, results: readonly Result[]): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const rows = results.map((result) => result.row);
  await writeFile(file, `${JSON.stringify(rows, null, 2)}\n`);
}
