"use client";

import { useState } from "react";
import { describedBy, Field } from "@/app/_components/form";
import { inputClass } from "@/app/_components/styles";
import { parseMoneyInput } from "@/app/_lib/money-input";
import { formatPointsWithValue, type PointValue } from "@/core/shared/money";

const CURRENCY_CODE = /^[A-Z]{3}$/;

/** The point value the fields describe, or null while what is typed is not one yet. */
function typedPointValue(points: string, money: string, currencyText: string): PointValue | null {
  const currency = currencyText.trim().toUpperCase();
  const pointCount = Number(points);
  if (!CURRENCY_CODE.test(currency) || !Number.isSafeInteger(pointCount) || pointCount <= 0) return null;
  const minor = parseMoneyInput(money, currency);
  return minor.ok ? { points: pointCount, minor: minor.minor, currency } : null;
}

/**
 * "N points = X.YY in CUR", typed as text so the amount is exact, with what the rate means in a line
 * below as it is typed.
 */
export function PointValueFields({
  defaults,
  currencies,
  errors,
}: {
  defaults: { points: string; money: string; currency: string };
  currencies: readonly string[];
  errors: { points?: string; money?: string; currency?: string };
}) {
  const [typed, setTyped] = useState(defaults);
  const value = typedPointValue(typed.points, typed.money, typed.currency);
  return (
    <div className="space-y-3">
      <div className="grid gap-4 sm:grid-cols-[minmax(0,1fr)_auto_minmax(0,1fr)_minmax(0,8rem)] sm:items-start">
        <Field id="pointValuePoints" label="Points" error={errors.points}>
          <input
            id="pointValuePoints"
            name="pointValuePoints"
            type="number"
            min={1}
            step={1}
            inputMode="numeric"
            defaultValue={defaults.points}
            onChange={(event) => setTyped({ ...typed, points: event.target.value })}
            className={inputClass}
            {...describedBy("pointValuePoints", errors.points)}
          />
        </Field>
        <span aria-hidden="true" className="hidden pt-8 text-stone-500 sm:block">
          =
        </span>
        <Field id="pointValueMoney" label="Are worth" error={errors.money}>
          <input
            id="pointValueMoney"
            name="pointValueMoney"
            type="text"
            inputMode="decimal"
            autoComplete="off"
            defaultValue={defaults.money}
            onChange={(event) => setTyped({ ...typed, money: event.target.value })}
            className={inputClass}
            {...describedBy("pointValueMoney", errors.money)}
          />
        </Field>
        <Field id="currency" label="Currency" error={errors.currency}>
          <input
            id="currency"
            name="currency"
            type="text"
            list="currency-codes"
            maxLength={3}
            autoComplete="off"
            spellCheck={false}
            defaultValue={defaults.currency}
            onChange={(event) => setTyped({ ...typed, currency: event.target.value })}
            className={`${inputClass} uppercase`}
            {...describedBy("currency", errors.currency)}
          />
          <datalist id="currency-codes">
            {currencies.map((code) => (
              <option key={code} value={code} />
            ))}
          </datalist>
        </Field>
      </div>
      <p aria-live="polite" className="text-sm text-stone-600">
        {value
          ? `At this rate: ${formatPointsWithValue(100, value)} and ${formatPointsWithValue(1000, value)}.`
          : "Enter a whole number of points, an amount and a three-letter ISO 4217 currency code (USD, EUR, JPY)."}
      </p>
    </div>
  );
}
