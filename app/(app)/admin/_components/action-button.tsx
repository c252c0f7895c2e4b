"use client";

import { useActionState } from "react";
import { type FormState, IDLE } from "@/app/_lib/form-state";
import { HiddenFields } from "./hidden-fields";
import { useAnnounce } from "./outcome-announcer";
import { PendingButton } from "./pending-button";
import type { ServerFormAction } from "./use-kept-form";

/**
 * A one-button form for a change that needs no confirmation (restoring something, approving): the
 * refusal beside it, the outcome to the page's announcer.
 */
export function ActionButton({
  action,
  fields,
  label,
  pendingLabel,
  accessibleLabel,
  className,
}: {
  action: ServerFormAction;
  fields: Record<string, string>;
  label: string;
  pendingLabel: string;
  accessibleLabel?: string;
  className: string;
}) {
  const announce = useAnnounce();
  const [state, dispatch] = useActionState(async (previous: FormState, form: FormData) => {
    const next = await action(previous, form);
    if (next.status === "ok") announce(next);
    return next;
  }, IDLE);
  return (
    <form action={dispatch} className="flex flex-col items-start gap-1 sm:items-end">
      <HiddenFields fields={fields} />
      <PendingButton className={className} pending={pendingLabel} aria-label={accessibleLabel}>
        {label}
      </PendingButton>
      {state.status === "error" ? (
        <p role="alert" className="text-sm text-red-700">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
