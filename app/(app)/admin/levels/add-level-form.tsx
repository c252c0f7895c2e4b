"use client";

import { FormMessage, SubmitButton } from "@/app/_components/form";
import { useKeptForm } from "../_components/use-kept-form";
import { addLevel } from "./actions";
import { LevelFields } from "./level-fields";

export function AddLevelForm() {
  const form = useKeptForm(addLevel);
  return (
    <form action={form.action} className="space-y-4">
      <LevelFields
        key={form.fieldsKey}
        idPrefix="new-level"
        defaults={{
          name: form.kept("name"),
          threshold: form.kept("threshold"),
          grantPoints: form.kept("grantPoints"),
        }}
        errors={{
          name: form.error("name"),
          threshold: form.error("threshold"),
          grantPoints: form.error("grantPoints"),
        }}
      />
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pending="Adding…">Add level</SubmitButton>
        <FormMessage {...form.message} />
      </div>
    </form>
  );
}
