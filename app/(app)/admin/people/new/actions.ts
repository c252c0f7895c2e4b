"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { type FormState, formAction } from "@/app/_lib/form-state";
import { signedIn } from "@/app/_lib/viewer";
import { createPerson } from "@/core/people/create-person";
import { personFromForm } from "../_components/person-form-data";

/** Adds the person, then opens their page; a refusal stays on the form with the reason beside the field. */
export async function addPerson(_previous: FormState, form: FormData): Promise<FormState> {
  const { db, actor } = await signedIn();
  let createdId: string | undefined;
  const state = await formAction(async () => {
    const { person } = await createPerson(db, actor, personFromForm(form));
    createdId = person.id;
    return `Added ${person.name}.`;
  });
  if (!createdId) return state;
  // A new report can raise their manager's allowance, shown in the header and on the team page.
  revalidatePath("/(app)", "layout");
  redirect(`/admin/people/${createdId}?added=1`);
}
