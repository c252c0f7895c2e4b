import type { ReactNode } from "react";

/**
 * A cell of a table; on a phone the row becomes a card and each cell a "label: value" line, the value
 * (every line of it) against the card's right edge.
 */
export function LabelledCell({
  label,
  numeric = false,
  children,
}: {
  label: string;
  numeric?: boolean;
  children: ReactNode;
}) {
  return (
    <td
      className={`flex w-full items-baseline justify-between gap-4 py-0.5 lg:table-cell lg:w-auto lg:px-3 lg:py-3 ${
        numeric ? "text-right" : "text-right lg:text-left"
      }`}
    >
      <span className="text-stone-500 lg:hidden">{label}</span>
      <span>{children}</span>
    </td>
  );
}
