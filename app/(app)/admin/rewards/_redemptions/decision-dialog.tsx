"use client";

import { type ReactNode, useState } from "react";
import { describedBy, Field } from "@/app/_components/form";
import { buttonClass, dangerButtonClass, inputClass, secondaryButtonClass } from "@/app/_components/styles";
import { ConfirmForm } from "../../_components/confirm-form";
import type { ServerFormAction } from "../../_components/use-kept-form";
import type { DialogField } from "./dialog-fields";

const TONES = {
  primary: buttonClass,
  secondary: secondaryButtonClass,
  danger: dangerButtonClass,
} as const;

/** Controlled, so what was typed outlives the form's reset when the decision is refused. */
function DialogInput({ field, id, error }: { field: DialogField; id: string; error?: string }) {
  const [value, setValue] = useState(field.defaultValue ?? "");
  const control = {
    id,
    name: field.name,
    required: field.required,
    value,
    className: inputClass,
    "data-autofocus": true,
    ...describedBy(id, error),
  };
  return (
    <div className="pt-2 text-stone-900">
      <Field id={id} label={field.label} hint={field.hint} error={error}>
        {field.kind === "email" ? (
          <input
            type="email"
            autoComplete="off"
            spellCheck={false}
            onChange={(event) => setValue(event.target.value)}
            {...control}
          />
        ) : (
          <textarea
            rows={3}
            maxLength={500}
            onChange={(event) => setValue(event.target.value)}
            {...control}
          />
        )}
      </Field>
    </div>
  );
}

/**
 * A decision on one redemption that asks for a word first (a reason, a note, a corrected email): a
 * modal dialog that starts on its field, closes with Escape, and keeps the refusal beside the field.
 */
export function DecisionDialog({
  action,
  redemptionId,
  label,
  accessibleLabel,
  title,
  confirmLabel,
  pendingLabel,
  trigger = "secondary",
  confirm = "primary",
  dismissLabel,
  field,
  children,
}: {
  action: ServerFormAction;
  redemptionId: string;
  label: string;
  accessibleLabel: string;
  title: string;
  confirmLabel: string;
  pendingLabel: string;
  trigger?: keyof typeof TONES;
  confirm?: keyof typeof TONES;
  dismissLabel?: string;
  field?: DialogField;
  children: ReactNode;
}) {
  return (
    <ConfirmForm
      action={action}
      fields={{ redemptionId }}
      triggerLabel={label}
      triggerAccessibleLabel={accessibleLabel}
      title={title}
      confirmLabel={confirmLabel}
      pendingLabel={pendingLabel}
      triggerClassName={TONES[trigger]}
      confirmClassName={TONES[confirm]}
      dismissLabel={dismissLabel}
    >
      {(state) => (
        <>
          {children}
          {field ? (
            <DialogInput
              field={field}
              id={`${field.name}-${redemptionId}`}
              error={state.status === "error" ? state.fieldErrors[field.name] : undefined}
            />
          ) : null}
        </>
      )}
    </ConfirmForm>
  );
}
