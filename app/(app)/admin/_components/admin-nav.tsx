"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { CountBadge } from "./count-badge";
import { TabStrip } from "./tab-strip";

const SECTIONS = [
  { href: "/admin/settings", label: "Settings" },
  { href: "/admin/people", label: "People" },
  { href: "/admin/values", label: "Values" },
  { href: "/admin/levels", label: "Levels" },
  { href: "/admin/grants", label: "Spot awards" },
  { href: "/admin/campaigns", label: "Campaigns" },
  { href: "/admin/rewards", label: "Rewards" },
  { href: "/admin/audit", label: "Audit log" },
  { href: "/admin/api-keys", label: "API keys" },
] as const;

export type AdminSection = (typeof SECTIONS)[number]["href"];

/**
 * The admin area's sections: a row of tabs on a phone, a column beside the page from tablet width up.
 * A section with something waiting for the admin carries its count.
 */
export function AdminNav({ waiting = {} }: { waiting?: Partial<Record<AdminSection, number>> }) {
  const pathname = usePathname();
  return (
    <TabStrip label="Admin" className="-mx-1 md:mx-0 md:overflow-visible">
      <ul className="flex gap-1 md:flex-col">
        {SECTIONS.map((section) => {
          const current = pathname === section.href || pathname.startsWith(`${section.href}/`);
          return (
            <li key={section.href}>
              <Link
                href={section.href}
                aria-current={current ? "page" : undefined}
                className={`flex items-center justify-between gap-2 rounded-md px-3 py-1.5 text-sm font-medium whitespace-nowrap outline-none focus-visible:outline-2 focus-visible:outline-amber-600 ${
                  current
                    ? "bg-amber-100 text-amber-900"
                    : "text-stone-600 hover:bg-stone-100 hover:text-stone-900"
                }`}
              >
                {section.label}
                <CountBadge count={waiting[section.href] ?? 0} label="waiting" />
              </Link>
            </li>
          );
        })}
      </ul>
    </TabStrip>
  );
}
