"use server";

import { revalidatePath } from "next/cache";
import { type FormState, formAction } from "@/app/_lib/form-state";
import { signedIn } from "@/app/_lib/viewer";
import { markInboxRead } from "@/core/inbox/mark-inbox-read";

/** Marks everything the viewer has been told of as read; the bell's count goes with it. */
export async function markAllRead(): Promise<FormState> {
  const { db, actor } = await signedIn();
  return formAction(async () => {
    await markInboxRead(db, actor);
    revalidatePath("/", "layout");
    return "Marked as read.";
  });
}
