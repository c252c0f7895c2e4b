"use server";

import { revalidatePath } from "next/cache";
import { type FormState, formAction, textField } from "@/app/_lib/form-state";
import { signedIn } from "@/app/_lib/viewer";
import { createCompanyValue } from "@/core/values/create-company-value";
import { renameCompanyValue } from "@/core/values/rename-company-value";
import { retireCompanyValue } from "@/core/values/retire-company-value";

// Values appear in the give form, the feed's filters and on recognitions everywhere.
function revalidateValues() {
  revalidatePath("/", "layout");
}

export async function addValue(_previous: FormState, form: FormData): Promise<FormState> {
  const { db, actor } = await signedIn();
  return formAction(async () => {
    const value = await createCompanyValue(db, actor, {
      name: textField(form, "name") ?? "",
      description: textField(form, "description") ?? null,
    });
    revalidateValues();
    return `Added #${value.name}.`;
  });
}

export async function editValue(_previous: FormState, form: FormData): Promise<FormState> {
  const { db, actor } = await signedIn();
  return formAction(async () => {
    const value = await renameCompanyValue(db, actor, {
      valueId: textField(form, "valueId") ?? "",
      name: textField(form, "name") ?? "",
      // A cleared description removes it.
      description: textField(form, "description") ?? null,
    });
    revalidateValues();
    return `Saved #${value.name}.`;
  });
}

async function setRetired(form: FormData, restore: boolean): Promise<FormState> {
  const { db, actor } = await signedIn();
  return formAction(async () => {
    const value = await retireCompanyValue(db, actor, {
      valueId: textField(form, "valueId") ?? "",
      restore,
    });
    revalidateValues();
    return restore ? `Restored #${value.name}.` : `Retired #${value.name}.`;
  });
}

export async function retireValue(_previous: FormState, form: FormData): Promise<FormState> {
  return setRetired(form, false);
}

export async function restoreValue(_previous: FormState, form: FormData): Promise<FormState> {
  return setRetired(form, true);
}
