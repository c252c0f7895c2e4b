"use client";

import { type RefObject, useActionState, useEffect, useId, useRef, useState } from "react";
import { describedBy, Field, FormMessage, SubmitButton } from "@/app/_components/form";
import { checkboxClass, inputClass, secondaryButtonClass } from "@/app/_components/styles";
import { fieldError, IDLE } from "@/app/_lib/form-state";
import type { ApiScope } from "@/core/shared/api-scopes";
import { createKey } from "./actions";
import type { CreatedKeyState } from "./created-key-state";

/** A scope as the form offers it. */
export interface ScopeChoice {
  scope: ApiScope;
  description: string;
}

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
      <p className="text-sm text-amber-900">
        It may: <span className="font-mono text-xs">{created.scopes.join(", ")}</span>.
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

/** One box per scope, each with what it lets the key do; a refusal is read out with the group. */
function ScopeBoxes({
  choices,
  chosen,
  onChosenChange,
  error,
  firstRef,
}: {
  choices: readonly ScopeChoice[];
  chosen: readonly ApiScope[];
  onChosenChange: (scopes: ApiScope[]) => void;
  error: string | undefined;
  firstRef: RefObject<HTMLInputElement | null>;
}) {
  const toggle = (scope: ApiScope, on: boolean) =>
    onChosenChange(on ? [...chosen, scope] : chosen.filter((other) => other !== scope));
  return (
    <fieldset className="space-y-2" aria-describedby={error ? "api-key-scopes-error" : "api-key-scopes-hint"}>
      <legend className="text-sm font-medium text-stone-800">What may the key do?</legend>
      {error ? (
        <p id="api-key-scopes-error" className="text-sm text-red-700">
          {error}
        </p>
      ) : (
        <p id="api-key-scopes-hint" className="text-sm text-stone-500">
          Choose only what the system using it needs. No key can give or take the admin or finance role.
        </p>
      )}
      <div className="grid gap-2 sm:grid-cols-2">
        {choices.map(({ scope, description }, index) => (
          <label key={scope} className="flex items-start gap-3 text-sm text-stone-800">
            <input
              type="checkbox"
              name="scopes"
              value={scope}
              ref={index === 0 ? firstRef : undefined}
              checked={chosen.includes(scope)}
              onChange={(event) => toggle(scope, event.target.checked)}
              aria-invalid={error ? true : undefined}
              className={`${checkboxClass} mt-0.5 shrink-0`}
            />
            <span>
              <code className="block font-mono text-xs font-semibold">{scope}</code>
              <span className="block text-stone-500">{description}</span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function CreateKeyForm({ scopeChoices }: { scopeChoices: readonly ScopeChoice[] }) {
  const [state, action] = useActionState(createKey, IDLE as CreatedKeyState);
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<ApiScope[]>([]);
  const [shown, setShown] = useState<CreatedKey | null>(null);
  const [handledState, setHandledState] = useState(state);
  const nameInput = useRef<HTMLInputElement>(null);
  const firstScope = useRef<HTMLInputElement>(null);

  if (state !== handledState) {
    setHandledState(state);
    if (state.status === "ok" && state.created) {
      setShown(state.created);
      setName("");
      setScopes([]);
    }
  }

  const error = fieldError(state, "name");
  const scopesError = fieldError(state, "scopes");
  // After a refusal, take the admin to what needs fixing; its message is tied to it.
  useEffect(() => {
    if (fieldError(state, "name")) nameInput.current?.focus();
    else if (fieldError(state, "scopes")) firstScope.current?.focus();
  }, [state]);

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
            ref={nameInput}
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
        <ScopeBoxes
          choices={scopeChoices}
          chosen={scopes}
          onChosenChange={setScopes}
          error={scopesError}
          firstRef={firstScope}
        />
        <div className="flex flex-wrap items-center gap-3">
          <SubmitButton pending="Creating…">Create key</SubmitButton>
          {state.status === "error" && !error && !scopesError ? <FormMessage state={state} /> : null}
        </div>
      </form>
    </div>
  );
}
