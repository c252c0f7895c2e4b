"use server";

import { revalidatePath } from "next/cache";
import { type FormState, formAction, formIdempotencyKey, textField } from "@/app/_lib/form-state";
import { signedIn } from "@/app/_lib/viewer";
import { grantPoints } from "@/core/giving/grant-points";
import { formatPointsWithValue } from "@/core/shared/money";

/** Gives company points to the chosen people; the form's key makes a double submit take effect once. */
export async function grantSpotAward(_previous: FormState, form: FormData): Promise<FormState> {
  const { db, actor, org } = await signedIn();
  const recipientIds = form.getAll("recipientIds").filter((id): id is string => typeof id === "string");
  // Text that is not a whole number reaches the use case as NaN, which it refuses by name.
  const amount = Number(textField(form, "amount") ?? Number.NaN);
  return formAction(async () => {
    const result = await grantPoints(db, actor, {
      recipientIds,
      amount,
      message: textField(form, "message") ?? "",
      idempotencyKey: formIdempotencyKey(form),
    });
    // Balances, the feed and the leaderboard all show the award; the form gets a fresh key either way.
    revalidatePath("/", "layout");
    if (result.replayed) return "That award was already made; nobody was paid twice.";
    const people = new Set(recipientIds).size;
    const each = formatPointsWithValue(amount, org.pointValue);
    if (people === 1) return `Granted ${each} to 1 person.`;
    return `Granted ${each} each to ${people} people (${formatPointsWithValue(amount * people, org.pointValue)} in all).`;
  });
}
