"use server";

import { randomUUID } from "node:crypto";
import { revalidatePath } from "next/cache";
import { formAction, formIdempotencyKey, type Lookup, lookupAction, textField } from "@/app/_lib/form-state";
import { signedIn } from "@/app/_lib/viewer";
import { describeGiveBonus } from "@/core/campaigns/bonus-text";
import { givePoints } from "@/core/giving/give-points";
import { getDisplayNames } from "@/core/people/get-display-names";
import { type ColleagueSearch, searchColleagues } from "@/core/people/search-colleagues";
import { DomainError, isDomainError } from "@/core/shared/errors";
import { countedGive } from "@/observability/metrics";
import { describeGift, type GiveFormState } from "./give-state";

const SEARCH_LENGTH = 100;

function textList(form: FormData, name: string): string[] {
  return form.getAll(name).filter((value): value is string => typeof value === "string");
}

/** Colleagues the viewer could thank whose name or email contains `query`. */
export async function searchPeople(query: unknown): Promise<Lookup<ColleagueSearch>> {
  const { db, actor } = await signedIn();
  const text = typeof query === "string" ? query.slice(0, SEARCH_LENGTH) : "";
  return lookupAction(() => searchColleagues(db, actor, { query: text }));
}

/** Gives points from the viewer's allowance; the form's key makes a double submit take effect once. */
export async function give(_previous: GiveFormState, form: FormData): Promise<GiveFormState> {
  const { db, actor, org } = await signedIn();
  const recipientIds = textList(form, "recipientIds");
  // Text that is not a whole number reaches the use case as NaN, which it refuses by name.
  const amount = Number(textField(form, "amount") ?? Number.NaN);
  let keySpent = false;
  const state = await formAction(async () => {
    const given = givePoints(db, actor, {
      recipientIds,
      amount,
      message: textField(form, "message") ?? "",
      values: textList(form, "values"),
      source: "web",
      idempotencyKey: formIdempotencyKey(form),
    });
    const result = await countedGive("web", given, (error) => isDomainError(error)).catch(
      (error: unknown) => {
        // The key was taken by an earlier give from this form whose answer never arrived.
        if (!isDomainError(error, "idempotency_conflict")) throw error;
        keySpent = true;
        revalidatePath("/", "layout");
        throw new DomainError(
          "idempotency_conflict",
          "Your previous give from this form already went through, so this one wasn't sent. Check the feed, then give again if you meant to.",
        );
      },
    );
    revalidatePath("/", "layout");
    // Each person once, in the order chosen, however the form spelled their ids (the ledger's are lower case).
    const thanked = [...new Set(recipientIds.map((id) => id.toLowerCase()))];
    const names = await getDisplayNames(db, actor, { people: thanked });
    const recipientNames = thanked.map((id) => names.people[id] ?? "a colleague");
    return [describeGift(amount, recipientNames, org.pointValue), describeGiveBonus(result, amount)]
      .filter(Boolean)
      .join(" ");
  });
  return state.status === "ok" || keySpent ? { ...state, nextIdempotencyKey: randomUUID() } : state;
}
