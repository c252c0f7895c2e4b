"use client";

import { useActionState, useRef, useState } from "react";
import { describedBy, Field, FormMessage, SubmitButton } from "@/app/_components/form";
import { inputClass } from "@/app/_components/styles";
import { fieldError, IDLE, wholePoints } from "@/app/_lib/form-state";
import type { ColleagueMatch } from "@/core/people/search-colleagues";
import { formatMoney, formatPoints, type PointValue, pointsToMinor } from "@/core/shared/money";
import { PeoplePicker } from "../../_give/people-picker";
import { grantSpotAward } from "./actions";

const FIELDS = ["recipientIds", "amount", "message"] as const;
type GrantField = (typeof FIELDS)[number];

/** "This costs the company $12.00": the money the award adds to the redemption bill once redeemed. */
function CostLine({ amount, people, value }: { amount: number; people: number; value: PointValue }) {
  const total = amount * people;
  return (
    <p aria-live="polite" className="text-sm text-stone-600" data-testid="grant-cost">
      {total === 0 ? (
        "Choose people and points to see what the award costs."
      ) : (
        <>
          This costs the company{" "}
          <strong className="text-stone-900">
            {formatMoney(pointsToMinor(total, value), value.currency)}
          </strong>{" "}
          ({formatPoints(total)}
          {people > 1 ? `: ${formatPoints(amount)} × ${people} people` : ""}).
        </>
      )}
    </p>
  );
}

/**
 * Company points for one or more people. The fields are controlled, so a refused award keeps everything
 * typed; a granted one clears them, and the page comes back with a fresh idempotency key.
 */
export function GrantForm({
  idempotencyKey,
  pointValue,
}: {
  idempotencyKey: string;
  pointValue: PointValue;
}) {
  const [state, action] = useActionState(grantSpotAward, IDLE);
  const [recipients, setRecipients] = useState<ColleagueMatch[]>([]);
  const [amount, setAmount] = useState("");
  const [message, setMessage] = useState("");
  const [handledState, setHandledState] = useState(state);
  const recipientsInput = useRef<HTMLInputElement>(null);

  if (state !== handledState) {
    setHandledState(state);
    if (state.status === "ok") {
      setRecipients([]);
      setAmount("");
      setMessage("");
    }
  }

  const errors = Object.fromEntries(FIELDS.map((field) => [field, fieldError(state, field)])) as Record<
    GrantField,
    string | undefined
  >;
  const unplacedError = state.status === "error" && FIELDS.every((field) => !errors[field]);

  return (
    <form action={action} className="space-y-4" aria-label="Spot award">
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <Field
        id="grant-recipients"
        label="Who gets the award?"
        hint="Type a name and press Enter. Add as many people as you like."
        error={errors.recipientIds}
      >
        <PeoplePicker
          id="grant-recipients"
          chosen={recipients}
          onChosenChange={setRecipients}
          inputRef={recipientsInput}
          ariaProps={describedBy("grant-recipients", errors.recipientIds)}
        />
      </Field>
      <div className="grid gap-4 sm:grid-cols-[11rem_minmax(0,1fr)]">
        <Field id="grant-amount" label="Points each" error={errors.amount}>
          <input
            id="grant-amount"
            name="amount"
            type="number"
            inputMode="numeric"
            min={1}
            step={1}
            required
            value={amount}
            onChange={(event) => setAmount(event.target.value)}
            className={inputClass}
            {...describedBy("grant-amount", errors.amount)}
          />
        </Field>
        <Field
          id="grant-message"
          label="What is it for?"
          hint="Shown in the feed with the award."
          error={errors.message}
        >
          <textarea
            id="grant-message"
            name="message"
            rows={2}
            maxLength={2000}
            required
            placeholder="For leading the data-center move over the holidays"
            value={message}
            onChange={(event) => setMessage(event.target.value)}
            className={inputClass}
            {...describedBy("grant-message", errors.message)}
          />
        </Field>
      </div>
      <div className="flex flex-col gap-3 border-t border-stone-100 pt-4 sm:flex-row sm:items-center sm:justify-between">
        <CostLine amount={wholePoints(amount)} people={recipients.length} value={pointValue} />
        <SubmitButton pending="Granting…">Grant points</SubmitButton>
      </div>
      {state.status === "ok" || unplacedError ? <FormMessage state={state} /> : null}
    </form>
  );
}
