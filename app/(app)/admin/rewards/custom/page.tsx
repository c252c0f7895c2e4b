import type { Metadata } from "next";
import { PageHeader } from "@/app/_components/page-header";
import { EmptyState, Panel } from "@/app/_components/panel";
import { Points } from "@/app/_components/points";
import { moneyInputText } from "@/app/_lib/money-input";
import { guarded } from "@/app/_lib/page-guard";
import { signedIn } from "@/app/_lib/viewer";
import type { CustomRewardRow } from "@/core/rewards/catalog";
import { listCustomRewards } from "@/core/rewards/list-custom-rewards";
import { formatMoney, type PointValue } from "@/core/shared/money";
import { formatDayInZone } from "../../_components/format-time";
import { OutcomeAnnouncer } from "../../_components/outcome-announcer";
import { RetiredItem } from "../../_components/retired-item";
import { RewardsTabs } from "../_components/rewards-tabs";
import { restoreCustomReward } from "./actions";
import type { CustomRewardDefaults } from "./custom-reward-fields";
import { ActiveRewardActions, AddCustomRewardForm } from "./custom-reward-forms";

export const metadata: Metadata = { title: "Custom rewards · Admin · Plaudit" };

function defaultsOf(reward: CustomRewardRow, currency: string): CustomRewardDefaults {
  return {
    name: reward.name,
    description: reward.description,
    pointsPrice: String(reward.pointsPrice),
    stock: reward.stock === null ? "" : String(reward.stock),
    requiresApproval: reward.requiresApproval,
    internalCost: reward.internalCostMinor === null ? "" : moneyInputText(reward.internalCostMinor, currency),
  };
}

/** The price, what is left, whether it needs approval and what it costs the company, on one line. */
function RewardFacts({ reward, pointValue }: { reward: CustomRewardRow; pointValue: PointValue }) {
  const facts = [
    reward.stock === null ? "No stock limit" : reward.stock === 0 ? "Out of stock" : `${reward.stock} left`,
    ...(reward.requiresApproval ? ["Needs approval"] : []),
    ...(reward.internalCostMinor === null
      ? []
      : [`Costs the company ${formatMoney(reward.internalCostMinor, pointValue.currency)}`]),
  ];
  return (
    <>
      <p className="text-sm">
        <Points points={reward.pointsPrice} value={pointValue} />
      </p>
      <p className="text-sm text-stone-500">{facts.join(" · ")}</p>
    </>
  );
}

export default async function CustomRewardsPage() {
  const { db, actor, org } = await signedIn();
  const rewards = await guarded(listCustomRewards(db, actor));
  const active = rewards.filter((reward) => reward.retiredAt === null);
  const retired = rewards.filter((reward) => reward.retiredAt !== null);
  const { pointValue } = org;
  return (
    <>
      <RewardsTabs current="custom" />
      <PageHeader
        title="Custom rewards"
        description="Your own rewards beside the gift cards: a day off, a hoodie, lunch with the CEO. People redeem points for them, and an admin hands them over. They are never on the monthly bill."
      />
      <div className="space-y-6">
        <Panel title="Add a custom reward">
          <AddCustomRewardForm pointValue={pointValue} />
        </Panel>

        <OutcomeAnnouncer>
          <div className="space-y-6">
            {active.length === 0 ? (
              <EmptyState title="No custom rewards yet.">
                Add one above; it joins the catalog at once.
              </EmptyState>
            ) : (
              <Panel title={`In the catalog (${active.length})`}>
                <ul className="divide-y divide-stone-200">
                  {active.map((reward) => (
                    <li key={reward.id} className="py-4 first:pt-0 last:pb-0">
                      <ActiveRewardActions
                        rewardId={reward.id}
                        name={reward.name}
                        defaults={defaultsOf(reward, pointValue.currency)}
                        pointValue={pointValue}
                      >
                        <p className="font-semibold break-words">{reward.name}</p>
                        {reward.description ? (
                          <p className="text-sm break-words text-stone-600">{reward.description}</p>
                        ) : null}
                        <RewardFacts reward={reward} pointValue={pointValue} />
                      </ActiveRewardActions>
                    </li>
                  ))}
                </ul>
              </Panel>
            )}

            {retired.length > 0 ? (
              <Panel
                title={`Retired (${retired.length})`}
                description="Out of the catalog; redemptions already made keep them."
              >
                <ul className="divide-y divide-stone-200">
                  {retired.map((reward) => (
                    <RetiredItem
                      key={reward.id}
                      name={reward.name}
                      restore={restoreCustomReward}
                      fields={{ customRewardId: reward.id }}
                    >
                      <RewardFacts reward={reward} pointValue={pointValue} />
                      {reward.retiredAt ? (
                        <p className="text-sm text-stone-500">
                          Retired {formatDayInZone(reward.retiredAt, org.timeZone)}
                        </p>
                      ) : null}
                    </RetiredItem>
                  ))}
                </ul>
              </Panel>
            ) : null}
          </div>
        </OutcomeAnnouncer>
      </div>
    </>
  );
}
