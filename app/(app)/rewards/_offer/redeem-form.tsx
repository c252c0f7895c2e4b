"use client";

import { type FormEvent, startTransition, useActionState, useEffect, useId, useRef, useState } from "react";
import { FormMessage } from "@/app/_components/form";
import { buttonClass, secondaryButtonClass } from "@/app/_components/styles";
import { fieldError, IDLE } from "@/app/_lib/form-state";
import { needsApproval } from "@/core/rewards/approval-rule";
import type { CatalogItem } from "@/core/rewards/catalog";
import { formatPoints, formatPointsWithValue, type PointValue } from "@/core/shared/money";
import { redeem } from "./actions";
import { type AmountCheck, checkAmount } from "./amount-choice";
import { AmountPicker } from "./amount-picker";
import { CostLine } from "./cost-line";
import type { RedeemFormState } from "./redeem-state";
import { redemptionQuestion } from "./redemption-question";

export interface RedeemFormProps {
  item: CatalogItem;
  pointValue: PointValue;
  earned: number;
  approvalThreshold: number | null;
  deliveryMethod: "email" | "link";
  /** Where an emailed gift card goes: the viewer's own address. */
  email: string;
  /** New on every render of the page, so a retried submit counts once and the next one is new. */
  idempotencyKey: string;
}

/**
 * Choosing how much of a reward to redeem, what it costs, and a confirmation that says exactly what will
 * happen before anything does. A refusal comes back beside the amount, with the nearest valid ones.
 */
export function RedeemForm({
  item,
  pointValue,
  earned,
  approvalThreshold,
  deliveryMethod,
  email,
  idempotencyKey: firstKey,
}: RedeemFormProps) {
  const [state, dispatch, pending] = useActionState<RedeemFormState, FormData>(redeem, IDLE);
  const [text, setText] = useState("");
  const [share, setShare] = useState(false);
  const [reviewing, setReviewing] = useState(false);
  const [idempotencyKey, setIdempotencyKey] = useState(firstKey);
  const [handledState, setHandledState] = useState(state);
  const [dismissed, setDismissed] = useState<RedeemFormState | null>(null);
  const amountField = useRef<HTMLInputElement>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  const denominations = item.denominations;
  const check: AmountCheck = denominations
    ? checkAmount(text, denominations, pointValue)
    : { state: "ok", faceValueMinor: 0, points: item.pointsPrice ?? 0 };
  const points = check.state === "ok" ? check.points : null;
  const faceValueMinor = denominations && check.state === "ok" ? check.faceValueMinor : null;
  const over = points !== null && points > earned;

  if (state !== handledState) {
    setHandledState(state);
    if (state.nextIdempotencyKey) setIdempotencyKey(state.nextIdempotencyKey);
  }
  // A refusal stands until the amount changes: a new amount answers it.
  const refusal = state.status === "error" && dismissed !== state ? state : null;
  const refusedAmount = refusal && denominations ? fieldError(refusal, "faceValueMinor") : undefined;
  const typedError =
    check.state === "invalid"
      ? check.message
      : check.state === "empty"
        ? "Choose an amount first."
        : undefined;
  const amountError = (reviewing ? typedError : undefined) ?? refusedAmount;

  // A refusal closes the confirmation and takes the person to what needs changing.
  useEffect(() => {
    if (state.status !== "error") return;
    dialog.current?.close();
    if (denominations && fieldError(state, "faceValueMinor")) amountField.current?.focus();
  }, [state, denominations]);

  function review() {
    setReviewing(true);
    if (check.state !== "ok") {
      amountField.current?.focus();
      return;
    }
    if (!over) dialog.current?.showModal();
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    // Submitting by hand rather than through `action`: React resets a form after an action. Enter in
    // the amount box reviews rather than redeems: only the confirmation's own button redeems.
    event.preventDefault();
    if (!dialog.current?.open) {
      review();
      return;
    }
    const form = new FormData(event.currentTarget);
    startTransition(() => dispatch(form));
  }

  const approval = points !== null && needsApproval(points, item, approvalThreshold);
  return (
    <form onSubmit={onSubmit} className="space-y-5" aria-label={`Redeem ${item.name}`} noValidate>
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      {item.customRewardId ? (
        <input type="hidden" name="customRewardId" value={item.customRewardId} />
      ) : (
        <input type="hidden" name="productId" value={item.productId ?? ""} />
      )}
      {faceValueMinor !== null ? <input type="hidden" name="faceValueMinor" value={faceValueMinor} /> : null}
      {denominations ? (
        <AmountPicker
          denominations={denominations}
          pointValue={pointValue}
          text={text}
          check={check}
          onTextChange={(next) => {
            setText(next);
            setDismissed(state);
          }}
          fieldRef={amountField}
          error={amountError}
          nearest={refusal?.nearest ?? []}
        />
      ) : null}
      {item.kind === "charity" ? (
        <label className="flex items-start gap-3 text-sm">
          <input
            type="checkbox"
            name="shareInFeed"
            checked={share}
            onChange={(event) => setShare(event.target.checked)}
            className="mt-0.5 size-4 accent-amber-700"
          />
          <span>
            <span className="font-medium text-stone-900">Share my donation in the feed</span>
            <span className="block text-stone-600">
              Colleagues see whom you donated to and how much; your points aren't shown.
            </span>
          </span>
        </label>
      ) : null}
      <div className={`space-y-2 ${denominations ? "border-t border-stone-100 pt-4" : ""}`}>
        <CostLine
          points={points}
          earned={earned}
          pointValue={pointValue}
          adjustable={denominations !== null}
        />
        {approval ? (
          <ApprovalNote
            requiresApproval={item.requiresApproval}
            threshold={approvalThreshold}
            pointValue={pointValue}
          />
        ) : null}
      </div>
      {refusal && !refusedAmount ? <FormMessage state={refusal} placed={["faceValueMinor"]} /> : null}
      <button type="button" onClick={review} disabled={over} className={`${buttonClass} w-full sm:w-auto`}>
        Review redemption
      </button>
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        className="m-auto w-[min(30rem,calc(100%-2rem))] rounded-xl border border-stone-200 bg-white p-0 text-stone-900 shadow-xl backdrop:bg-stone-950/40"
      >
        <div className="space-y-4 p-5">
          <h2 id={titleId} className="text-lg font-semibold">
            Confirm your redemption
          </h2>
          {points !== null ? (
            <>
              <p className="font-medium text-stone-900" data-testid="redeem-question">
                {redemptionQuestion({ item, points, faceValueMinor, pointValue, deliveryMethod, email })}
              </p>
              <ul className="list-disc space-y-1 pl-5 text-sm text-stone-600">
                {approval ? <li>An admin approves it first; your points are held until then.</li> : null}
                {item.kind === "charity" ? (
                  <li>{share ? "It will be shown in the feed." : "It won't be shown in the feed."}</li>
                ) : null}
                <li>You'll have {formatPointsWithValue(earned - points, pointValue)} left.</li>
              </ul>
            </>
          ) : null}
          <div className="flex flex-wrap justify-end gap-2">
            <button
              type="button"
              className={secondaryButtonClass}
              disabled={pending}
              onClick={() => dialog.current?.close()}
            >
              Back
            </button>
            <button type="submit" className={buttonClass} disabled={pending} aria-busy={pending}>
              {pending ? "Redeeming…" : `Redeem ${points === null ? "" : formatPoints(points)}`}
            </button>
          </div>
        </div>
      </dialog>
    </form>
  );
}

function ApprovalNote({
  requiresApproval,
  threshold,
  pointValue,
}: {
  requiresApproval: boolean;
  threshold: number | null;
  pointValue: PointValue;
}) {
  return (
    <p className="rounded-lg bg-sky-50 px-3 py-2 text-sm text-sky-900">
      <strong className="font-semibold">Needs an admin's approval.</strong>{" "}
      {requiresApproval || threshold === null
        ? "An admin approves this reward before it's yours."
        : `Redemptions of more than ${formatPointsWithValue(threshold, pointValue)} wait for an admin.`}{" "}
      Your points are held until then.
    </p>
  );
}
