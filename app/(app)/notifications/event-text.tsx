import type { ReactNode } from "react";
import { REACTION_EMOJI, REACTIONS, type Reaction } from "@/core/feed/reactions";
import type { InboxEvent } from "@/core/inbox/inbox-query";
import { formatPoints } from "@/core/shared/money";

const REDEMPTION_NEWS: Record<string, string> = {
  awaiting_fulfillment: "was approved and is being prepared",
  fulfilled: "is ready",
  failed: "didn't go through; your points are back",
  declined: "was declined; your points are back",
  canceled: "was canceled; your points are back",
};

const isReaction = (name: string | null): name is Reaction => REACTIONS.includes(name as Reaction);

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
          {who} reacted {isReaction(event.detail) ? REACTION_EMOJI[event.detail] : ""} to a recognition
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
