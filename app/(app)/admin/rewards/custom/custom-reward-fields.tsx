"use client";

import { useState } from "react";
import { describedBy, Field } from "@/app/_components/form";
import { inputClass } from "@/app/_components/styles";
import { moneyInputText, parseMoneyInput } from "@/app/_lib/money-input";
import { formatMoney, formatPointsWithValue, type PointValue } from "@/core/shared/money";
import { CheckboxField } from "../../_components/checkbox-field";

export interface CustomRewardDefaults {
  name: string;
  description: string;
  pointsPrice: string;
  stock: string;
  requiresApproval: boolean;
  internalCost: string;
}

export const NO_DEFAULTS: CustomRewardDefaults = {
  name: "",
  description: "",
  pointsPrice: "",
  stock: "",
  requiresApproval: false,
  internalCost: "",
};

type Errors = Partial<Record<"name" | "description" | "pointsPrice" | "stock" | "internalCostMinor", string>>;

function priceMeaning(text: string, value: PointValue): string {
  if (!/^\s*\d+\s*$/.test(text) || Number(text) === 0) return "What it costs in points.";
  return `Costs ${formatPointsWithValue(Number(text), value)} each.`;
}

function costMeaning(text: string, currency: string): string {
  const cost = parseMoneyInput(text, currency);
  const what = "For your own reports: custom rewards are never on the monthly bill.";
  return text.trim() !== "" && cost.ok ? `${formatMoney(cost.minor, currency)} each. ${what}` : what;
}

/**
 * A custom reward's fields, shared by the add and edit forms; `idPrefix` keeps ids unique per form.
 * The price and the cost say what they come to as they are typed.
 */
export function CustomRewardFields({
  idPrefix,
  defaults,
  errors,
  pointValue,
}: {
  idPrefix: string;
  defaults: CustomRewardDefaults;
  errors: Errors;
  pointValue: PointValue;
}) {
  const [price, setPrice] = useState(defaults.pointsPrice);
  const [cost, setCost] = useState(defaults.internalCost);
  const id = (field: string) => `${idPrefix}-${field}`;
  const currency = pointValue.currency;
  return (
    <div className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-[minmax(0,1fr)_minmax(0,12rem)]">
        <Field id={id("name")} label="Name" error={errors.name}>
          <input
            id={id("name")}
            name="name"
            type="text"
            maxLength={120}
            required
            autoComplete="off"
            placeholder="A day off"
            defaultValue={defaults.name}
            className={inputClass}
            {...describedBy(id("name"), errors.name)}
          />
        </Field>
        <Field
          id={id("pointsPrice")}
          label="Price (points)"
          hint={priceMeaning(price, pointValue)}
          error={errors.pointsPrice}
        >
          <input
            id={id("pointsPrice")}
            name="pointsPrice"
            type="number"
            min={1}
            step={1}
            required
            inputMode="numeric"
            defaultValue={defaults.pointsPrice}
            onChange={(event) => setPrice(event.target.value)}
            className={inputClass}
            {...describedBy(id("pointsPrice"), errors.pointsPrice)}
          />
        </Field>
      </div>
      <Field id={id("description")} label="Description (optional)" error={errors.description}>
        <textarea
          id={id("description")}
          name="description"
          rows={2}
          maxLength={1000}
          placeholder="What people get and how it is handed over."
          defaultValue={defaults.description}
          className={inputClass}
          {...describedBy(id("description"), errors.description)}
        />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          id={id("stock")}
          label="Stock (optional)"
          hint="How many are left to hand out; empty for no limit."
          error={errors.stock}
        >
          <input
            id={id("stock")}
            name="stock"
            type="number"
            min={0}
            step={1}
            inputMode="numeric"
            placeholder="No limit"
            defaultValue={defaults.stock}
            className={inputClass}
            {...describedBy(id("stock"), errors.stock)}
          />
        </Field>
        <Field
          id={id("internalCost")}
          label={`Cost to the company, ${currency} (optional)`}
          hint={costMeaning(cost, currency)}
          error={errors.internalCostMinor}
        >
          <input
            id={id("internalCost")}
            name="internalCost"
            type="text"
            inputMode="decimal"
            autoComplete="off"
            placeholder={moneyInputText(0, currency)}
            defaultValue={defaults.internalCost}
            onChange={(event) => setCost(event.target.value)}
            className={inputClass}
            {...describedBy(id("internalCost"), errors.internalCostMinor)}
          />
        </Field>
      </div>
      <CheckboxField
        name="requiresApproval"
        label="Needs approval"
        description="An admin approves each request before it is handed over, whatever its price."
        defaultChecked={defaults.requiresApproval}
      />
    </div>
  );
}
