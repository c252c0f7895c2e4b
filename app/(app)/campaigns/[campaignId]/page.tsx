import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/app/_components/page-header";
import { EmptyState, Panel } from "@/app/_components/panel";
import { linkClass } from "@/app/_components/styles";
import { guarded } from "@/app/_lib/page-guard";
import { signedIn } from "@/app/_lib/viewer";
import { type CampaignReport, getCampaign } from "@/core/campaigns/get-campaign";
import { BudgetProgress, CampaignStatusBadge, campaignDates } from "../../_campaigns/campaign-facts";

export const metadata: Metadata = { title: "Campaign · Plaudit" };

const count = new Intl.NumberFormat("en-US");

function progressText(report: CampaignReport): string {
  const { campaign, daysElapsed, daysTotal } = report;
  if (campaign.status === "upcoming") return "Not started yet";
  const total = daysTotal === null ? "" : ` of ${daysTotal}`;
  if (campaign.status === "ended") return `Ran ${daysElapsed}${total} day${daysElapsed === 1 ? "" : "s"}`;
  return `Day ${daysElapsed}${total}`;
}

function Figure({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="rounded-lg border border-stone-200 px-3 py-2">
      <dt className="text-xs tracking-wide text-stone-600 uppercase">{label}</dt>
      <dd className="mt-1 text-lg font-semibold tabular-nums">{children}</dd>
    </div>
  );
}

export default async function CampaignPage({ params }: { params: Promise<{ campaignId: string }> }) {
  const { campaignId } = await params;
  const { db, actor, person } = await signedIn();
  const report = await guarded(getCampaign(db, actor, { campaignId }));
  const { campaign } = report;
  const isAdmin = person.roles.includes("admin");
  return (
    <>
      <PageHeader
        title={`×${campaign.multiplier} ${campaign.name}`}
        description={
          <>
            {campaignDates(campaign)} ·{" "}
            {campaign.valueName
              ? `gives tagged #${campaign.valueName} earn their recipients ×${campaign.multiplier}`
              : `every give earns its recipients ×${campaign.multiplier}`}
            . The company pays the bonus; the giver's allowance pays only the points given.
          </>
        }
        actions={<CampaignStatusBadge status={campaign.status} />}
      />
      <div className="space-y-6">
        <Panel title="Progress">
          <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
            <Figure label="Days">{progressText(report)}</Figure>
            <Figure label="Recognitions">{count.format(report.recognitions)}</Figure>
            <Figure label="With the bonus">{count.format(report.withBonus)}</Figure>
            <Figure label="People recognized">{count.format(report.peopleRecognised)}</Figure>
          </dl>
          <div className="mt-4">
            <BudgetProgress
              spent={campaign.bonusPaid}
              budget={campaign.budget}
              pointValue={report.pointValue}
            />
          </div>
        </Panel>
        <Panel title="Top recognized values" description="Values tagged on recognitions during the campaign.">
          {report.topValues.length === 0 ? (
            <EmptyState title="No values tagged yet.">
              {campaign.status === "upcoming"
                ? "The campaign hasn't started."
                : "Recognitions tagged with a company value will be counted here."}
            </EmptyState>
          ) : (
            <ol className="divide-y divide-stone-200">
              {report.topValues.map((value, index) => (
                <li key={value.name} className="flex items-baseline justify-between gap-3 py-2">
                  <span>
                    <span className="mr-2 text-stone-600 tabular-nums">{index + 1}.</span>#{value.name}
                  </span>
                  <span className="text-sm text-stone-700 tabular-nums">
                    {count.format(value.recognitions)} recognition{value.recognitions === 1 ? "" : "s"}
                  </span>
                </li>
              ))}
            </ol>
          )}
        </Panel>
        <p className="text-sm">
          <Link href={isAdmin ? "/admin/campaigns" : "/"} className={linkClass}>
            {isAdmin ? "All campaigns" : "Back to the feed"}
          </Link>
        </p>
      </div>
    </>
  );
}
