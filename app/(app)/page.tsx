import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/app/_components/page-header";
import { EmptyState, Panel } from "@/app/_components/panel";
import { linkClass } from "@/app/_components/styles";
import { guarded } from "@/app/_lib/page-guard";
import { awaitDatabase } from "@/app/_lib/unavailable";
import { signedIn, viewerBalances } from "@/app/_lib/viewer";
import { listCampaigns } from "@/core/campaigns/list-campaigns";
import { listFeed } from "@/core/feed/list-feed";
import { getGivingRules } from "@/core/giving/get-giving-rules";
import { listDepartments } from "@/core/people/list-departments";
import { lastDayOfMonthKey } from "@/core/shared/periods";
import { listCompanyValues } from "@/core/values/list-company-values";
import { RunningCampaigns } from "./_campaigns/campaign-facts";
import { GiveForm } from "./_give/give-form";
import { FeedFilters } from "./_recognitions/feed-filters";
import { Pagination } from "./_recognitions/pagination";
import { RecognitionList } from "./_recognitions/recognition-list";
import { firstParam, type SearchParams } from "./_recognitions/search-params";

export const metadata: Metadata = { title: "Feed · Plaudit" };

export default async function FeedPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { db, actor, org } = await signedIn();
  const params = await searchParams;
  const filters = {
    // A value typed as a hashtag ("#ownership") is the value itself.
    value: firstParam(params, "value")?.replace(/^#+/, "") || undefined,
    department: firstParam(params, "department"),
  };
  const cursor = firstParam(params, "cursor");
  const [page, { values }, { departments }, rules, balances, campaigns] = await awaitDatabase(
    Promise.all([
      guarded(listFeed(db, actor, { ...filters, cursor, donations: true })),
      listCompanyValues(db, actor),
      listDepartments(db, actor),
      getGivingRules(db, actor),
      viewerBalances(),
      listCampaigns(db, actor, { runningOnly: true }),
    ]),
  );
  const filtered = Boolean(filters.value || filters.department);

  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader
        title="Feed"
        description={`Thank a colleague, and see who is being recognized at ${org.name}.`}
      />
      <Panel title="Give recognition">
        <RunningCampaigns campaigns={campaigns.running} />
        <GiveForm
          idempotencyKey={randomUUID()}
          rules={rules}
          values={values}
          remaining={balances.allowance.remaining}
          allowanceUntil={lastDayOfMonthKey(balances.period)}
          pointValue={balances.pointValue}
        />
      </Panel>
      <section aria-labelledby="feed-heading" className="mt-10">
        <div className="mb-4 flex flex-wrap items-end justify-between gap-4">
          <h2 id="feed-heading" className="text-lg font-semibold">
            Recent recognition
          </h2>
          <FeedFilters
            values={values.map((value) => value.name)}
            departments={departments}
            value={filters.value}
            department={filters.department}
          />
        </div>
        <RecognitionList
          label="Recognition feed"
          page={page}
          interactive
          addOn={{ viewerId: actor.personId, min: rules.minPoints, max: rules.maxPoints }}
          timeZone={org.timeZone}
          now={new Date()}
          empty={
            filtered ? (
              <EmptyState title="Nothing matches these filters">
                Try another value or department, or{" "}
                <Link href="/" className={linkClass}>
                  see all recognition
                </Link>
                .
              </EmptyState>
            ) : (
              <EmptyState title="No recognition yet">
                Be the first: thank a colleague for something they did this week with the form above.
              </EmptyState>
            )
          }
        />
        <Pagination path="/" params={filters} cursor={cursor} nextCursor={page.nextCursor} />
      </section>
    </div>
  );
}
