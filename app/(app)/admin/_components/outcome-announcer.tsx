"use client";

import { createContext, type ReactNode, useContext, useEffect, useRef, useState } from "react";
import { FormMessage } from "@/app/_components/form";
import { type FormState, IDLE } from "@/app/_lib/form-state";

const Announce = createContext<(state: FormState) => void>(() => {});

/** Hands a finished action's outcome to the nearest announcer, if the page has one. */
export function useAnnounce(): (state: FormState) => void {
  return useContext(Announce);
}

/**
 * Where the outcome of an action on a list item is said when the item itself leaves the list (an
 * approved redemption, a restored value): above the list, kept in view while scrolling. When the
 * item took the keyboard focus with it, the focus moves to the outcome instead of the page's top.
 */
export function OutcomeAnnouncer({ children }: { children: ReactNode }) {
  const [outcome, setOutcome] = useState<FormState>(IDLE);
  const region = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (outcome.status === "idle") return;
    const focused = document.activeElement;
    if (!focused || focused === document.body) region.current?.focus();
  }, [outcome]);
  return (
    <Announce value={setOutcome}>
      <div ref={region} tabIndex={-1} className="sticky top-2 z-10 mb-4 outline-none empty:hidden">
        {outcome.status === "idle" ? null : <FormMessage state={outcome} />}
      </div>
      {children}
    </Announce>
  );
}
