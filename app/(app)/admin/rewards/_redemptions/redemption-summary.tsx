import Link from "next/link";
import type { ReactNode } from "react";
import { Points } from "@/app/_components/points";
import { linkClass } from "@/app/_components/styles";
import type { RedemptionView } from "@/core/rewards/redemption-view";
import { formatMoney } from "@/core/shared/money";
import { formatInZone } from "../../_components/format-time";
import { KIND_TEXT } from "../_components/redemption-text";

/**
 * One redemption in an admin's queue: what, for whom (with their department then), how many points and
 * what they are worth, and when it was asked for; `children` holds what there is to do about it.
 */
export function RedemptionSummary({
  redemption,
  timeZone,
  details,
  children,
}: {
  redemption: RedemptionView;
  timeZone: string;
  /** What the queue needs said about it beyond the basics (what went wrong). */
  details?: ReactNode;
  children: ReactNode;
}) {
  const { person, handling } = redemption;
  const kind =
    redemption.kind === "custom"
      ? KIND_TEXT.custom
      : `${KIND_TEXT[redemption.kind]} · ${formatMoney(redemption.faceValueMinor, redemption.currency)}`;
  return (
    <li className="space-y-3 py-4 first:pt-0 last:pb-0" data-testid="redemption">
      <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-1">
        <div className="min-w-0">
          <p className="font-semibold break-words">{redemption.rewardName}</p>
          <p className="text-sm text-stone-500">{kind}</p>
        </div>
        <Points points={redemption.points} value={redemption.pointValue} className="text-sm" />
      </div>
      <p className="text-sm text-stone-700">
        <Link href={`/admin/people/${person.id}`} className={linkClass}>
          {person.name}
        </Link>
        {handling?.department ? ` · ${handling.department}` : ""} · asked{" "}
        <time dateTime={redemption.requestedAt.toISOString()}>
          {formatInZone(redemption.requestedAt, timeZone)}
        </time>
      </p>
      {details}
      <div className="flex flex-wrap gap-2">{children}</div>
    </li>
  );
}
