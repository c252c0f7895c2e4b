import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { Points } from "@/app/_components/points";
import { linkClass } from "@/app/_components/styles";
import { guarded } from "@/app/_lib/page-guard";
import { signedIn } from "@/app/_lib/viewer";
import { getRedemption } from "@/core/rewards/get-redemption";
import { formatMoney } from "@/core/shared/money";
import { When } from "../../../_recognitions/when";
import { RedemptionOutcome } from "../../_redemptions/redemption-outcome";
import { StatusBadge } from "../../_redemptions/status-badge";

type Params = { params: Promise<{ redemptionId: string }> };

/**
 * The viewer's own redemption. Admins may read anyone's through core, but this page is the owner's:
 * anyone else's is a 404 here, as it is for everyone who may not read it.
 */
const loadOwnRedemption = cache(async (redemptionId: string) => {
  const { db, actor, person } = await signedIn();
  const redemption = await guarded(getRedemption(db, actor, { redemptionId }));
  if (redemption.person.id !== person.id) notFound();
  return redemption;
});

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { redemptionId } = await params;
  const redemption = await loadOwnRedemption(redemptionId);
  return { title: `${redemption.rewardName} · My redemptions · Plaudit` };
}

export default async function RedemptionPage({ params }: Params) {
  const [{ org }, { redemptionId }] = await Promise.all([signedIn(), params]);
  const redemption = await loadOwnRedemption(redemptionId);
  const now = new Date();
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <Link href="/rewards/redemptions" className={`${linkClass} text-sm`}>
        <span aria-hidden="true">← </span>My redemptions
      </Link>
      <header className="space-y-2">
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-bold tracking-tight text-balance">{redemption.rewardName}</h1>
          <StatusBadge redemption={redemption} />
        </div>
      </header>
      <RedemptionOutcome redemption={redemption} />
      <dl className="grid gap-4 rounded-xl border border-stone-200 bg-white p-5 text-sm shadow-sm sm:grid-cols-2">
        <div>
          <dt className="text-stone-500">Points</dt>
          <dd className="mt-0.5">
            <Points points={redemption.points} value={redemption.pointValue} />
          </dd>
        </div>
        {redemption.kind === "custom" ? null : (
          <div>
            <dt className="text-stone-500">
              {redemption.kind === "charity" ? "Donation" : "Gift card value"}
            </dt>
            <dd className="mt-0.5 font-semibold tabular-nums">
              {formatMoney(redemption.faceValueMinor, redemption.currency)}
            </dd>
          </div>
        )}
        <div>
          <dt className="text-stone-500">Requested</dt>
          <dd className="mt-0.5">
            <When iso={redemption.requestedAt.toISOString()} timeZone={org.timeZone} now={now} />
          </dd>
        </div>
        {redemption.fulfilledAt ? (
          <div>
            <dt className="text-stone-500">{redemption.kind === "charity" ? "Donated" : "Fulfilled"}</dt>
            <dd className="mt-0.5">
              <When iso={redemption.fulfilledAt.toISOString()} timeZone={org.timeZone} now={now} />
            </dd>
          </div>
        ) : null}
      </dl>
    </div>
  );
}
