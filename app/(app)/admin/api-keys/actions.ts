"use server";

import { revalidatePath } from "next/cache";
import { type FormState, formAction, textField } from "@/app/_lib/form-state";
import { signedIn } from "@/app/_lib/viewer";
import { createApiKey } from "@/core/org/create-api-key";
import { revokeApiKey } from "@/core/org/revoke-api-key";
import type { ApiScope } from "@/core/shared/api-scopes";
import type { CreatedKeyState } from "./created-key-state";

export async function createKey(_previous: CreatedKeyState, form: FormData): Promise<CreatedKeyState> {
  const { db, actor } = await signedIn();
  let created: CreatedKeyState["created"];
  const state = await formAction(async () => {
    const result = await createApiKey(db, actor, {
      name: textField(form, "name") ?? "",
      // The use case names any value that is not a scope.
      scopes: form.getAll("scopes").map(String) as ApiScope[],
    });
    created = { id: result.id, name: result.name, key: result.key, scopes: result.scopes };
    revalidatePath("/admin/api-keys");
    return `Created “${result.name}”.`;
  });
  return created ? { ...state, created } : state;
}

export async function revokeKey(_previous: FormState, form: FormData): Promise<FormState> {
  const { db, actor } = await signedIn();
  return formAction(async () => {
    await revokeApiKey(db, actor, { id: textField(form, "id") ?? "" });
    revalidatePath("/admin/api-keys");
    return "Revoked.";
  });
}
