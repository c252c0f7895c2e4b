"use client";

import type { RefObject } from "react";
import { describedBy } from "@/app/_components/form";
import { inputClass, secondaryButtonClass } from "@/app/_components/styles";
import { moneyInputText } from "@/app/_lib/money-input";
import type { Denominations } from "@/core/rewards/face-value";
import { formatMoney, formatPoints, type PointValue } from "@/core/shared/money";
import { type AmountCheck, quickAmounts, rangeDescription } from "./amount-choice";

export const AMOUNT_FIELD_ID = "redeem-amount";
const ERROR_ID = `${AMOUNT_FIELD_ID}-error`;

interface PickerProps {
  denominations: Denominations;
  pointValue: PointValue;
  /** The amount as text, the one source of truth for both kinds of picker. */
  text: string;
  check: AmountCheck;
  onTextChange: (text: string) => void;
  fieldRef: RefObject<HTMLInputElement | null>;
  error: string | undefined;
  /** After a refused amount: the nearest ones the product sells. */
  nearest: number[];
}

/**
 * How much of a gift card or donation: one of its fixed values (a radio group, so arrow keys move between
 * them), or any amount within its ranges, typed, with a few round ones a click away.
 */
export function AmountPicker(props: PickerProps) {
  const { denominations, pointValue, error, nearest, onTextChange } = props;
  const pick = (minor: number) => onTextChange(moneyInputText(minor, pointValue.currency));
  return (
    <div className="space-y-2">
      {denominations.ranges.length > 0 ? <RangeField {...props} /> : <FixedValues {...props} />}
      {error ? (
        <p id={ERROR_ID} className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
      <AmountButtons
        label={nearest.length > 0 ? "Try instead" : "Quick amounts"}
        amounts={
          nearest.length > 0 || denominations.ranges.length === 0
            ? nearest
            : quickAmounts(denominations, pointValue.currency)
        }
        currency={pointValue.currency}
        onPick={pick}
      />
    </div>
  );
}

function FixedValues({ denominations, pointValue, check, onTextChange, fieldRef, error }: PickerProps) {
  const chosen = check.state === "ok" ? check.faceValueMinor : null;
  return (
    <fieldset className="min-w-0 space-y-2" aria-describedby={error ? ERROR_ID : undefined}>
      <legend className="text-sm font-medium text-stone-800">Amount</legend>
      <div className="grid grid-cols-2 gap-2 sm:grid-cols-3">
        {denominations.fixed.map((value, index) => (
          <label key={value.faceValueMinor} className="relative cursor-pointer">
            <input
              type="radio"
              name="amountChoice"
              value={value.faceValueMinor}
              ref={index === 0 ? fieldRef : undefined}
              checked={chosen === value.faceValueMinor}
              onChange={() => onTextChange(moneyInputText(value.faceValueMinor, pointValue.currency))}
              className="peer sr-only"
            />
            <span className="flex flex-col items-center rounded-lg border border-stone-300 bg-white px-3 py-2.5 text-center hover:border-stone-400 peer-checked:border-amber-600 peer-checked:bg-amber-50 peer-checked:ring-1 peer-checked:ring-amber-600 peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-amber-600">
              <span className="font-semibold text-stone-900">
                {formatMoney(value.faceValueMinor, pointValue.currency)}
              </span>
              <span className="text-xs text-stone-600">{formatPoints(value.points)}</span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function RangeField({ denominations, pointValue, text, onTextChange, fieldRef, error }: PickerProps) {
  const { currency } = pointValue;
  // The currency's sign alone ("$", "€", "¥"), shown inside the box so nobody types it.
  const symbol = formatMoney(0, currency).replace(/[\d.,\s]/g, "");
  const hint = rangeDescription(denominations.ranges, currency);
  return (
    <>
      <label htmlFor={AMOUNT_FIELD_ID} className="block text-sm font-medium text-stone-800">
        Amount
      </label>
      <div className="relative max-w-56">
        <span
          aria-hidden="true"
          className="pointer-events-none absolute inset-y-0 left-3 flex items-center text-stone-500"
        >
          {symbol}
        </span>
        <input
          id={AMOUNT_FIELD_ID}
          ref={fieldRef}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          value={text}
          onChange={(event) => onTextChange(event.target.value)}
          className={`${inputClass} pl-8 tabular-nums`}
          {...describedBy(AMOUNT_FIELD_ID, error)}
        />
      </div>
      {error ? null : (
        <p id={`${AMOUNT_FIELD_ID}-hint`} className="text-sm text-stone-500">
          {hint.charAt(0).toUpperCase()}
          {hint.slice(1)}.
        </p>
      )}
    </>
  );
}

function AmountButtons({
  label,
  amounts,
  currency,
  onPick,
}: {
  label: string;
  amounts: number[];
  currency: string;
  onPick: (minor: number) => void;
}) {
  if (amounts.length === 0) return null;
  return (
    <fieldset className="space-y-1.5">
      <legend className="text-xs text-stone-500">{label}</legend>
      <div className="flex flex-wrap gap-2">
        {amounts.map((minor) => (
          <button
            key={minor}
            type="button"
            onClick={() => onPick(minor)}
            className={`${secondaryButtonClass} px-3 py-1.5 tabular-nums`}
          >
            {formatMoney(minor, currency)}
          </button>
        ))}
      </div>
    </fieldset>
  );
}
