"use client";

import { describedBy, Field } from "@/app/_components/form";
import { inputClass } from "@/app/_components/styles";

/** A value's name and description, shared by the add and edit forms; `idPrefix` keeps ids unique per form. */
export function ValueFields({
  idPrefix,
  defaults,
  errors,
}: {
  idPrefix: string;
  defaults: { name: string; description: string };
  errors: { name?: string; description?: string };
}) {
  const nameId = `${idPrefix}-name`;
  const descriptionId = `${idPrefix}-description`;
  return (
    <div className="grid gap-4 sm:grid-cols-[minmax(0,16rem)_minmax(0,1fr)]">
      <Field
        id={nameId}
        label="Name"
        hint="Letters, digits, - and _; people type it as a hashtag."
        error={errors.name}
      >
        <div className="flex items-center rounded-lg">
          <span aria-hidden="true" className="pr-1 text-stone-500">
            #
          </span>
          <input
            id={nameId}
            name="name"
            type="text"
            maxLength={41}
            autoComplete="off"
            spellCheck={false}
            placeholder="ownership"
            defaultValue={defaults.name}
            className={inputClass}
            {...describedBy(nameId, errors.name)}
          />
        </div>
      </Field>
      <Field id={descriptionId} label="Description (optional)" error={errors.description}>
        <textarea
          id={descriptionId}
          name="description"
          rows={2}
          maxLength={500}
          defaultValue={defaults.description}
          className={inputClass}
          {...describedBy(descriptionId, errors.description)}
        />
      </Field>
    </div>
  );
}
