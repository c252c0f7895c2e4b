"use client";

import { FormMessage, SubmitButton } from "@/app/_components/form";
import { ConfirmForm } from "../_components/confirm-form";
import { EditableItem } from "../_components/editable-item";
import { HiddenFields } from "../_components/hidden-fields";
import { useKeptForm } from "../_components/use-kept-form";
import { editValue, retireValue } from "./actions";
import { ValueFields } from "./value-fields";

export interface ValueSummary {
  id: string;
  name: string;
  description: string | null;
  usage: string;
}

function ValueEditor({ value, id }: { value: ValueSummary; id: string }) {
  const form = useKeptForm(editValue);
  const description = value.description ?? "";
  return (
    <form id={id} action={form.action} className="mt-4 space-y-4 border-t border-stone-200 pt-4">
      <HiddenFields fields={{ valueId: value.id }} />
      <ValueFields
        key={`${form.fieldsKey}:${value.name}:${description}`}
        idPrefix={`value-${value.id}`}
        defaults={{ name: form.kept("name", value.name), description: form.kept("description", description) }}
        errors={{ name: form.error("name"), description: form.error("description") }}
      />
      <p className="text-sm text-stone-500">
        Recognitions refer to the value itself, so those already tagged show the new name.
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pending="Saving…">Save</SubmitButton>
        <FormMessage {...form.message} />
      </div>
    </form>
  );
}

/** An active value with its usage, an editor that opens in place, and retiring behind a confirmation. */
export function ActiveValue({ value }: { value: ValueSummary }) {
  return (
    <li className="py-4 first:pt-0 last:pb-0">
      <EditableItem
        name={`#${value.name}`}
        summary={
          <>
            <p className="font-semibold break-words">#{value.name}</p>
            {value.description ? <p className="text-sm text-stone-600">{value.description}</p> : null}
            <p className="text-sm text-stone-500">{value.usage}</p>
          </>
        }
        retire={
          <ConfirmForm
            action={retireValue}
            fields={{ valueId: value.id }}
            triggerLabel="Retire"
            triggerAccessibleLabel={`Retire #${value.name}`}
            title={`Retire #${value.name}?`}
            confirmLabel="Retire value"
            pendingLabel="Retiring…"
          >
            <p>
              People won't be able to tag new recognitions with #{value.name}. Recognitions that already carry
              it keep it, and you can restore it later.
            </p>
          </ConfirmForm>
        }
        editor={(id) => <ValueEditor value={value} id={id} />}
      />
    </li>
  );
}
