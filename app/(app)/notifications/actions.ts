"use server";

import { revalidatePath } from "next/cache";
import { signedIn } from "@/app/_lib/viewer";
import { markInboxRead } from "@/core/inbox/mark-inbox-read";

/** Marks everything the viewer has been told of as read; the bell's count goes with it. */
export async function markAllRead(): Promise<void> {
  const { db, actor } = await signedIn();
  await markInboxRead(db, actor);
  revalidatePath("/", "layout");
}
