"use server";

import { revalidatePath } from "next/cache";
import { type FormState, formAction, numberField, textField } from "@/app/_lib/form-state";
import { parseMoneyInput } from "@/app/_lib/money-input";
import { signedIn } from "@/app/_lib/viewer";
import { type UpdateOrgSettingsInput, updateOrgSettings } from "@/core/org/update-org-settings";
import { DomainError } from "@/core/shared/errors";

type ValuesMode = UpdateOrgSettingsInput["valuesMode"];
type LeaverPolicy = UpdateOrgSettingsInput["leaverPolicy"];

/** Every number on the form is required: a cleared field is refused by name, not silently left as it was. */
function requiredNumber(form: FormData, name: string): number {
  return numberField(form, name) ?? Number.NaN;
}

/**
 * The point value's money part arrives as decimal text in the currency being saved. A locked point value
 * is not on the form at all, so neither it nor the currency is sent.
 */
function pointValueFromForm(
  form: FormData,
): Pick<UpdateOrgSettingsInput, "currency" | "pointValuePoints" | "pointValueMinor"> {
  if (!form.has("currency")) return {};
  const currency = textField(form, "currency");
  const moneyText = textField(form, "pointValueMoney") ?? "";
  const code = currency?.toUpperCase();
  // With no usable currency the amount can't be read; the use case names the currency as the problem.
  const money = code && /^[A-Z]{3}$/.test(code) ? parseMoneyInput(moneyText, code) : null;
  if (money && !money.ok) throw new DomainError("invalid", money.message, { field: "pointValueMinor" });
  return {
    currency,
    pointValuePoints: requiredNumber(form, "pointValuePoints"),
    pointValueMinor: money?.minor,
  };
}

export async function saveOrgSettings(_previous: FormState, form: FormData): Promise<FormState> {
  const { db, actor } = await signedIn();
  return formAction(async () => {
    await updateOrgSettings(db, actor, {
      name: textField(form, "name") ?? "",
      timeZone: textField(form, "timeZone"),
      ...pointValueFromForm(form),
      defaultMonthlyAllowance: requiredNumber(form, "defaultMonthlyAllowance"),
      managerAllowancePerReport: requiredNumber(form, "managerAllowancePerReport"),
      managerAllowanceCeiling: requiredNumber(form, "managerAllowanceCeiling"),
      minPointsPerRecognition: requiredNumber(form, "minPointsPerRecognition"),
      maxPointsPerRecognition: requiredNumber(form, "maxPointsPerRecognition"),
      // The use case refuses anything that is not one of the choices, by field.
      valuesMode: textField(form, "valuesMode") as ValuesMode,
      leaverPolicy: textField(form, "leaverPolicy") as LeaverPolicy,
      // An empty channel field means none: announce where people give.
      slackRecognitionChannel: textField(form, "slackRecognitionChannel") ?? null,
      slackAutoProvision: form.get("slackAutoProvision") === "on",
      // An empty points field turns that celebration off; an empty channel announces in the feed alone.
      birthdayPoints: numberField(form, "birthdayPoints") ?? null,
      anniversaryPoints: numberField(form, "anniversaryPoints") ?? null,
      anniversaryPointsPerYear: numberField(form, "anniversaryPointsPerYear") ?? 0,
      celebrationChannel: textField(form, "celebrationChannel") ?? null,
    });
    // The org's name and point value appear in the header of every page.
    revalidatePath("/", "layout");
    return "Settings saved.";
  });
}
