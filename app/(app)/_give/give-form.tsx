"use client";

import { type FormEvent, startTransition, useActionState, useEffect, useRef, useState } from "react";
import { describedBy, Field, FormMessage } from "@/app/_components/form";
import { Points } from "@/app/_components/points";
import { buttonClass, inputClass } from "@/app/_components/styles";
import { fieldError, IDLE, wholePoints } from "@/app/_lib/form-state";
import type { GivingRules } from "@/core/giving/get-giving-rules";
import { MESSAGE_MAX_LENGTH, MESSAGE_TOO_LONG } from "@/core/giving/message-length";
import type { ColleagueMatch } from "@/core/people/search-colleagues";
import type { PointValue } from "@/core/shared/money";
import type { ActiveCompanyValue } from "@/core/values/list-company-values";
import { give } from "./actions";
import type { GiveFormState } from "./give-state";
import { PeoplePicker } from "./people-picker";
import { ValuePicker } from "./value-picker";

const FIELDS = ["recipientIds", "amount", "message", "values"] as const;
type GiveField = (typeof FIELDS)[number];

/** What "Points each" starts at, within the org's range. */
const DEFAULT_POINTS = 10;

/** "1,234 of 2,000 characters", announced only as the message nears its limit. */
function MessageLength({ length }: { length: number }) {
  const near = length > MESSAGE_MAX_LENGTH * 0.9;
  return (
    <span aria-live={near ? "polite" : "off"}>
      {length.toLocaleString("en-US")} of {MESSAGE_MAX_LENGTH.toLocaleString("en-US")} characters
    </span>
  );
}

/** "This will use N pts of your M pts left this month", in red once N is more than M. */
function AllowanceLine({
  needed,
  remaining,
  value,
  until,
}: {
  needed: number;
  remaining: number;
  value: PointValue;
  /** The allowance month's last day, "Nov 30". */
  until: string;
}) {
  if (needed === 0) {
    return (
      <p aria-live="polite" className="text-sm text-stone-600">
        You have <Points points={remaining} value={value} /> left to give until {until}. Unused points don't
        roll over.
      </p>
    );
  }
  const over = needed > remaining;
  return (
    <p aria-live="polite" className={`text-sm ${over ? "text-red-700" : "text-stone-600"}`}>
      This will use <Points points={needed} value={value} /> of your{" "}
      <Points points={remaining} value={value} /> left this month.
      {over ? (
        <strong>
          {" "}
          That is <Points points={needed - remaining} value={value} /> more than you have left.
        </strong>
      ) : null}
    </p>
  );
}

export function GiveForm({
  idempotencyKey: firstKey,
  rules,
  values,
  remaining,
  allowanceUntil,
  pointValue,
}: {
  idempotencyKey: string;
  rules: GivingRules;
  values: ActiveCompanyValue[];
  /** Left to give this month. */
  remaining: number;
  /** The allowance month's last day, "Nov 30". */
  allowanceUntil: string;
  pointValue: PointValue;
}) {
  const [state, dispatch, pending] = useActionState<GiveFormState, FormData>(give, IDLE);
  const [recipients, setRecipients] = useState<ColleagueMatch[]>([]);
  const defaultAmount = String(Math.min(Math.max(DEFAULT_POINTS, rules.minPoints), rules.maxPoints));
  const [amount, setAmount] = useState(defaultAmount);
  const [message, setMessage] = useState("");
  const [chosenValues, setChosenValues] = useState<string[]>([]);
  const [idempotencyKey, setIdempotencyKey] = useState(firstKey);
  const [handledState, setHandledState] = useState(state);
  const recipientsInput = useRef<HTMLInputElement>(null);
  const amountInput = useRef<HTMLInputElement>(null);
  const messageInput = useRef<HTMLTextAreaElement>(null);
  const firstValueInput = useRef<HTMLInputElement>(null);

  // A give went through: start a fresh one. Any answer that spent the key brings the next one, so a
  // new give is never mistaken for a retry of the last.
  if (state !== handledState) {
    setHandledState(state);
    if (state.nextIdempotencyKey) setIdempotencyKey(state.nextIdempotencyKey);
    if (state.status === "ok") {
      setRecipients([]);
      setAmount(defaultAmount);
      setMessage("");
      setChosenValues([]);
    }
  }

  // After a refusal, take the giver to the first field that needs fixing; its message is tied to it.
  useEffect(() => {
    const inputs = {
      recipientIds: recipientsInput,
      amount: amountInput,
      message: messageInput,
      values: firstValueInput,
    };
    const field = FIELDS.find((name) => fieldError(state, name));
    if (field) inputs[field].current?.focus();
  }, [state]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    // Submitting by hand rather than through `action`: React resets a form after an action, which
    // would wipe what the giver typed whenever the give is refused.
    event.preventDefault();
    // Refused here, the message kept whole for the giver to shorten; the server refuses it too.
    if (message.length > MESSAGE_MAX_LENGTH) {
      messageInput.current?.focus();
      return;
    }
    const form = new FormData(event.currentTarget);
    startTransition(() => dispatch(form));
  }

  const errors = Object.fromEntries(FIELDS.map((field) => [field, fieldError(state, field)])) as Record<
    GiveField,
    string | undefined
  >;
  const unplacedError = state.status === "error" && FIELDS.every((field) => !errors[field]);
  // With values optional and none defined there is nothing to pick; when required, say why a give fails.
  const showValues =
    rules.valuesMode === "required" || (rules.valuesMode === "optional" && values.length > 0);

  return (
    <form onSubmit={onSubmit} className="space-y-4" aria-label="Give recognition" noValidate>
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <Field
        id="give-recipients"
        label="Who are you thanking?"
        hint="Type a name and press Enter. Add as many people as you like."
        error={errors.recipientIds}
      >
        <PeoplePicker
          id="give-recipients"
          chosen={recipients}
          onChosenChange={setRecipients}
          inputRef={recipientsInput}
          ariaProps={describedBy("give-recipients", errors.recipientIds)}
        />
      </Field>
      <Field
        id="give-message"
        label="Message"
        hint={<MessageLength length={message.length} />}
        error={errors.message ?? (message.length > MESSAGE_MAX_LENGTH ? MESSAGE_TOO_LONG : undefined)}
      >
        <textarea
          id="give-message"
          name="message"
          ref={messageInput}
          required
          rows={3}
          placeholder="What did they do, and why did it matter?"
          value={message}
          onChange={(event) => setMessage(event.target.value)}
          className={inputClass}
          {...describedBy("give-message", errors.message)}
        />
      </Field>
      <div className="grid gap-4 sm:grid-cols-[11rem_1fr]">
        <Field
          id="give-amount"
          label="Points each"
          hint={`${rules.minPoints} to ${rules.maxPoints} per person`}
          error={errors.amount}
        >
          <input
            id="give-amount"
            name="amount"
            ref={amountInput}
            type="number"
            inputMode="numeric"
            required
            min={rules.minPoints}
            max={rules.maxPoints}
            step={1}
            value={amount}
            onChange={(event) => setAmount(event.target.value)}
            className={inputClass}
            {...describedBy("give-amount", errors.amount)}
          />
        </Field>
        {showValues ? (
          <ValuePicker
            values={values}
            required={rules.valuesMode === "required"}
            chosen={chosenValues}
            onChosenChange={setChosenValues}
            error={errors.values}
            firstRef={firstValueInput}
          />
        ) : null}
      </div>
      <div className="flex flex-col gap-3 border-t border-stone-100 pt-4 sm:flex-row sm:items-center sm:justify-between">
        <AllowanceLine
          needed={wholePoints(amount) * recipients.length}
          remaining={remaining}
          value={pointValue}
          until={allowanceUntil}
        />
        <button type="submit" className={`${buttonClass} shrink-0`} disabled={pending} aria-busy={pending}>
          {pending ? "Giving…" : "Give points"}
        </button>
      </div>
      {state.status === "ok" || unplacedError ? <FormMessage state={state} /> : null}
    </form>
  );
}
