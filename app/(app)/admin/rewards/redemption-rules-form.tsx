"use client";

import { useState } from "react";
import { describedBy, Field, FormMessage, SubmitButton } from "@/app/_components/form";
import { Panel } from "@/app/_components/panel";
import { inputClass } from "@/app/_components/styles";
import { wholePoints } from "@/app/_lib/form-state";
import { formatPointsWithValue, type PointValue } from "@/core/shared/money";
import { CheckboxField } from "../_components/checkbox-field";
import { useKeptForm } from "../_components/use-kept-form";
import { saveRedemptionRules } from "./actions";

/** "Redemptions over 500 pts · $50.00 need approval", as the threshold is typed. */
function thresholdMeaning(text: string, value: PointValue): string {
  if (text.trim() === "") return "Nothing waits for approval, except custom rewards that ask for it.";
  if (!/^\s*\d+\s*$/.test(text)) return "Enter a whole number of points, or leave it empty.";
  return `Redemptions over ${formatPointsWithValue(wholePoints(text), value)} wait for an admin to approve them.`;
}

/** Redemptions on or off, and the size of redemption that needs an admin's approval. */
export function RedemptionRulesForm({
  enabled,
  approvalThreshold,
  pointValue,
}: {
  enabled: boolean;
  approvalThreshold: number | null;
  pointValue: PointValue;
}) {
  const form = useKeptForm(saveRedemptionRules);
  const saved = approvalThreshold === null ? "" : String(approvalThreshold);
  const [threshold, setThreshold] = useState(form.kept("approvalThreshold", saved));
  const refused = form.state.status === "error";
  return (
    <Panel title="Redemptions">
      <form action={form.action} className="space-y-5">
        <div key={`${form.fieldsKey}:${enabled}:${saved}`} className="space-y-5">
          <CheckboxField
            name="redemptionsEnabled"
            label="People can redeem their earned points"
            description="Off keeps the catalog closed; points stay safe on everyone's balance."
            // An unticked box sends nothing: after a refused submit, absent means unticked.
            defaultChecked={refused ? form.kept("redemptionsEnabled") === "on" : enabled}
          />
          <Field
            id="approvalThreshold"
            label="Approval needed over (points)"
            hint={thresholdMeaning(threshold, pointValue)}
            error={form.error("approvalThreshold")}
          >
            <input
              id="approvalThreshold"
              name="approvalThreshold"
              type="number"
              min={0}
              step={1}
              inputMode="numeric"
              placeholder="No threshold"
              defaultValue={form.kept("approvalThreshold", saved)}
              onChange={(event) => setThreshold(event.target.value)}
              className={`${inputClass} sm:max-w-48`}
              {...describedBy("approvalThreshold", form.error("approvalThreshold"))}
            />
          </Field>
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <SubmitButton pending="Saving…">Save</SubmitButton>
          <FormMessage {...form.message} />
        </div>
      </form>
    </Panel>
  );
}
