import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { PageHeader } from "@/app/_components/page-header";
import { EmptyState, Panel } from "@/app/_components/panel";
import { Points } from "@/app/_components/points";
import { guarded } from "@/app/_lib/page-guard";
import { signedIn } from "@/app/_lib/viewer";
import { listSpotAwards } from "@/core/giving/list-spot-awards";
import { formatInZone } from "../_components/format-time";
import { GrantForm } from "./grant-form";

export const metadata: Metadata = { title: "Spot awards · Admin · Plaudit" };

const names = new Intl.ListFormat("en", { style: "long", type: "conjunction" });

export default async function SpotAwardsPage() {
  const { db, actor, org } = await signedIn();
  // The recent awards are also the check: only those who may grant points may read them.
  const { awards, pointValue } = await guarded(listSpotAwards(db, actor));
  return (
    <>
      <PageHeader
        title="Spot awards"
        description="Points from the company rather than from anyone's allowance: for a launch, an anniversary, a rescue. They land in people's earned balances at once."
      />
      <div className="space-y-6">
        <Panel title="Give a spot award">
          {/* A fresh key on every render: one submit of this form takes effect once, however often it is sent. */}
          <GrantForm idempotencyKey={randomUUID()} pointValue={pointValue} />
        </Panel>
        {awards.length === 0 ? (
          <EmptyState title="No spot awards yet.">
            Award points above; the latest awards will be listed here.
          </EmptyState>
        ) : (
          <Panel title="Latest awards">
            <ul className="divide-y divide-stone-200">
              {awards.map((award) => (
                <li key={award.recognitionId} className="space-y-1 py-3 first:pt-0 last:pb-0">
                  <p className="font-medium">{names.format(award.recipients.map((person) => person.name))}</p>
                  <p className="text-sm">
                    <Points points={award.amountPerRecipient} value={pointValue} />
                    {award.recipients.length > 1 ? (
                      <>
                        {" "}
                        each, <Points points={award.totalAmount} value={pointValue} /> in all
                      </>
                    ) : null}
                  </p>
                  <p className="text-sm break-words text-stone-700">{award.message}</p>
                  <p className="text-xs text-stone-500">
                    {award.awardedBy ? `By ${award.awardedBy.name}` : "By an integration"} ·{" "}
                    <time dateTime={award.createdAt}>{formatInZone(award.createdAt, org.timeZone)}</time>
                  </p>
                </li>
              ))}
            </ul>
          </Panel>
        )}
      </div>
    </>
  );
}
