"use client";

import { useActionState } from "react";
import { IDLE } from "@/app/_lib/form-state";
import { HiddenFields } from "./hidden-fields";
import { PendingButton } from "./pending-button";
import type { ServerFormAction } from "./use-kept-form";

/** A one-button form for a harmless change (restoring something): no confirmation, the refusal beside it. */
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
  const [state, dispatch] = useActionState(action, IDLE);
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
