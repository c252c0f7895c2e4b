"use client";

import { useActionState, useId, useState } from "react";
import { SubmitButton } from "@/app/_components/form";
import { inputClass, secondaryButtonClass } from "@/app/_components/styles";
import { type FormState, IDLE } from "@/app/_lib/form-state";
import { addPointsToRecognition } from "./actions";

/**
 * "+ Add points" under a recognition: a small form that adds the viewer's points for each of its
 * recipients. A fresh key per open form makes a double submit count once.
 */
export function AddOnForm({
  recognitionId,
  min,
  max,
}: {
  recognitionId: string;
  /** The org's points per person for one give. */
  min: number;
  max: number;
}) {
  const [open, setOpen] = useState(false);
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [state, action] = useActionState(async (previous: FormState, form: FormData) => {
    const next = await addPointsToRecognition(previous, form);
    if (next.status === "ok") {
      setOpen(false);
      setKey(crypto.randomUUID());
    }
    return next;
  }, IDLE);
  const amountId = useId();
  const status =
    state.status === "idle" ? null : (
      <p
        role={state.status === "ok" ? "status" : "alert"}
        className={`text-xs ${state.status === "ok" ? "text-emerald-800" : "text-red-700"}`}
      >
        {state.message}
      </p>
    );
  if (!open) {
    return (
      <div className="space-y-1">
        <button
          type="button"
          onClick={() => setOpen(true)}
          className={`${secondaryButtonClass} px-2.5 py-1 text-xs`}
        >
          + Add points
        </button>
        {status}
      </div>
    );
  }
  return (
    <form
      action={action}
      noValidate
      className="flex flex-wrap items-end gap-2"
      aria-label="Add points to this recognition"
    >
      <input type="hidden" name="recognitionId" value={recognitionId} />
      <input type="hidden" name="idempotencyKey" value={key} />
      <div>
        <label htmlFor={amountId} className="block text-xs font-medium text-stone-700">
          Points each
        </label>
        <input
          id={amountId}
          name="amount"
          type="number"
          inputMode="numeric"
          min={min}
          max={max}
          step={1}
          defaultValue={Math.min(Math.max(5, min), max)}
          className={`${inputClass} w-24 py-1`}
        />
      </div>
      <SubmitButton pending="Adding…">Add</SubmitButton>
      <button type="button" onClick={() => setOpen(false)} className={`${secondaryButtonClass} py-1.5`}>
        Cancel
      </button>
      <div className="w-full">{status}</div>
    </form>
  );
}
