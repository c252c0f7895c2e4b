import type { ReactNode } from "react";

/**
 * A wide table's own sideways scroll on a narrow screen, so the page never scrolls sideways. It takes
 * keyboard focus, for the arrow keys to scroll it, and is named for screen readers after its table.
 * `relative` keeps the table's visually hidden labels inside it, where they can't widen the page.
 */
export function ScrollBox({
  label,
  className = "",
  children,
}: {
  label: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <section
      aria-label={label}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a box that scrolls must take focus to be scrolled by keyboard (WCAG 2.1.1).
      tabIndex={0}
      className={`relative overflow-x-auto outline-none focus-visible:outline-2 focus-visible:outline-amber-600 ${className}`}
    >
      {children}
    </section>
  );
}
