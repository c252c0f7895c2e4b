"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { TabStrip } from "../../admin/_components/tab-strip";

const SECTIONS = [
  // A bill's own page belongs to the bills, whose list is the area's front page.
  {
    href: "/finance",
    label: "Bills",
    matches: (path: string) => path === "/finance" || path.startsWith("/finance/bills"),
  },
  {
    href: "/finance/liability",
    label: "Liability",
    matches: (path: string) => path.startsWith("/finance/liability"),
  },
  {
    href: "/finance/settings",
    label: "Billing settings",
    matches: (path: string) => path.startsWith("/finance/settings"),
  },
];

/** The finance area's sections, as a row of tabs under the main navigation. */
export function FinanceNav() {
  const pathname = usePathname();
  return (
    <TabStrip label="Finance" className="-mx-1 border-b border-stone-200">
      <ul className="flex gap-1 px-1">
        {SECTIONS.map((section) => {
          const current = section.matches(pathname);
          return (
            <li key={section.href}>
              <Link
                href={section.href}
                aria-current={current ? "page" : undefined}
                className={`-mb-px block border-b-2 px-3 py-2 text-sm font-medium whitespace-nowrap outline-none focus-visible:outline-2 focus-visible:outline-amber-600 ${
                  current
                    ? "border-amber-700 text-amber-900"
                    : "border-transparent text-stone-600 hover:border-stone-300 hover:text-stone-900"
                }`}
              >
                {section.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </TabStrip>
  );
}
