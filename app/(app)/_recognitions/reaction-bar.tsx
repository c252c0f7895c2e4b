"use client";

import { useState, useTransition } from "react";
import { REACTION_EMOJI, REACTIONS, type Reaction, type ReactionCount } from "@/core/feed/reactions";
import { reactToRecognitionAction } from "./actions";

const LABELS: Record<Reaction, string> = {
  clap: "applause",
  tada: "celebration",
  heart: "love",
  raised_hands: "raised hands",
  fire: "fire",
  joy: "laughter",
};

/**
 * The six reactions under a recognition, each a toggle with its count. A click shows at once; the
 * answer then sets the counts as the server has them (others may have reacted meanwhile).
 */
export function ReactionBar({
  recognitionId,
  initial,
}: {
  recognitionId: string;
  initial: readonly ReactionCount[];
}) {
  const [reactions, setReactions] = useState<readonly ReactionCount[]>(initial);
  const [problem, setProblem] = useState<string | null>(null);
  const [, startTransition] = useTransition();

  function toggle(reaction: Reaction) {
    const current = reactions.find((entry) => entry.reaction === reaction);
    const on = !current?.mine;
    const guess = REACTIONS.flatMap((name): ReactionCount[] => {
      const entry = reactions.find((candidate) => candidate.reaction === name);
      if (name !== reaction) return entry ? [entry] : [];
      const count = (entry?.count ?? 0) + (on ? 1 : -1);
      return count > 0 ? [{ reaction: name, count, mine: on }] : [];
    });
    setReactions(guess);
    startTransition(async () => {
      const answer = await reactToRecognitionAction(recognitionId, reaction, on).catch(() => null);
      if (answer?.status === "ok") {
        setReactions(answer.found);
        setProblem(null);
      } else {
        setReactions(reactions);
        setProblem(answer?.status === "error" ? answer.message : "That didn't go through. Try again.");
      }
    });
  }

  return (
    <div className="flex flex-wrap items-center gap-1">
      {REACTIONS.map((reaction) => {
        const entry = reactions.find((candidate) => candidate.reaction === reaction);
        const count = entry?.count ?? 0;
        return (
          <button
            key={reaction}
            type="button"
            aria-pressed={entry?.mine ?? false}
            aria-label={`${LABELS[reaction]}${count > 0 ? `, ${count}` : ""}`}
            onClick={() => toggle(reaction)}
            className={`inline-flex h-7 items-center gap-1 rounded-full px-2 text-sm ring-1 ring-inset outline-none focus-visible:outline-2 focus-visible:outline-amber-600 ${
              entry?.mine
                ? "bg-amber-50 text-amber-900 ring-amber-300"
                : "text-stone-700 ring-stone-200 hover:bg-stone-50"
            }`}
          >
            <span aria-hidden="true">{REACTION_EMOJI[reaction]}</span>
            {count > 0 ? (
              <span aria-hidden="true" className="text-xs font-medium tabular-nums">
                {count}
              </span>
            ) : null}
          </button>
        );
      })}
      {problem ? (
        <p role="alert" className="w-full text-xs text-red-700">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
