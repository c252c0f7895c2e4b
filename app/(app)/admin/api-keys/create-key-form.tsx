"use client";

import { useActionState, useEffect, useId, useRef, useState } from "react";
import { describedBy, Field, FormMessage, SubmitButton } from "@/app/_components/form";
import { inputClass, secondaryButtonClass } from "@/app/_components/styles";
import { IDLE } from "@/app/_lib/form-state";
import { createKey } from "./actions";
import type { CreatedKeyState } from "./created-key-state";

type CreatedKey = NonNullable<CreatedKeyState["created"]>;

/** The new key, once: copy it now or never. Dismissing it drops it from the page for good. */
function NewKey({ created, onDone }: { created: CreatedKey; onDone: () => void }) {
  const titleId = useId();
  const keyInput = useRef<HTMLInputElement>(null);
  const [copy, setCopy] = useState<"idle" | "copied" | "failed">("idle");

  // Take the admin straight to the key: it is what they came for, and it won't come back.
  useEffect(() => {
    keyInput.current?.focus();
    keyInput.current?.select();
  }, []);

  async function copyKey() {
    try {
      await navigator.clipboard.writeText(created.key);
      setCopy("copied");
    } catch {
      setCopy("failed");
    }
  }

  return (
    <section
      aria-labelledby={titleId}
      className="space-y-3 rounded-xl border border-amber-300 bg-amber-50 p-4"
      data-testid="new-api-key"
    >
      <h3 id={titleId} className="font-semibold text-amber-950">
        Copy the key for “{created.name}” now
      </h3>
      <p className="text-sm text-amber-900">
        It will not be shown again: Plaudit keeps only a fingerprint of it. If it is lost, revoke it and
        create another.
      </p>
      <div className="flex flex-col gap-2 sm:flex-row">
        <label htmlFor={`${titleId}-key`} className="sr-only">
          New API key
        </label>
        <input
          id={`${titleId}-key`}
          ref={keyInput}
          readOnly
          value={created.key}
          autoComplete="off"
          spellCheck={false}
          onFocus={(event) => event.currentTarget.select()}
          className={`${inputClass} font-mono`}
        />
        <button type="button" className={`${secondaryButtonClass} shrink-0`} onClick={copyKey}>
          {copy === "copied" ? "Copied" : "Copy key"}
        </button>
      </div>
      <p aria-live="polite" className="text-sm text-amber-900">
        {copy === "copied" ? "The key is on your clipboard." : null}
        {copy === "failed" ? "Copying didn't work here; select the key and copy it by hand." : null}
      </p>
      <button type="button" className={secondaryButtonClass} onClick={onDone}>
        I have saved the key
      </button>
    </section>
  );
}

export function CreateKeyForm() {
  const [state, action] = useActionState(createKey, IDLE as CreatedKeyState);
  const [name, setName] = useState("");
  const [shown, setShown] = useState<CreatedKey | null>(null);
  const [handledState, setHandledState] = useState(state);

  if (state !== handledState) {
    setHandledState(state);
    if (state.status === "ok" && state.created) {
      setShown(state.created);
      setName("");
    }
  }

  const error = state.status === "error" ? state.fieldErrors.name : undefined;
  return (
    <div className="space-y-4">
      {shown ? <NewKey key={shown.id} created={shown} onDone={() => setShown(null)} /> : null}
      <form action={action} className="space-y-3">
        <Field
          id="api-key-name"
          label="Name"
          hint="Say what will use it, such as “Workday sync”, so you know which key to revoke later."
          error={error}
        >
          <input
            id="api-key-name"
            name="name"
            type="text"
            maxLength={120}
            autoComplete="off"
            value={name}
            onChange={(event) => setName(event.target.value)}
            className={inputClass}
            {...describedBy("api-key-name", error)}
          />
        </Field>
        <div className="flex flex-wrap items-center gap-3">
          <SubmitButton pending="Creating…">Create key</SubmitButton>
          {state.status === "error" && !error ? <FormMessage state={state} /> : null}
        </div>
      </form>
    </div>
  );
}
