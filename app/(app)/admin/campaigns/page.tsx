import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/app/_components/page-header";
import { EmptyState, Panel } from "@/app/_components/panel";
import { linkClass } from "@/app/_components/styles";
import { guarded } from "@/app/_lib/page-guard";
import { signedIn } from "@/app/_lib/viewer";
import type { Campaign } from "@/core/campaigns/campaign-rules";
import { listCampaigns } from "@/core/campaigns/list-campaigns";
import type { PointValue } from "@/core/shared/money";
import { listCompanyValues } from "@/core/values/list-company-values";
import { BudgetProgress, CampaignStatusBadge, campaignDates } from "../../_campaigns/campaign-facts";
import { ConfirmForm } from "../_components/confirm-form";
import { OutcomeAnnouncer } from "../_components/outcome-announcer";
import { stopCampaign } from "./actions";
import { CampaignForm } from "./campaign-form";

export const metadata: Metadata = { title: "Campaigns · Admin · Plaudit" };

function CampaignItem({ campaign, pointValue }: { campaign: Campaign; pointValue: PointValue }) {
  return (
    <li className="space-y-2 py-4 first:pt-0 last:pb-0">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0 space-y-1">
          <p className="flex flex-wrap items-center gap-2">
            <Link href={`/campaigns/${campaign.id}`} className={`${linkClass} font-semibold break-words`}>
              ×{campaign.multiplier} {campaign.name}
            </Link>
            <CampaignStatusBadge status={campaign.status} />
          </p>
          <p className="text-sm text-stone-600">
            {campaignDates(campaign)}
            {campaign.valueName ? ` · gives tagged #${campaign.valueName}` : " · every give"}
          </p>
        </div>
        {campaign.status === "ended" ? null : (
          <ConfirmForm
            action={stopCampaign}
            fields={{ campaignId: campaign.id }}
            triggerLabel={campaign.status === "running" ? "End" : "Call off"}
            triggerAccessibleLabel={`${campaign.status === "running" ? "End" : "Call off"} ${campaign.name}`}
            title={`${campaign.status === "running" ? "End" : "Call off"} ${campaign.name}?`}
            confirmLabel={campaign.status === "running" ? "End campaign" : "Call off campaign"}
            pendingLabel="Ending…"
          >
            <p>
              Gives from now on earn no bonus. Gives already made keep theirs. This can't be undone; you can
              start a new campaign later.
            </p>
          </ConfirmForm>
        )}
      </div>
      {campaign.status === "upcoming" ? null : (
        <BudgetProgress spent={campaign.bonusPaid} budget={campaign.budget} pointValue={pointValue} />
      )}
    </li>
  );
}

export default async function CampaignsAdminPage() {
  const { db, actor, org } = await signedIn();
  const [campaigns, { values }] = await Promise.all([
    guarded(listCampaigns(db, actor, {})),
    guarded(listCompanyValues(db, actor)),
  ]);
  const sections = [
    { title: "Running", list: campaigns.running },
    { title: "Upcoming", list: campaigns.upcoming },
    { title: "Ended", list: campaigns.ended },
  ].filter((section) => section.list.length > 0);
  return (
    <>
      <PageHeader
        title="Campaigns"
        description="Double-points days: gives on a campaign's days earn their recipients ×2 (or more). The giver's allowance pays the points given; the company pays the bonus, up to the budget you set."
      />
      <div className="space-y-6">
        <Panel title="Start a campaign">
          <CampaignForm today={campaigns.today} values={values.map((value) => value.name)} />
        </Panel>
        <OutcomeAnnouncer>
          {sections.length === 0 ? (
            <EmptyState title="No campaigns yet.">
              Start one above, such as a ×2 Customer Week for gives tagged #customers, with a budget so the
              bonus can't run away.
            </EmptyState>
          ) : (
            sections.map((section) => (
              <Panel key={section.title} title={`${section.title} (${section.list.length})`}>
                <ul className="divide-y divide-stone-200">
                  {section.list.map((campaign) => (
                    <CampaignItem key={campaign.id} campaign={campaign} pointValue={org.pointValue} />
                  ))}
                </ul>
              </Panel>
            ))
          )}
        </OutcomeAnnouncer>
      </div>
    </>
  );
}
