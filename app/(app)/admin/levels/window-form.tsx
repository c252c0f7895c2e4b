"use client";

import { FormMessage, SubmitButton } from "@/app/_components/form";
import type { LevelWindow } from "@/core/levels/level-window";
import { useKeptForm } from "../_components/use-kept-form";
import { ChoiceGroup } from "../settings/choice-group";
import { saveLevelWindow } from "./actions";

const WINDOWS = [
  {
    value: "rolling_12_months",
    label: "Last 12 months",
    description: "Levels follow recent recognition: someone can drop back as old points leave the window.",
  },
  {
    value: "all_time",
    label: "All time",
    description: "Every point ever received counts: a level once reached is kept.",
  },
] as const;

export function WindowForm({ window }: { window: LevelWindow }) {
  const form = useKeptForm(saveLevelWindow);
  return (
    <form action={form.action} className="space-y-4">
      <ChoiceGroup
        key={form.fieldsKey}
        name="window"
        legend="Points that count towards a level"
        choices={WINDOWS}
        defaultValue={form.kept("window", window)}
        error={form.error("window")}
      />
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pending="Saving…">Save</SubmitButton>
        <FormMessage {...form.message} />
      </div>
    </form>
  );
}
