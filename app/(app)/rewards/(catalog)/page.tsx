import type { Metadata } from "next";
import Form from "next/form";
import Link from "next/link";
import { PageHeader } from "@/app/_components/page-header";
import { EmptyState } from "@/app/_components/panel";
import { inputClass, linkClass, secondaryButtonClass } from "@/app/_components/styles";
import { guarded } from "@/app/_lib/page-guard";
import { signedIn } from "@/app/_lib/viewer";
import { listRewardCatalog } from "@/core/rewards/list-reward-catalog";
import { choiceParam, firstParam, hrefWith, type SearchParams } from "../../_recognitions/search-params";
import { TabLinks } from "../../_recognitions/tab-links";
import { BalanceSummary } from "../_catalog/balance-summary";
import { PausedNotice } from "../_catalog/paused-notice";
import { RewardCard } from "../_catalog/reward-card";
import { KIND_LABELS } from "../_catalog/reward-links";

export const metadata: Metadata = { title: "Rewards · Plaudit" };

const TABS = ["all", "gift_card", "charity", "custom"] as const;
/** What the catalog's search accepts; a longer link is cut rather than refused. */
const SEARCH_LENGTH = 100;

export default async function RewardsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { db, actor } = await signedIn();
  const params = await searchParams;
  const query = firstParam(params, "q")?.trim().slice(0, SEARCH_LENGTH) || undefined;
  const tab = choiceParam(params, "kind", TABS);
  const kind = tab === "all" ? undefined : tab;
  const catalog = await guarded(listRewardCatalog(db, actor, { query, kind }));
  const { counts } = catalog;
  const total = counts.gift_card + counts.charity + counts.custom;

  return (
    <div className="space-y-6">
      <PageHeader
        title="Rewards"
        description="Turn the points your colleagues gave you into gift cards, donations and company rewards."
        actions={
          <Link href="/rewards/redemptions" className={secondaryButtonClass}>
            My redemptions
          </Link>
        }
      />
      <BalanceSummary earned={catalog.earned ?? 0} pointValue={catalog.pointValue} />
      {catalog.enabled ? null : <PausedNotice />}
      {total === 0 ? (
        <EmptyState title="No rewards yet">
          Your organization hasn't set up any rewards yet. Your points are safe and keep adding up.
        </EmptyState>
      ) : (
        <section aria-labelledby="catalog-heading" className="space-y-4">
          <h2 id="catalog-heading" className="sr-only">
            Catalog
          </h2>
          <div className="flex flex-col gap-3 lg:flex-row lg:items-center lg:justify-between">
            <TabLinks
              label="Kind of reward"
              tabs={TABS.map((choice) => ({
                href: hrefWith("/rewards", { q: query, kind: choice === "all" ? undefined : choice }),
                label: choice === "all" ? "All" : KIND_LABELS[choice].many,
                count: choice === "all" ? total : counts[choice],
                current: choice === tab,
              }))}
            />
            <Form action="/rewards" role="search" className="flex gap-2 lg:w-96">
              {kind ? <input type="hidden" name="kind" value={kind} /> : null}
              <label htmlFor="reward-search" className="sr-only">
                Search rewards
              </label>
              <input
                id="reward-search"
                name="q"
                type="search"
                defaultValue={query}
                maxLength={SEARCH_LENGTH}
                placeholder="Search by name, such as Amazon"
                className={inputClass}
              />
              <button type="submit" className={secondaryButtonClass}>
                Search
              </button>
            </Form>
          </div>
          {catalog.items.length > 0 ? (
            <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 sm:gap-4 lg:grid-cols-4">
              {catalog.items.map((item) => (
                <RewardCard
                  key={item.productId ?? item.customRewardId}
                  item={item}
                  pointValue={catalog.pointValue}
                />
              ))}
            </ul>
          ) : query ? (
            <EmptyState title={`Nothing matches “${query}”`}>
              Try another name, or{" "}
              <Link href={hrefWith("/rewards", { kind })} className={linkClass}>
                clear the search
              </Link>
              .
            </EmptyState>
          ) : (
            <EmptyState title={`No ${kind ? KIND_LABELS[kind].many.toLowerCase() : "rewards"} yet`}>
              <Link href="/rewards" className={linkClass}>
                See all rewards
              </Link>
            </EmptyState>
          )}
        </section>
      )}
    </div>
  );
}
