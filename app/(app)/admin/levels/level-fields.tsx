"use client";

import { describedBy, Field } from "@/app/_components/form";
import { inputClass } from "@/app/_components/styles";

export interface LevelFieldValues {
  name: string;
  threshold: string;
  grantPoints: string;
}

/** A level's name, threshold and grant, shared by the add and edit forms; `idPrefix` keeps ids unique. */
export function LevelFields({
  idPrefix,
  defaults,
  errors,
}: {
  idPrefix: string;
  defaults: LevelFieldValues;
  errors: Partial<Record<keyof LevelFieldValues, string>>;
}) {
  const ids = {
    name: `${idPrefix}-name`,
    threshold: `${idPrefix}-threshold`,
    grantPoints: `${idPrefix}-grant`,
  };
  return (
    <div className="grid gap-4 sm:grid-cols-3">
      <Field id={ids.name} label="Name" error={errors.name}>
        <input
          id={ids.name}
          name="name"
          type="text"
          maxLength={40}
          autoComplete="off"
          placeholder="Silver"
          defaultValue={defaults.name}
          className={inputClass}
          {...describedBy(ids.name, errors.name)}
        />
      </Field>
      <Field id={ids.threshold} label="Points received" hint="To reach the level." error={errors.threshold}>
        <input
          id={ids.threshold}
          name="threshold"
          type="number"
          inputMode="numeric"
          min={1}
          step={1}
          placeholder="1500"
          defaultValue={defaults.threshold}
          className={inputClass}
          {...describedBy(ids.threshold, errors.threshold)}
        />
      </Field>
      <Field
        id={ids.grantPoints}
        label="Grant (optional)"
        hint="Points given once on reaching it."
        error={errors.grantPoints}
      >
        <input
          id={ids.grantPoints}
          name="grantPoints"
          type="number"
          inputMode="numeric"
          min={1}
          step={1}
          placeholder="None"
          defaultValue={defaults.grantPoints}
          className={inputClass}
          {...describedBy(ids.grantPoints, errors.grantPoints)}
        />
      </Field>
    </div>
  );
}
