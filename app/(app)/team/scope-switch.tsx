import Link from "next/link";
import type { ListTeamInput } from "@/core/allowances/list-team";

export type TeamScope = NonNullable<ListTeamInput["scope"]>;

const SCOPES: { scope: TeamScope; label: string }[] = [
  { scope: "direct", label: "Direct reports" },
  { scope: "all", label: "Everyone in my reporting line" },
];

/** Reads `?scope=`; anything but "direct" shows the whole reporting line, the dashboard's default. */
export function scopeFrom(param: string | string[] | undefined): TeamScope {
  return param === "direct" ? "direct" : "all";
}

export function ScopeSwitch({ current }: { current: TeamScope }) {
  return (
    <nav
      aria-label="Whose figures to show"
      className="flex flex-wrap gap-1 rounded-lg border border-stone-300 bg-white p-1"
    >
      {SCOPES.map(({ scope, label }) => {
        const active = scope === current;
        return (
          <Link
            key={scope}
            href={`/team?scope=${scope}`}
            aria-current={active ? "page" : undefined}
            className={`rounded-md px-3 py-1.5 text-sm font-medium outline-none focus-visible:outline-2 focus-visible:outline-amber-600 ${
              active
                ? "bg-amber-100 text-amber-900"
                : "text-stone-600 hover:bg-stone-100 hover:text-stone-900"
            }`}
          >
            {label}
          </Link>
        );
      })}
    </nav>
  );
}
