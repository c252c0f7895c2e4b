import type { RedemptionStatus, RedemptionView } from "@/core/rewards/redemption-view";

type Tone = "waiting" | "working" | "done" | "stopped";

const TONES: Record<Tone, string> = {
  waiting: "bg-amber-50 text-amber-900 ring-amber-200",
  working: "bg-sky-50 text-sky-900 ring-sky-200",
  done: "bg-emerald-50 text-emerald-900 ring-emerald-200",
  stopped: "bg-red-50 text-red-800 ring-red-200",
};

const UNFULFILLED: Record<Exclude<RedemptionStatus, "fulfilled">, { label: string; tone: Tone }> = {
  awaiting_approval: { label: "Awaiting approval", tone: "waiting" },
  awaiting_fulfillment: { label: "Being prepared", tone: "waiting" },
  submitted: { label: "Placing order", tone: "working" },
  needs_attention: { label: "Being checked", tone: "working" },
  failed: { label: "Didn't go through", tone: "stopped" },
  declined: { label: "Declined", tone: "stopped" },
  canceled: { label: "Canceled", tone: "stopped" },
};

/** A redemption's state in a word or two, worded for the kind of reward; the colour only repeats it. */
function statusOf(redemption: RedemptionView): { label: string; tone: Tone } {
  if (redemption.status !== "fulfilled") return UNFULFILLED[redemption.status];
  if (redemption.deliveryStatus === "failed") return { label: "Delivery failed", tone: "stopped" };
  if (redemption.kind === "charity") return { label: "Donated", tone: "done" };
  if (redemption.kind === "custom") return { label: "Done", tone: "done" };
  if (redemption.deliveryMethod === "link") return { label: "Ready", tone: "done" };
  return redemption.deliveryStatus === "succeeded"
    ? { label: "Delivered", tone: "done" }
    : { label: "Sending", tone: "working" };
}

export function StatusBadge({ redemption }: { redemption: RedemptionView }) {
  const { label, tone } = statusOf(redemption);
  return (
    <span
      className={`inline-flex shrink-0 items-center rounded-full px-2.5 py-0.5 text-xs font-semibold whitespace-nowrap ring-1 ring-inset ${TONES[tone]}`}
    >
      {label}
    </span>
  );
}
