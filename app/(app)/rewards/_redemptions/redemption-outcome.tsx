import Link from "next/link";
import type { ReactNode } from "react";
import { Points } from "@/app/_components/points";
import { linkClass } from "@/app/_components/styles";
import type { RedemptionView } from "@/core/rewards/redemption-view";
import { formatMoney } from "@/core/shared/money";
import { AutoRefresh } from "./auto-refresh";
import { GiftLink } from "./gift-link";

/** Where the redemption waits while its points are held, and until when. */
const HELD: Record<
  "submitted" | "awaiting_approval" | "awaiting_fulfillment" | "needs_attention",
  { title: string; until: string | ((redemption: RedemptionView) => string) }
> = {
  submitted: {
    title: "Placing your order…",
    until: "while the order goes through; it usually takes a few seconds.",
  },
  awaiting_approval: {
    title: "Waiting for an admin's approval",
    until: "until an admin decides. If they decline, the points come back to you.",
  },
  awaiting_fulfillment: {
    title: "An admin will hand it over",
    until: (redemption) => `until an admin marks ${redemption.rewardName} as done.`,
  },
  needs_attention: {
    title: "An admin is checking it",
    until: "while a person looks into a problem with it: it will either go through, or the points come back.",
  },
};

const ENDED = {
  failed: "It didn't go through",
  declined: "An admin declined it",
  canceled: "It was canceled",
} as const;

const DELIVERY: Record<NonNullable<RedemptionView["deliveryStatus"]>, string> = {
  scheduled: "Scheduled to be sent.",
  pending: "Being sent now.",
  succeeded: "Delivered to your inbox.",
  failed: "The email couldn't be delivered. An admin has been told and will sort it out.",
};

function Outcome({
  title,
  children,
  tone = "plain",
}: {
  title: string;
  children: ReactNode;
  tone?: "plain" | "good" | "bad";
}) {
  const tones = {
    plain: "border-stone-200 bg-white",
    good: "border-emerald-200 bg-emerald-50",
    bad: "border-red-200 bg-red-50",
  };
  return (
    <section
      aria-labelledby="outcome-heading"
      className={`space-y-3 rounded-xl border p-5 shadow-sm ${tones[tone]}`}
    >
      <h2 id="outcome-heading" className="text-lg font-semibold text-stone-900">
        {title}
      </h2>
      <div className="space-y-3 text-stone-700">{children}</div>
    </section>
  );
}

function Fulfilled({ redemption }: { redemption: RedemptionView }) {
  const faceValue = formatMoney(redemption.faceValueMinor, redemption.currency);
  if (redemption.kind === "custom") {
    return (
      <Outcome title="Done" tone="good">
        <p>An admin has marked {redemption.rewardName} as handed over. Enjoy it!</p>
      </Outcome>
    );
  }
  if (redemption.kind === "charity") {
    return (
      <Outcome title={`You donated ${faceValue} to ${redemption.brand}`} tone="good">
        <p>
          Thank you.{" "}
          {redemption.shareInFeed ? "Your colleagues can see it in the feed." : "It isn't shown in the feed."}
        </p>
      </Outcome>
    );
  }
  if (redemption.giftLink) {
    return (
      <Outcome title="Your gift card is ready" tone="good">
        <GiftLink href={redemption.giftLink} />
      </Outcome>
    );
  }
  if (redemption.deliveryMethod === "link") {
    return (
      <Outcome title="Your gift card is ready">
        <p>Its link isn't available here yet. An admin can send it to you again.</p>
      </Outcome>
    );
  }
  return (
    <Outcome
      title={`On its way to ${redemption.recipientEmail ?? "your email"}`}
      tone={redemption.deliveryStatus === "failed" ? "bad" : "good"}
    >
      {redemption.deliveryStatus ? <p>{DELIVERY[redemption.deliveryStatus]}</p> : null}
      <p className="text-sm text-stone-600">
        Look for an email from our gift card provider, and check your spam folder.
      </p>
    </Outcome>
  );
}

/** What became of a redemption, worded for where it stands and for the kind of reward it is. */
export function RedemptionOutcome({ redemption }: { redemption: RedemptionView }) {
  switch (redemption.status) {
    case "submitted":
    case "awaiting_approval":
    case "awaiting_fulfillment":
    case "needs_attention": {
      const held = HELD[redemption.status];
      return (
        <Outcome title={held.title}>
          <p>
            Your <Points points={redemption.points} value={redemption.pointValue} /> are held{" "}
            {typeof held.until === "string" ? held.until : held.until(redemption)}
          </p>
          {redemption.status === "submitted" ? <AutoRefresh /> : null}
        </Outcome>
      );
    }
    case "fulfilled":
      return <Fulfilled redemption={redemption} />;
    case "failed":
    case "declined":
    case "canceled":
      return (
        <Outcome title={ENDED[redemption.status]} tone="bad">
          <p>
            Your <Points points={redemption.points} value={redemption.pointValue} /> are back in your balance.
          </p>
          {redemption.outcomeReason ? (
            <blockquote className="border-l-4 border-stone-300 pl-3 text-sm whitespace-pre-line text-stone-700">
              {redemption.outcomeReason}
            </blockquote>
          ) : null}
          <p>
            <Link href="/rewards" className={linkClass}>
              Choose a reward
            </Link>
          </p>
        </Outcome>
      );
  }
}
