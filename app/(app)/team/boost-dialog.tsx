"use client";

import { type RefObject, useActionState, useEffect, useRef, useState } from "react";
import { describedBy, Field, FormMessage, SubmitButton } from "@/app/_components/form";
import { Points } from "@/app/_components/points";
import { inputClass, secondaryButtonClass } from "@/app/_components/styles";
import { type FormState, IDLE } from "@/app/_lib/form-state";
import { CONFIRM_OVER_CEILING } from "@/core/allowances/over-ceiling-field";
import type { PointValue } from "@/core/shared/money";
import { boostReportAllowance } from "./actions";
import { OverCeilingConfirmation } from "./over-ceiling-confirmation";

export interface BoostTarget {
  id: string;
  name: string;
  remaining: number;
}

const TITLE_ID = "boost-dialog-title";

/**
 * A one-time boost to one report's allowance for this month, in a modal dialog: the browser keeps focus
 * inside it, closes it on Escape and returns focus to the button that opened it.
 */
export function BoostDialog({
  target,
  onClose,
  pointValue,
  idempotencyKey,
}: {
  /** Who is being boosted; null while the dialog is closed. */
  target: BoostTarget | null;
  onClose: () => void;
  pointValue: PointValue;
  /** New on every render of the page, so a retried submit counts once and the next boost is a new one. */
  idempotencyKey: string;
}) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const amountRef = useRef<HTMLInputElement>(null);
  const targetId = target?.id;

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (targetId && !dialog.open) {
      dialog.showModal();
      amountRef.current?.focus();
    }
    // The report left the list while the dialog was open (say, someone moved them to another manager).
    if (!targetId && dialog.open) dialog.close();
  }, [targetId]);

  return (
    <dialog
      ref={dialogRef}
      aria-labelledby={TITLE_ID}
      onClose={onClose}
      className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-xl border border-stone-200 bg-white p-6 text-stone-900 shadow-xl backdrop:bg-stone-950/40"
    >
      {target ? (
        <BoostForm
          key={target.id}
          target={target}
          pointValue={pointValue}
          idempotencyKey={idempotencyKey}
          amountRef={amountRef}
          onCancel={() => dialogRef.current?.close()}
        />
      ) : null}
    </dialog>
  );
}

function BoostForm({
  target,
  pointValue,
  idempotencyKey,
  amountRef,
  onCancel,
}: {
  target: BoostTarget;
  pointValue: PointValue;
  idempotencyKey: string;
  amountRef: RefObject<HTMLInputElement | null>;
  onCancel: () => void;
}) {
  // Controlled fields keep a refused submit's text; a successful boost clears them for the next one.
  const [amount, setAmount] = useState("");
  const [reason, setReason] = useState("");
  const [state, action] = useActionState(async (previous: FormState, form: FormData) => {
    const next = await boostReportAllowance(previous, form);
    if (next.status === "ok") {
      setAmount("");
      setReason("");
    }
    return next;
  }, IDLE);
  const fieldErrors = state.status === "error" ? state.fieldErrors : {};

  return (
    <form action={action} noValidate className="space-y-4">
      <div>
        <h2 id={TITLE_ID} className="text-lg font-semibold">
          Boost {target.name}'s allowance
        </h2>
        <p className="mt-1 text-sm text-stone-600">
          Extra points to give this month only. They have{" "}
          <Points points={target.remaining} value={pointValue} /> left to give.
        </p>
      </div>
      <input type="hidden" name="personId" value={target.id} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <Field id="boost-amount" label="Boost (points)" error={fieldErrors.amount}>
        <input
          ref={amountRef}
          id="boost-amount"
          name="amount"
          type="number"
          inputMode="numeric"
          min={1}
          step={1}
          autoComplete="off"
          value={amount}
          onChange={(event) => setAmount(event.target.value)}
          className={inputClass}
          {...describedBy("boost-amount", fieldErrors.amount)}
        />
      </Field>
      <Field
        id="boost-reason"
        label="Reason (optional)"
        hint="Kept in the audit log."
        error={fieldErrors.reason}
      >
        <input
          id="boost-reason"
          name="reason"
          type="text"
          maxLength={500}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          className={inputClass}
          {...describedBy("boost-reason", fieldErrors.reason)}
        />
      </Field>
      <OverCeilingConfirmation state={state} />
      <FormMessage state={state} placed={["amount", "reason", CONFIRM_OVER_CEILING]} />
      <div className="flex flex-wrap justify-end gap-2">
        <button type="button" onClick={onCancel} className={secondaryButtonClass}>
          Close
        </button>
        <SubmitButton pending="Adding…">Add boost</SubmitButton>
      </div>
    </form>
  );
}
