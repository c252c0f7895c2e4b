"use server";

import { revalidatePath } from "next/cache";
import { type FormState, formAction } from "@/app/_lib/form-state";
import { signedIn } from "@/app/_lib/viewer";
import { updateNotificationPreferences } from "@/core/nudges/update-notification-preferences";

/** A box the form showed: ticked or not. One it didn't show (no reports, no digest) is left as it is. */
function shownBox(form: FormData, name: string): boolean | undefined {
  if (!form.getAll("shown").includes(name)) return undefined;
  return form.get(name) === "on";
}

/** Saves the viewer's reminder, digest and celebration choices. */
export async function savePreferences(_previous: FormState, form: FormData): Promise<FormState> {
  const { db, actor } = await signedIn();
  return formAction(async () => {
    await updateNotificationPreferences(db, actor, {
      allowanceReminders: shownBox(form, "allowanceReminders"),
      teamDigest: shownBox(form, "teamDigest"),
      publicCelebrations: shownBox(form, "publicCelebrations"),
    });
    revalidatePath("/settings");
    return "Saved. Plaudit will send you what you chose.";
  });
}
