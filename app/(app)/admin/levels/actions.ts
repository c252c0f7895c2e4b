"use server";

import { revalidatePath } from "next/cache";
import { type FormState, formAction, numberField, textField } from "@/app/_lib/form-state";
import { signedIn } from "@/app/_lib/viewer";
import { createLevel } from "@/core/levels/create-level";
import { removeLevel } from "@/core/levels/remove-level";
import { type SetLevelWindowInput, setLevelWindow } from "@/core/levels/set-level-window";
import { updateLevel } from "@/core/levels/update-level";

/** A level's fields as typed: a cleared threshold is refused by name, a cleared grant means none. */
function levelFromForm(form: FormData) {
  return {
    name: textField(form, "name") ?? "",
    threshold: numberField(form, "threshold") ?? Number.NaN,
    grantPoints: numberField(form, "grantPoints") ?? null,
  };
}

// Badges show levels beside people across the app.
function revalidateLevels() {
  revalidatePath("/", "layout");
}

export async function addLevel(_previous: FormState, form: FormData): Promise<FormState> {
  const { db, actor } = await signedIn();
  return formAction(async () => {
    const level = await createLevel(db, actor, levelFromForm(form));
    revalidateLevels();
    return `Added ${level.name}.`;
  });
}

export async function editLevel(_previous: FormState, form: FormData): Promise<FormState> {
  const { db, actor } = await signedIn();
  return formAction(async () => {
    const level = await updateLevel(db, actor, {
      levelId: textField(form, "levelId") ?? "",
      ...levelFromForm(form),
    });
    revalidateLevels();
    return `Saved ${level.name}.`;
  });
}

export async function removeLevelAction(_previous: FormState, form: FormData): Promise<FormState> {
  const { db, actor } = await signedIn();
  return formAction(async () => {
    const level = await removeLevel(db, actor, { levelId: textField(form, "levelId") ?? "" });
    revalidateLevels();
    return `Removed ${level.name}.`;
  });
}

export async function saveLevelWindow(_previous: FormState, form: FormData): Promise<FormState> {
  const { db, actor } = await signedIn();
  return formAction(async () => {
    // The use case refuses anything that is not one of the choices, by field.
    const window = textField(form, "window") as SetLevelWindowInput["window"];
    await setLevelWindow(db, actor, { window });
    revalidateLevels();
    return "Saved which points count.";
  });
}
