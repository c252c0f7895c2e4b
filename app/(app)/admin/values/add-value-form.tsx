"use client";

import { FormMessage, SubmitButton } from "@/app/_components/form";
import { useKeptForm } from "../_components/use-kept-form";
import { addValue } from "./actions";
import { ValueFields } from "./value-fields";

export function AddValueForm() {
  const form = useKeptForm(addValue);
  return (
    <form action={form.action} className="space-y-4">
      <ValueFields
        key={form.fieldsKey}
        idPrefix="new-value"
        defaults={{ name: form.kept("name"), description: form.kept("description") }}
        errors={{ name: form.error("name"), description: form.error("description") }}
      />
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pending="Adding…">Add value</SubmitButton>
        <FormMessage {...form.message} />
      </div>
    </form>
  );
}
