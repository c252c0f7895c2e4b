"use client";

import type { RefObject } from "react";
import type { ActiveCompanyValue } from "@/core/values/list-company-values";

/** The company values a give can carry, as toggles; the first takes the focus when the values are refused. */
export function ValuePicker({
  values,
  required,
  chosen,
  onChosenChange,
  error,
  firstRef,
}: {
  values: ActiveCompanyValue[];
  required: boolean;
  chosen: string[];
  onChosenChange: (names: string[]) => void;
  error: string | undefined;
  firstRef: RefObject<HTMLInputElement | null>;
}) {
  const toggle = (name: string, on: boolean) =>
    onChosenChange(on ? [...chosen, name] : chosen.filter((other) => other !== name));
  return (
    <fieldset className="min-w-0 space-y-1" aria-describedby={error ? "give-values-error" : undefined}>
      <legend className="text-sm font-medium text-stone-800">
        Company values{" "}
        <span className="font-normal text-stone-500">{required ? "(required)" : "(optional)"}</span>
      </legend>
      {values.length === 0 ? (
        <p className="pt-1 text-sm text-stone-500">Your organization hasn't added any values yet.</p>
      ) : (
        <div className="flex flex-wrap gap-2 pt-1">
          {values.map((value, index) => (
            <label key={value.id} title={value.description ?? undefined} className="relative cursor-pointer">
              <input
                type="checkbox"
                name="values"
                value={value.name}
                ref={index === 0 ? firstRef : undefined}
                checked={chosen.includes(value.name)}
                onChange={(event) => toggle(value.name, event.target.checked)}
                className="peer sr-only"
              />
              <span className="inline-block rounded-full px-3 py-1.5 text-sm font-medium text-stone-700 ring-1 ring-stone-300 ring-inset peer-checked:bg-amber-700 peer-checked:text-white peer-checked:ring-amber-700 peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-amber-600 hover:bg-stone-100 peer-checked:hover:bg-amber-800">
                #{value.name}
              </span>
            </label>
          ))}
        </div>
      )}
      {error ? (
        <p id="give-values-error" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
