import type { ReactNode } from "react";

export interface Column {
  label: ReactNode;
  numeric?: boolean;
}

/** The padding of a compact table's cells, heads and body alike, so right-aligned figures line up. */
export const compactCell = "pl-3 first:pl-0";

/**
 * The header row of a table of figures: `wide` for a table whose rows become cards on a phone (where the
 * header hides), `compact` for a small table inside a panel.
 */
export function ColumnHeads({ columns, style }: { columns: Column[]; style: "wide" | "compact" }) {
  const wide = style === "wide";
  return (
    <thead
      className={
        wide
          ? "hidden text-left text-xs font-medium tracking-wide text-stone-500 uppercase lg:table-header-group"
          : "text-left text-xs text-stone-500"
      }
    >
      <tr>
        {columns.map((column, index) => (
          <th
            // A table's columns never move: their place is their identity.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            key={index}
            scope="col"
            className={`${wide ? "px-3 py-2" : `${compactCell} py-1 align-bottom font-medium`} ${column.numeric ? "text-right" : ""}`}
          >
            {column.label}
          </th>
        ))}
      </tr>
    </thead>
  );
}
