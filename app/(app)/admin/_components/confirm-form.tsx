"use client";

import { type ReactNode, useActionState, useId, useRef } from "react";
import { FormMessage } from "@/app/_components/form";
import { dangerButtonClass, secondaryButtonClass } from "@/app/_components/styles";
import { type FormState, IDLE } from "@/app/_lib/form-state";
import { HiddenFields } from "./hidden-fields";
import { useAnnounce } from "./outcome-announcer";
import { PendingButton } from "./pending-button";
import type { ServerFormAction } from "./use-kept-form";

/**
 * A button for a change that is hard to undo (retiring, revoking) or that needs a word (a reason, a
 * corrected email). It opens a modal dialog that says what will happen; only the dialog's own button
 * submits. The dialog closes once the change is made, telling the page's announcer, and stays open
 * with the reason when it is refused. The focus starts on Cancel, or on a field marked
 * `data-autofocus`; Escape closes it.
 */
export function ConfirmForm({
  action,
  fields,
  triggerLabel,
  triggerAccessibleLabel,
  title,
  confirmLabel,
  pendingLabel,
  triggerClassName = dangerButtonClass,
  confirmClassName = dangerButtonClass,
  dismissLabel = "Cancel",
  children,
}: {
  action: ServerFormAction;
  fields: Record<string, string>;
  triggerLabel: string;
  triggerAccessibleLabel?: string;
  title: string;
  confirmLabel: string;
  pendingLabel: string;
  triggerClassName?: string;
  confirmClassName?: string;
  /** The safe choice, named otherwise where the change itself is a cancellation. */
  dismissLabel?: string;
  /** What the dialog says, and any fields it asks for: given the last refusal, to show beside them. */
  children: ReactNode | ((state: FormState) => ReactNode);
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const announce = useAnnounce();
  const [state, dispatch] = useActionState(async (previous: FormState, form: FormData) => {
    const next = await action(previous, form);
    if (next.status === "ok") {
      dialog.current?.close();
      announce(next);
    }
    return next;
  }, IDLE);
  // A refusal naming a field the dialog asks for is shown beside that field, by `children`.
  const shownBeside =
    state.status === "error" &&
    typeof children === "function" &&
    Object.keys(state.fieldErrors).some((name) => !(name in fields));
  return (
    <>
      <button
        type="button"
        className={triggerClassName}
        aria-label={triggerAccessibleLabel}
        aria-haspopup="dialog"
        onClick={() => {
          dialog.current?.showModal();
          // The field to fill in, else the safe choice, has the focus when the dialog opens.
          const field = dialog.current?.querySelector<HTMLElement>("[data-autofocus]");
          (field ?? cancel.current)?.focus();
        }}
      >
        {triggerLabel}
      </button>
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        className="m-auto w-[min(30rem,calc(100%-2rem))] rounded-xl border border-stone-200 bg-white p-0 text-stone-900 shadow-xl backdrop:bg-stone-950/40"
      >
        <form action={dispatch} className="space-y-4 p-5">
          <h2 id={titleId} className="text-lg font-semibold">
            {title}
          </h2>
          <div className="space-y-2 text-sm text-stone-600">
            {typeof children === "function" ? children(state) : children}
          </div>
          <HiddenFields fields={fields} />
          {state.status === "error" && !shownBeside ? <FormMessage state={state} /> : null}
          <div className="flex flex-wrap justify-end gap-2">
            <button
              type="button"
              className={secondaryButtonClass}
              ref={cancel}
              onClick={() => dialog.current?.close()}
            >
              {dismissLabel}
            </button>
            <PendingButton className={confirmClassName} pending={pendingLabel}>
              {confirmLabel}
            </PendingButton>
          </div>
        </form>
      </dialog>
    </>
  );
}
