"use client";

import type { ReactNode } from "react";
import { useFormStatus } from "react-dom";
import type { FormState } from "@/app/_lib/form-state";
import { buttonClass } from "./styles";

/** A labelled control with its hint and, after a refused submit, the reason beside it. */
export function Field({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  children: ReactNode;
}) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-stone-800">
        {label}
      </label>
      {children}
      {error ? (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {error}
        </p>
      ) : hint ? (
        <p id={`${id}-hint`} className="text-sm text-stone-500">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** Props that tie a control to its error after a refused submit, and to its hint otherwise, for screen readers. */
export function describedBy(id: string, error?: string) {
  return error
    ? { "aria-invalid": true, "aria-describedby": `${id}-error` }
    : { "aria-describedby": `${id}-hint` };
}

export function SubmitButton({ children, pending }: { children: ReactNode; pending: ReactNode }) {
  const status = useFormStatus();
  return (
    <button type="submit" className={buttonClass} disabled={status.pending} aria-busy={status.pending}>
      {status.pending ? pending : children}
    </button>
  );
}

/**
 * The form-wide outcome: a success note, or the refusal when no single field is to blame. `placed` names
 * the fields that show their own refusal beside them, so that a refusal is never said twice (a form of
 * `useKeptForm` knows them: `<FormMessage {...form.message} />`).
 */
export function FormMessage({ state, placed = [] }: { state: FormState; placed?: Iterable<string> }) {
  if (state.status === "idle") return null;
  if (state.status === "error" && [...placed].some((name) => state.fieldErrors[name])) return null;
  const ok = state.status === "ok";
  return (
    <p
      role={ok ? "status" : "alert"}
      className={`rounded-lg px-3 py-2 text-sm ${ok ? "bg-emerald-50 text-emerald-800" : "bg-red-50 text-red-800"}`}
    >
      {state.message}
    </p>
  );
}
