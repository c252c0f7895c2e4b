import Link from "next/link";
import { CountBadge } from "../../_components/count-badge";
import { TabStrip } from "../../_components/tab-strip";
import { redemptionQueueCounts } from "./queue-counts";

type Tab = "settings" | "custom" | "approvals" | "attention";

/**
 * The Rewards section's pages, with what waits on each: approvals and custom rewards to hand over on
 * one, anything stuck on the other. Rendered by each page, so its counts are as fresh as its list.
 */
export async function RewardsTabs({ current }: { current: Tab }) {
  const counts = await redemptionQueueCounts();
  const tabs = [
    { tab: "settings", href: "/admin/rewards", label: "Settings", count: 0 },
    { tab: "custom", href: "/admin/rewards/custom", label: "Custom rewards", count: 0 },
    {
      tab: "approvals",
      href: "/admin/rewards/approvals",
      label: "Approvals",
      count: counts ? counts.approvals + counts.fulfilment : 0,
    },
    {
      tab: "attention",
      href: "/admin/rewards/attention",
      label: "Needs attention",
      count: counts?.attention ?? 0,
    },
  ] as const;
  return (
    <TabStrip label="Rewards" className="-mx-1 mb-6 border-b border-stone-200 px-1">
      <ul className="flex gap-4">
        {tabs.map((tab) => (
          <li key={tab.tab}>
            <Link
              href={tab.href}
              aria-current={tab.tab === current ? "page" : undefined}
              className={`-mb-px flex items-center gap-1.5 border-b-2 px-1 pt-1 pb-2 text-sm font-medium whitespace-nowrap outline-none focus-visible:outline-2 focus-visible:outline-amber-600 ${
                tab.tab === current
                  ? "border-amber-600 text-amber-900"
                  : "border-transparent text-stone-600 hover:border-stone-300 hover:text-stone-900"
              }`}
            >
              {tab.label}
              <CountBadge
                count={tab.count}
                label={tab.tab === "attention" ? "need attention" : "waiting"}
                tone={tab.tab === "attention" ? "red" : "amber"}
              />
            </Link>
          </li>
        ))}
      </ul>
    </TabStrip>
  );
}
