"use client";

import { describedBy, Field, FormMessage, SubmitButton } from "@/app/_components/form";
import { Panel } from "@/app/_components/panel";
import { checkboxClass, inputClass } from "@/app/_components/styles";
import { fieldError } from "@/app/_lib/form-state";
import type { BillingSettingsView } from "@/core/billing/get-billing-settings";
import { useKeptForm } from "../../admin/_components/use-kept-form";
import { saveBillingSettings } from "./actions";

const KINDS = [
  {
    value: "gift_card",
    label: "Gift cards",
    description: "Taxable wages in the US, like cash: on by default.",
  },
  { value: "charity", label: "Charity donations", description: "Given to a charity in the person's name." },
  { value: "custom", label: "Custom rewards", description: "Your own rewards, such as a day off or lunch." },
] as const;

export function BillingSettingsForm({ settings }: { settings: BillingSettingsView }) {
  const form = useKeptForm(saveBillingSettings);
  const closeError = form.error("closeAfterDays");
  const prefixError = form.error("numberPrefix");
  const kindsError = fieldError(form.state, "taxableKinds");
  const ticked = form.keptAll("taxableKinds", settings.taxableKinds);
  return (
    <form action={form.action} className="space-y-6">
      <div key={`${form.fieldsKey}:${JSON.stringify(settings)}`} className="space-y-6">
        <Panel
          title="Closing"
          description="Finance can close a month's bill once the month has ended. Bills still open after the grace period close by themselves."
        >
          <Field
            id="closeAfterDays"
            label="Close bills automatically after"
            hint="Days after the month's end, at midnight in your organization's time zone: 0 closes them as the month ends."
            error={closeError}
          >
            <div className="flex items-center gap-2">
              <input
                id="closeAfterDays"
                name="closeAfterDays"
                type="number"
                min={0}
                max={60}
                step={1}
                inputMode="numeric"
                defaultValue={form.kept("closeAfterDays", String(settings.closeAfterDays))}
                className={`${inputClass} max-w-28`}
                {...describedBy("closeAfterDays", closeError)}
              />
              <span className="text-sm text-stone-600">days</span>
            </div>
          </Field>
        </Panel>

        <Panel
          title="Numbering"
          description="Closed bills are numbered in one series without gaps, such as ACME-2026-00007."
        >
          {settings.prefixEditable ? (
            <Field
              id="numberPrefix"
              label="Number prefix"
              hint="Up to 12 letters, digits and dashes. It can change until the first bill closes."
              error={prefixError}
            >
              <input
                id="numberPrefix"
                name="numberPrefix"
                type="text"
                maxLength={12}
                autoCapitalize="characters"
                spellCheck={false}
                defaultValue={form.kept("numberPrefix", settings.numberPrefix)}
                className={`${inputClass} max-w-48 font-mono uppercase`}
                {...describedBy("numberPrefix", prefixError)}
              />
            </Field>
          ) : (
            <div className="space-y-1" data-testid="number-prefix-locked">
              <p className="text-sm font-medium text-stone-800">Number prefix</p>
              <p className="font-mono text-lg font-semibold">{settings.numberPrefix}</p>
              <p className="text-sm text-stone-600">
                A bill has been numbered with this prefix, so it is fixed: one series keeps one name, and
                every number already sent stays the number it was.
              </p>
            </div>
          )}
        </Panel>

        <Panel
          title="Payroll"
          description="The payroll file totals each person's rewards for the month, split into taxable and non-taxable amounts. A closed bill keeps the kinds it closed with."
        >
          <fieldset aria-describedby={kindsError ? "taxableKinds-error" : undefined} className="space-y-3">
            <legend className="text-sm font-medium text-stone-800">Count as taxable</legend>
            {KINDS.map((kind) => (
              <label key={kind.value} className="flex items-start gap-3 text-sm text-stone-800">
                <input
                  type="checkbox"
                  name="taxableKinds"
                  value={kind.value}
                  defaultChecked={ticked.includes(kind.value)}
                  className={`${checkboxClass} mt-0.5 shrink-0`}
                />
                <span>
                  <span className="block font-medium">{kind.label}</span>
                  <span className="block text-stone-500">{kind.description}</span>
                </span>
              </label>
            ))}
            {kindsError ? (
              <p id="taxableKinds-error" className="text-sm text-red-700">
                {kindsError}
              </p>
            ) : null}
          </fieldset>
        </Panel>
      </div>

      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pending="Saving…">Save billing settings</SubmitButton>
        <FormMessage {...form.message} />
      </div>
    </form>
  );
}
