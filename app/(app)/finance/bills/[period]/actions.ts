"use server";

import { revalidatePath } from "next/cache";
import { type FormState, formAction, textField } from "@/app/_lib/form-state";
import { signedIn } from "@/app/_lib/viewer";
import { closeBill } from "@/core/billing/close-bill";
import { monthName } from "../../_components/bill-text";

export async function closeBillNow(_previous: FormState, form: FormData): Promise<FormState> {
  const { db, actor } = await signedIn();
  return formAction(async () => {
    const bill = await closeBill(db, actor, { period: textField(form, "period") ?? "" });
    // The list shows the number too, and the next open bill's outlook names the number after this one.
    revalidatePath("/finance", "layout");
    return `The ${monthName(bill.period)} bill is closed as ${bill.number}.`;
  });
}
