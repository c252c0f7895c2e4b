"use server";

import { revalidatePath } from "next/cache";
import { type FormState, formAction, numberField, textField } from "@/app/_lib/form-state";
import { signedIn } from "@/app/_lib/viewer";
import {
  type UpdateBillingSettingsInput,
  updateBillingSettings,
} from "@/core/billing/update-billing-settings";

type TaxableKinds = NonNullable<UpdateBillingSettingsInput["taxableKinds"]>;

export async function saveBillingSettings(_previous: FormState, form: FormData): Promise<FormState> {
  const { db, actor } = await signedIn();
  return formAction(async () => {
    await updateBillingSettings(db, actor, {
      // A cleared field is refused by name, not silently left as it was.
      closeAfterDays: numberField(form, "closeAfterDays") ?? Number.NaN,
      // Once a bill has closed the prefix is shown, not sent: the use case would refuse any change.
      ...(form.has("numberPrefix") ? { numberPrefix: textField(form, "numberPrefix") ?? "" } : {}),
      // The use case refuses anything that is not a reward kind, by field.
      taxableKinds: form.getAll("taxableKinds").map(String) as TaxableKinds,
    });
    // Draft bills show when they close by themselves, and their payroll totals follow the taxable kinds.
    revalidatePath("/finance", "layout");
    return "Billing settings saved.";
  });
}
