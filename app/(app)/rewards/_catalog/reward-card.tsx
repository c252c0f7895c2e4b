import Link from "next/link";
import type { CatalogItem } from "@/core/rewards/catalog";
import { formatMoney, formatPoints, type PointValue, pointsToMinor } from "@/core/shared/money";
import { BrandImage } from "./brand-image";
import { KIND_LABELS, rewardHref } from "./reward-links";

/** One reward in the catalog's grid: its picture, its name and the fewest points it can be had for. */
export function RewardCard({ item, pointValue }: { item: CatalogItem; pointValue: PointValue }) {
  const soldOut = item.stockLeft === 0;
  const denominations = item.denominations;
  // A price of its own (a company reward, a single value) is the price; otherwise the cheapest choice.
  const choosable =
    denominations !== null && denominations.fixed.length + denominations.ranges.length * 2 > 1;
  return (
    <li className="min-w-0">
      <Link
        href={rewardHref(item)}
        className="group flex h-full flex-col overflow-hidden rounded-xl border border-stone-200 bg-white shadow-sm outline-none hover:border-stone-300 hover:shadow-md focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-amber-600"
      >
        <div className="aspect-[8/5] overflow-hidden border-b border-stone-100 bg-stone-50">
          <BrandImage name={item.name} imageUrl={item.imageUrl} />
        </div>
        <div className="flex flex-1 flex-col gap-1 p-3 sm:p-4">
          <p className="text-xs font-medium text-stone-500">{KIND_LABELS[item.kind].one}</p>
          <h3 className="line-clamp-2 font-semibold text-stone-900 group-hover:text-amber-800">
            {item.name}
          </h3>
          {soldOut || item.requiresApproval ? (
            <p className="flex flex-wrap gap-1">
              {soldOut ? <Badge>Out of stock</Badge> : null}
              {item.requiresApproval ? <Badge>Needs approval</Badge> : null}
            </p>
          ) : null}
          <p className="mt-auto pt-1 text-xs text-stone-600 sm:text-sm">
            {choosable ? "from " : null}
            <span className="font-semibold whitespace-nowrap text-stone-900">
              {formatPoints(item.fromPoints)}
            </span>{" "}
            <span className="whitespace-nowrap">
              · {formatMoney(pointsToMinor(item.fromPoints, pointValue), pointValue.currency)}
            </span>
          </p>
        </div>
      </Link>
    </li>
  );
}

function Badge({ children }: { children: string }) {
  return (
    <span className="rounded-full bg-stone-100 px-2 py-0.5 text-xs font-medium text-stone-700">
      {children}
    </span>
  );
}
