import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/app/_components/page-header";
import { EmptyState } from "@/app/_components/panel";
import { linkClass } from "@/app/_components/styles";
import { guarded } from "@/app/_lib/page-guard";
import { signedIn } from "@/app/_lib/viewer";
import { listRedemptions } from "@/core/rewards/list-redemptions";
import { Pagination } from "../../../_recognitions/pagination";
import { firstParam, type SearchParams } from "../../../_recognitions/search-params";
import { When } from "../../../_recognitions/when";
import { RedemptionValue } from "../../_redemptions/redemption-value";
import { StatusBadge } from "../../_redemptions/status-badge";

export const metadata: Metadata = { title: "My redemptions · Plaudit" };

export default async function RedemptionsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { db, actor, org } = await signedIn();
  const cursor = firstParam(await searchParams, "cursor");
  const page = await guarded(listRedemptions(db, actor, { cursor }));
  const now = new Date();

  return (
    <div className="mx-auto max-w-3xl space-y-2">
      <Link href="/rewards" className={`${linkClass} text-sm`}>
        <span aria-hidden="true">← </span>Rewards
      </Link>
      <PageHeader
        title="My redemptions"
        description="Everything you have redeemed your points for, newest first."
      />
      {page.items.length === 0 ? (
        <EmptyState title={cursor ? "No older redemptions" : "You haven't redeemed anything yet"}>
          {cursor ? (
            <Link href="/rewards/redemptions" className={linkClass}>
              Back to the newest
            </Link>
          ) : (
            <>
              Your points are waiting:{" "}
              <Link href="/rewards" className={linkClass}>
                browse the rewards
              </Link>
              .
            </>
          )}
        </EmptyState>
      ) : (
        <ul
          aria-label="Your redemptions"
          className="divide-y divide-stone-100 overflow-hidden rounded-xl border border-stone-200 bg-white shadow-sm"
        >
          {page.items.map((redemption) => (
            <li key={redemption.id}>
              <Link
                href={`/rewards/redemptions/${redemption.id}`}
                className="flex items-start justify-between gap-3 px-4 py-3 outline-none hover:bg-stone-50 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-amber-600 sm:px-5"
              >
                <span className="min-w-0 space-y-0.5">
                  <span className="block font-medium text-stone-900">{redemption.rewardName}</span>
                  <span className="block text-sm">
                    <RedemptionValue redemption={redemption} />
                  </span>
                  <span className="block text-xs text-stone-500">
                    <When iso={redemption.requestedAt.toISOString()} timeZone={org.timeZone} now={now} />
                  </span>
                </span>
                <StatusBadge redemption={redemption} />
              </Link>
            </li>
          ))}
        </ul>
      )}
      <Pagination
        path="/rewards/redemptions"
        cursor={cursor}
        nextCursor={page.nextCursor}
        noMore="No older redemptions."
      />
    </div>
  );
}
