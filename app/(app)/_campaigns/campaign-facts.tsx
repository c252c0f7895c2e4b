import Link from "next/link";
import { Points } from "@/app/_components/points";
import type { Campaign, CampaignStatus } from "@/core/campaigns/campaign-rules";
import { formatPoints, type PointValue } from "@/core/shared/money";

const dayFormat = new Intl.DateTimeFormat("en-US", {
  month: "short",
  day: "numeric",
  year: "numeric",
  timeZone: "UTC",
});

/** "Dec 7, 2026": a campaign day (`YYYY-MM-DD`, the org's calendar) as people read it. */
export function formatCampaignDay(day: string): string {
  return dayFormat.format(new Date(`${day}T00:00:00Z`));
}

export function campaignDates(campaign: Pick<Campaign, "startsOn" | "endsOn">): string {
  const start = formatCampaignDay(campaign.startsOn);
  if (!campaign.endsOn) return `From ${start}, until ended`;
  if (campaign.endsOn === campaign.startsOn) return start;
  return `${start} – ${formatCampaignDay(campaign.endsOn)}`;
}

const STATUS_STYLE: Record<CampaignStatus, { text: string; className: string }> = {
  running: { text: "Running", className: "bg-emerald-100 text-emerald-900" },
  upcoming: { text: "Upcoming", className: "bg-sky-100 text-sky-900" },
  ended: { text: "Ended", className: "bg-stone-200 text-stone-800" },
};

export function CampaignStatusBadge({ status }: { status: CampaignStatus }) {
  const style = STATUS_STYLE[status];
  return (
    <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ${style.className}`}>{style.text}</span>
  );
}

/** "×2 Customer Week": how a boosted give names its campaign, linking to the campaign's page. */
export function CampaignChip({ campaign }: { campaign: { id: string; name: string; multiplier: number } }) {
  return (
    <Link
      href={`/campaigns/${campaign.id}`}
      className="inline-flex items-center gap-1 rounded-full bg-violet-100 px-2 py-0.5 text-xs font-semibold text-violet-900 outline-none hover:bg-violet-200 focus-visible:outline-2 focus-visible:outline-amber-600"
    >
      <span aria-hidden="true">×{campaign.multiplier}</span>
      <span className="sr-only">Times {campaign.multiplier}, </span>
      {campaign.name}
    </Link>
  );
}

/** Bonus paid against the budget, as a bar and in words. */
export function BudgetProgress({
  spent,
  budget,
  pointValue,
}: {
  spent: number;
  budget: number | null;
  pointValue: PointValue;
}) {
  if (budget === null) {
    return (
      <p className="text-sm text-stone-700">
        <Points points={spent} value={pointValue} /> of bonus paid; no budget limit.
      </p>
    );
  }
  const label = `${formatPoints(spent)} of ${formatPoints(budget)} bonus budget spent`;
  return (
    <div className="space-y-1">
      <progress
        value={spent}
        max={budget}
        aria-label={label}
        className="h-2 w-full overflow-hidden rounded-full bg-stone-200 [&::-moz-progress-bar]:bg-violet-600 [&::-webkit-progress-bar]:bg-stone-200 [&::-webkit-progress-value]:bg-violet-600"
      />
      <p className="text-sm text-stone-700">
        <Points points={spent} value={pointValue} /> of <Points points={budget} value={pointValue} /> bonus
        budget spent{spent >= budget ? ": gives go on at ×1." : "."}
      </p>
    </div>
  );
}

/** Above the give form: what a give is worth today, campaign by campaign. */
export function RunningCampaigns({ campaigns }: { campaigns: Campaign[] }) {
  if (campaigns.length === 0) return null;
  return (
    <ul aria-label="Campaigns running" className="mb-4 space-y-2">
      {campaigns.map((campaign) => {
        const spent = campaign.budget !== null && campaign.bonusPaid >= campaign.budget;
        return (
          <li
            key={campaign.id}
            className="rounded-lg bg-violet-50 px-3 py-2 text-sm text-violet-950 ring-1 ring-violet-200 ring-inset"
          >
            <Link
              href={`/campaigns/${campaign.id}`}
              className="font-semibold underline-offset-4 hover:underline"
            >
              ×{campaign.multiplier} {campaign.name}
            </Link>{" "}
            {spent
              ? "has spent its bonus budget: gives count ×1 again."
              : `is on${campaign.endsOn ? ` until ${formatCampaignDay(campaign.endsOn)}` : ""}: ${
                  campaign.valueName
                    ? `gives tagged #${campaign.valueName} earn their recipients`
                    : "every give earns its recipients"
                } ×${campaign.multiplier}, the extra from the company.`}
          </li>
        );
      })}
    </ul>
  );
}
