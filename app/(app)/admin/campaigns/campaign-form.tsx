"use client";

import { describedBy, Field, FormMessage, SubmitButton } from "@/app/_components/form";
import { inputClass } from "@/app/_components/styles";
import { useKeptForm } from "../_components/use-kept-form";
import { startCampaign } from "./actions";

const MULTIPLIERS = [2, 3, 4, 5];

/** Start a campaign today or schedule one; the dates are the org's, both days included. */
export function CampaignForm({ today, values }: { today: string; values: string[] }) {
  const form = useKeptForm(startCampaign);
  const field = (name: string) => ({ id: `campaign-${name}`, error: form.error(name) });
  const name = field("name");
  const startsOn = field("startsOn");
  const endsOn = field("endsOn");
  const multiplier = field("multiplier");
  const valueName = field("valueName");
  const budget = field("budget");
  return (
    <form action={form.action} className="space-y-4" aria-label="New campaign">
      <div key={form.fieldsKey} className="grid gap-4 sm:grid-cols-2">
        <Field id={name.id} label="Name" hint="People see it on every boosted give." error={name.error}>
          <input
            id={name.id}
            name="name"
            type="text"
            maxLength={80}
            required
            placeholder="Customer Week"
            defaultValue={form.kept("name")}
            className={inputClass}
            {...describedBy(name.id, name.error)}
          />
        </Field>
        <Field id={multiplier.id} label="Multiplier" error={multiplier.error}>
          <select
            id={multiplier.id}
            name="multiplier"
            defaultValue={form.kept("multiplier", "2")}
            className={inputClass}
            {...describedBy(multiplier.id, multiplier.error)}
          >
            {MULTIPLIERS.map((times) => (
              <option key={times} value={times}>
                ×{times}: recipients get {times} times the points
              </option>
            ))}
          </select>
        </Field>
        <Field id={startsOn.id} label="First day" error={startsOn.error}>
          <input
            id={startsOn.id}
            name="startsOn"
            type="date"
            min={today}
            required
            defaultValue={form.kept("startsOn", today)}
            className={inputClass}
            {...describedBy(startsOn.id, startsOn.error)}
          />
        </Field>
        <Field
          id={endsOn.id}
          label="Last day (optional)"
          hint="Empty: runs until you end it."
          error={endsOn.error}
        >
          <input
            id={endsOn.id}
            name="endsOn"
            type="date"
            min={today}
            defaultValue={form.kept("endsOn")}
            className={inputClass}
            {...describedBy(endsOn.id, endsOn.error)}
          />
        </Field>
        <Field
          id={valueName.id}
          label="For one value (optional)"
          hint="Only gives tagged with it earn the bonus."
          error={valueName.error}
        >
          <select
            id={valueName.id}
            name="valueName"
            defaultValue={form.kept("valueName")}
            className={inputClass}
            {...describedBy(valueName.id, valueName.error)}
          >
            <option value="">Every give</option>
            {values.map((value) => (
              <option key={value} value={value}>
                #{value}
              </option>
            ))}
          </select>
        </Field>
        <Field
          id={budget.id}
          label="Bonus budget in points (optional)"
          hint="When it's spent, gives go on at ×1. Empty: no limit."
          error={budget.error}
        >
          <input
            id={budget.id}
            name="budget"
            type="number"
            inputMode="numeric"
            min={1}
            step={1}
            defaultValue={form.kept("budget")}
            className={inputClass}
            {...describedBy(budget.id, budget.error)}
          />
        </Field>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pending="Starting…">Start campaign</SubmitButton>
        <FormMessage {...form.message} />
      </div>
    </form>
  );
}
