import type { ReactNode } from "react";
import { REACTION_EMOJI, REACTIONS } from "@/core/feed/reactions";
import type { InboxEvent } from "@/core/inbox/inbox-query";
import { formatPoints } from "@/core/shared/money";

const REDEMPTION_NEWS: Record<string, string> = {
  awaiting_fulfillment: "was approved and is being prepared",
  fulfilled: "is ready",
  failed: "didn't go through; your points are back",
  declined: "was declined; your points are back",
  canceled: "was canceled; your points are back",
};

/** The emoji of a comma-separated list of reactions, in the reaction bar's order. */
function reactionEmoji(names: string | null): string {
  const chosen = new Set(names?.split(",") ?? []);
  return REACTIONS.filter((reaction) => chosen.has(reaction))
    .map((reaction) => REACTION_EMOJI[reaction])
    .join("");
}

function othersText(others: number): string {
  if (others <= 0) return "";
  return others === 1 ? " and 1 other" : ` and ${others} others`;
}

/** What a notification says, as a sentence about the person reading it. */
export function eventText(event: InboxEvent): ReactNode {
  const who = <strong className="font-semibold text-stone-900">{event.actor?.name ?? "Your company"}</strong>;
  const points = event.points === null ? "" : formatPoints(event.points);
  switch (event.kind) {
    case "received":
      return (
        <>
          {who} thanked you: <strong className="font-semibold text-emerald-800">+{points}</strong>
        </>
      );
    case "add_on":
      return (
        <>
          {who} added <strong className="font-semibold text-emerald-800">+{points}</strong> to a recognition
          you received
        </>
      );
    case "comment":
      return (
        <>
          {who} commented: “{event.detail}”
        </>
      );
    case "reaction":
      return (
        <>
          {who}
          {othersText(event.others)} reacted {reactionEmoji(event.detail)} to a recognition
        </>
      );
    case "approval":
      return (
        <>
          {who} asked for <strong className="font-semibold text-stone-900">{event.detail}</strong>: it waits
          for an admin's approval
        </>
      );
    case "redemption":
      return (
        <>
          Your <strong className="font-semibold text-stone-900">{event.detail}</strong>{" "}
          {REDEMPTION_NEWS[event.status ?? ""] ?? "has news"}
        </>
      );
  }
}
