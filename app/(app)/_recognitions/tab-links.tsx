import Link from "next/link";

export interface TabLink {
  href: string;
  label: string;
  current: boolean;
  /** How many items the view holds, shown beside its label. */
  count?: number;
}

/** A row of links that switch a page's view; the one showing is marked for screen readers too. */
export function TabLinks({ label, tabs }: { label: string; tabs: TabLink[] }) {
  return (
    <nav aria-label={label} className="relative -mx-1 flex gap-1 overflow-x-auto px-1 py-1">
      {tabs.map((tab) => (
        <Link
          key={tab.href}
          href={tab.href}
          aria-current={tab.current ? "page" : undefined}
          className={`rounded-full px-3.5 py-1.5 text-sm font-medium whitespace-nowrap outline-none focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-amber-600 ${
            tab.current
              ? "bg-stone-900 text-white"
              : "bg-white text-stone-700 ring-1 ring-stone-200 ring-inset hover:bg-stone-100"
          }`}
        >
          {tab.label}
          {tab.count === undefined ? null : (
            <span className={`ml-1.5 tabular-nums ${tab.current ? "text-stone-300" : "text-stone-500"}`}>
              {tab.count}
            </span>
          )}
        </Link>
      ))}
    </nav>
  );
}
