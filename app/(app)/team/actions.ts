"use server";

import { revalidatePath } from "next/cache";
import {
  type FormState,
  formAction,
  formIdempotencyKey,
  numberField,
  textField,
} from "@/app/_lib/form-state";
import { signedIn } from "@/app/_lib/viewer";
import { boostAllowance } from "@/core/allowances/boost-allowance";
import { CONFIRM_OVER_CEILING } from "@/core/allowances/over-ceiling-field";
import { setMonthlyAllowance } from "@/core/allowances/set-monthly-allowance";
import { formatPointsWithValue } from "@/core/shared/money";

/** The dashboard's figures and the header's "Left to give" can both change with an allowance. */
function refreshAllowances() {
  revalidatePath("/team");
  revalidatePath("/(app)", "layout");
}

function peopleCount(count: number): string {
  return `${count} ${count === 1 ? "person" : "people"}`;
}

/** Sets, or with the "default" intent clears, the monthly allowance of every report ticked in the table. */
export async function setTeamAllowance(_previous: FormState, form: FormData): Promise<FormState> {
  const { db, actor, org } = await signedIn();
  return formAction(async () => {
    const returnToDefault = form.get("intent") === "default";
    const result = await setMonthlyAllowance(db, actor, {
      personIds: form.getAll("personId").map(String),
      // An empty field becomes NaN so the use case refuses it with its own message beside the field.
      monthlyAmount: returnToDefault ? null : (numberField(form, "monthlyAmount") ?? Number.NaN),
      confirmOverCeiling: form.get(CONFIRM_OVER_CEILING) === "on",
    });
    refreshAllowances();
    const changed = peopleCount(result.people.length);
    const monthlyAmount = result.people[0]?.monthlyAmount ?? null;
    return monthlyAmount === null
      ? `${changed} returned to the default monthly allowance.`
      : `Monthly allowance set to ${formatPointsWithValue(monthlyAmount, org.pointValue)} for ${changed}.`;
  });
}

/** Adds a one-time boost to one report's allowance for the current month. */
export async function boostReportAllowance(_previous: FormState, form: FormData): Promise<FormState> {
  const { db, actor, org } = await signedIn();
  return formAction(async () => {
    const amount = numberField(form, "amount") ?? Number.NaN;
    const result = await boostAllowance(db, actor, {
      personId: textField(form, "personId") ?? "",
      amount,
      reason: textField(form, "reason"),
      idempotencyKey: formIdempotencyKey(form),
      confirmOverCeiling: form.get(CONFIRM_OVER_CEILING) === "on",
    });
    refreshAllowances();
    const left = formatPointsWithValue(result.remainingThisMonth, org.pointValue);
    if (result.replayed) return `That boost was already added. ${left} left to give this month.`;
    return `Added ${formatPointsWithValue(amount, org.pointValue)} for this month. ${left} left to give.`;
  });
}
