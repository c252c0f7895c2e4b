import Link from "next/link";
import type { ReactNode } from "react";
import { LogoMark } from "@/app/_components/logo-mark";
import { type NavItem, NavLinks } from "@/app/_components/nav-links";
import { NotificationsBell } from "@/app/_components/notifications-bell";
import { Points } from "@/app/_components/points";
import { signOut } from "@/app/_lib/auth";
import { awaitDatabase } from "@/app/_lib/unavailable";
import { signedIn, viewerBalances } from "@/app/_lib/viewer";
import { countUnread } from "@/core/inbox/count-unread";
import type { Role } from "@/core/shared/actor";

function navFor(roles: readonly Role[]): NavItem[] {
  const items: NavItem[] = [
    { href: "/", label: "Feed" },
    { href: "/rewards", label: "Rewards" },
    { href: "/leaderboard", label: "Leaderboard" },
    { href: "/history", label: "My history" },
  ];
  if (roles.includes("manager") || roles.includes("admin")) {
    items.push({ href: "/team", label: "My team" }, { href: "/analytics", label: "Analytics" });
  }
  if (roles.includes("finance") || roles.includes("admin"))
    items.push({ href: "/finance", label: "Finance" });
  if (roles.includes("admin")) items.push({ href: "/admin", label: "Admin" });
  return items;
}

export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const { db, actor, org, person } = await signedIn();
  const balances = await viewerBalances();
  const { unread } = await awaitDatabase(countUnread(db, actor));

  async function signOutAction() {
    "use server";
    await signOut({ redirectTo: "/signin" });
  }

  return (
    <div className="min-h-screen">
      <a
        href="#main"
        className="sr-only rounded bg-white px-3 py-2 focus:not-sr-only focus:absolute focus:top-2 focus:left-2"
      >
        Skip to content
      </a>
      <header className="border-b border-stone-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-3 px-4 py-3">
          <Link
            href="/"
            className="flex items-center gap-2 rounded-sm outline-none focus-visible:outline-2 focus-visible:outline-amber-600"
          >
            <LogoMark />
            <span className="text-lg font-bold tracking-tight text-amber-800">Plaudit</span>
            <span className="text-sm text-stone-500">{org.name}</span>
          </Link>
          <dl className="order-last flex w-full flex-wrap gap-x-6 gap-y-1 text-sm sm:order-none sm:ml-auto sm:w-auto">
            <div className="flex gap-2" data-testid="allowance-left">
              <dt className="text-stone-500">Left to give</dt>
              <dd>
                <Points points={balances.allowance.remaining} value={balances.pointValue} />
                <span className="text-stone-500"> of {balances.allowance.total.toLocaleString("en-US")}</span>
              </dd>
            </div>
            <div className="flex gap-2" data-testid="earned">
              <dt className="text-stone-500">Earned</dt>
              <dd>
                <Points points={balances.earned.balance} value={balances.pointValue} />
              </dd>
            </div>
          </dl>
          <div className="ml-auto flex items-center gap-3 sm:ml-0">
            <NotificationsBell unread={unread} />
            <Link
              href={`/people/${person.id}`}
              className="text-sm font-medium text-stone-700 hover:text-stone-950 rounded-sm outline-none focus-visible:outline-2 focus-visible:outline-amber-600"
            >
              {person.name}
            </Link>
            <Link
              href="/settings"
              className="rounded-md px-2 py-1 text-sm text-stone-500 hover:bg-stone-100 hover:text-stone-900 outline-none focus-visible:outline-2 focus-visible:outline-amber-600"
            >
              Settings
            </Link>
            <form action={signOutAction}>
              <button
                type="submit"
                className="rounded-md px-2 py-1 text-sm text-stone-500 hover:bg-stone-100 hover:text-stone-900 outline-none focus-visible:outline-2 focus-visible:outline-amber-600"
              >
                Sign out
              </button>
            </form>
          </div>
        </div>
        <div className="mx-auto max-w-6xl px-4 pb-2">
          <NavLinks items={navFor(person.roles)} />
        </div>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">
        {children}
      </main>
    </div>
  );
}
