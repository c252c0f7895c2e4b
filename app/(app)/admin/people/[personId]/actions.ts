"use server";

import { revalidatePath } from "next/cache";
import { type FormState, formAction, textField } from "@/app/_lib/form-state";
import { signedIn } from "@/app/_lib/viewer";
import { deactivatePerson } from "@/core/people/deactivate-person";
import { erasePerson } from "@/core/people/erase-person";
import { reactivatePerson } from "@/core/people/reactivate-person";
import { updatePerson } from "@/core/people/update-person";
import { personFromForm } from "../_components/person-form-data";

/**
 * Every change here can move a manager's per-report allowance, shown in the header and on the team
 * page, as well as the People pages themselves.
 */
function refreshPeople() {
  revalidatePath("/(app)", "layout");
}

export async function savePerson(_previous: FormState, form: FormData): Promise<FormState> {
  const { db, actor } = await signedIn();
  return formAction(async () => {
    const { person, changed } = await updatePerson(db, actor, {
      personId: textField(form, "personId") ?? "",
      ...personFromForm(form),
    });
    if (changed.length === 0) return "Nothing to save: the details are as they were.";
    refreshPeople();
    return `Saved ${person.name}.`;
  });
}

/** Its confirmation shows only a refusal: on success the page swaps to the Reactivate section. */
export async function deactivate(_previous: FormState, form: FormData): Promise<FormState> {
  const { db, actor } = await signedIn();
  return formAction(async () => {
    await deactivatePerson(db, actor, { personId: textField(form, "personId") ?? "" });
    refreshPeople();
    return "Deactivated.";
  });
}

export async function reactivate(_previous: FormState, form: FormData): Promise<FormState> {
  const { db, actor } = await signedIn();
  return formAction(async () => {
    await reactivatePerson(db, actor, { personId: textField(form, "personId") ?? "" });
    refreshPeople();
    return "Reactivated.";
  });
}

/** The confirmation, as typed: the use case compares it with the person's name and email. */
export async function erase(_previous: FormState, form: FormData): Promise<FormState> {
  const { db, actor } = await signedIn();
  return formAction(async () => {
    const confirmation = form.get("confirmation");
    const result = await erasePerson(db, actor, {
      personId: textField(form, "personId") ?? "",
      confirmation: typeof confirmation === "string" ? confirmation : "",
    });
    refreshPeople();
    return result.alreadyErased
      ? "Their personal data had already been erased."
      : `Personal data erased: they are ${result.name} from now on.`;
  });
}
