/**
 * A PostgreSQL array literal for one bound parameter. Drizzle's `sql` template spreads a JS array into a
 * list of parameters, so arrays travel as `{"a","b"}` text and are cast on the server (`::uuid[]`).
 */
export function arrayLiteral(values: readonly string[]): string {
  return `{${values.map((value) => `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`).join(",")}}`;
}
