"use client";

import { useEffect, useRef, useState } from "react";
import { describedBy, Field } from "@/app/_components/form";
import { inputClass, linkClass, secondaryButtonClass } from "@/app/_components/styles";

/**
 * A key that is written, never read back: once one is saved the form says so and offers to replace
 * it; the saved key itself never reaches the page. Leaving the field out keeps the saved key.
 */
export function SecretField({
  name,
  label,
  saved,
  typed,
  hint,
  error,
  required = false,
}: {
  name: string;
  label: string;
  /** Whether a key is saved. */
  saved: boolean;
  /** What was typed before a refused submit, to type again if no key is saved or this one was refused. */
  typed: string;
  hint: string;
  error?: string;
  /** Needed before anything works: the browser asks for it while none is saved. */
  required?: boolean;
}) {
  // Once a key is saved, what was typed is shown again only when that key itself was refused.
  const [replacing, setReplacing] = useState(!saved || error !== undefined);
  const input = useRef<HTMLInputElement>(null);
  const asked = useRef(false);
  useEffect(() => {
    // Only a click on Replace moves the focus, never the first render.
    if (replacing && asked.current) input.current?.focus();
  }, [replacing]);

  if (!replacing) {
    return (
      <div className="space-y-1">
        <p className="text-sm font-medium text-stone-800">{label}</p>
        <div className="flex flex-wrap items-center gap-3">
          <p className="text-sm text-stone-700" data-testid={`${name}-saved`}>
            <span aria-hidden="true" className="mr-1 text-emerald-700">
              ✓
            </span>
            A key is saved
          </p>
          <button
            type="button"
            className={secondaryButtonClass}
            aria-label={`Replace the ${label.toLowerCase()}`}
            onClick={() => {
              asked.current = true;
              setReplacing(true);
            }}
          >
            Replace
          </button>
        </div>
      </div>
    );
  }
  const id = `secret-${name}`;
  return (
    <div className="space-y-2">
      <Field
        id={id}
        label={label}
        hint={saved ? `${hint} Leave it empty to keep the saved key.` : hint}
        error={error}
      >
        <input
          ref={input}
          id={id}
          name={name}
          type="password"
          autoComplete="new-password"
          spellCheck={false}
          required={required && !saved}
          defaultValue={typed}
          className={`${inputClass} font-mono`}
          {...describedBy(id, error)}
        />
      </Field>
      {saved ? (
        <button
          type="button"
          className={`${linkClass} text-sm`}
          onClick={() => {
            asked.current = false;
            setReplacing(false);
          }}
        >
          Keep the saved key
        </button>
      ) : null}
    </div>
  );
}
