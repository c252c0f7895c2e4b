import { randomUUID } from "node:crypto";
import Link from "next/link";
import type { ReactNode } from "react";
import { Panel } from "@/app/_components/panel";
import { Points } from "@/app/_components/points";
import { linkClass } from "@/app/_components/styles";
import type { RewardOffer } from "@/core/rewards/get-reward-offer";
import { BrandImage } from "../_catalog/brand-image";
import { PausedNotice } from "../_catalog/paused-notice";
import { KIND_LABELS } from "../_catalog/reward-links";
import { offeredValues } from "./amount-choice";
import { readableText } from "./readable-text";
import { RedeemForm } from "./redeem-form";

/** "general_merchandise" as people read it: "General merchandise". */
function categoryLabel(category: string): string {
  const words = category.replace(/[_-]+/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function MoreAbout({ summary, text }: { summary: string; text: string | null }) {
  if (!text) return null;
  return (
    <details className="group rounded-xl border border-stone-200 bg-white shadow-sm">
      <summary className="flex cursor-pointer items-center justify-between gap-3 rounded-xl px-5 py-3 font-medium outline-none hover:bg-stone-50 focus-visible:outline-2 focus-visible:outline-amber-600">
        {summary}
        <span aria-hidden="true" className="text-stone-400 transition-transform group-open:rotate-180">
          ▾
        </span>
      </summary>
      <p className="border-t border-stone-100 px-5 py-4 text-sm break-words whitespace-pre-line text-stone-700">
        {readableText(text)}
      </p>
    </details>
  );
}

/** A reward's page, for a gift card, a charity or a company reward alike. */
export function OfferPage({ offer, email }: { offer: RewardOffer; email: string }) {
  const { item, pointValue } = offer;
  const soldOut = item.stockLeft === 0;
  let redeem: ReactNode;
  if (!offer.enabled) {
    redeem = (
      <div className="space-y-3">
        <PausedNotice />
        <p className="text-sm text-stone-600">
          {item.denominations
            ? `Available for ${offeredValues(item.denominations, pointValue.currency)}.`
            : null}
          {item.pointsPrice !== null ? (
            <>
              Costs <Points points={item.pointsPrice} value={pointValue} />.
            </>
          ) : null}
        </p>
      </div>
    );
  } else if (soldOut) {
    redeem = (
      <p className="text-sm text-stone-700">
        <strong className="font-semibold">Out of stock for now.</strong> Your points stay in your balance;
        check back later, or choose{" "}
        <Link href="/rewards" className={linkClass}>
          another reward
        </Link>
        .
      </p>
    );
  } else {
    redeem = (
      <RedeemForm
        item={item}
        pointValue={pointValue}
        earned={offer.earned ?? 0}
        approvalThreshold={offer.approvalThreshold}
        deliveryMethod={offer.deliveryMethod}
        email={email}
        idempotencyKey={randomUUID()}
      />
    );
  }
  const panelTitle =
    item.kind === "charity"
      ? "Choose your donation"
      : item.kind === "custom"
        ? "Redeem it"
        : "Choose an amount";

  return (
    <div className="space-y-6">
      <Link href="/rewards" className={`${linkClass} text-sm`}>
        <span aria-hidden="true">← </span>All rewards
      </Link>
      {/* On a phone the redeem panel comes right after the reward; beside it from laptop width up. */}
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_26rem] lg:items-start">
        <header className="flex min-w-0 items-start gap-4 sm:gap-5">
          <div className="aspect-[8/5] w-32 shrink-0 overflow-hidden rounded-lg border border-stone-200 bg-stone-50 sm:w-60 sm:rounded-xl">
            <BrandImage name={item.name} imageUrl={item.imageUrl} />
          </div>
          <div className="min-w-0 space-y-2">
            <p className="text-sm font-medium text-stone-500">
              {KIND_LABELS[item.kind].one}
              {item.category && categoryLabel(item.category) !== KIND_LABELS[item.kind].one
                ? ` · ${categoryLabel(item.category)}`
                : null}
            </p>
            <h1 className="text-2xl font-bold tracking-tight text-balance break-words">{item.name}</h1>
            {item.description ? <p className="hidden text-stone-700 sm:block">{item.description}</p> : null}
            {item.stockLeft !== null && item.stockLeft > 0 ? (
              <p className="text-sm text-stone-600">{item.stockLeft} left</p>
            ) : null}
          </div>
        </header>
        {item.description ? <p className="-mt-3 text-stone-700 sm:hidden">{item.description}</p> : null}
        <Panel title={panelTitle} className="lg:col-start-2 lg:row-span-3 lg:row-start-1">
          {redeem}
        </Panel>
        {item.usageInstructions || item.disclosure ? (
          <div className="min-w-0 space-y-4 lg:col-start-1">
            <MoreAbout summary="How to use it" text={item.usageInstructions} />
            <MoreAbout summary="Terms and disclosures" text={item.disclosure} />
          </div>
        ) : null}
      </div>
    </div>
  );
}
