"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/app/_lib/form-state";
import { signedIn } from "@/app/_lib/viewer";
import type { ImportPeopleResult } from "@/core/people/import/types";
import { importPeople } from "@/core/people/import-people";
import { type ImportState, MAX_CSV_BYTES, tooLargeMessage } from "./import-state";

function refusal(message: string): ImportState {
  return { status: "error", message, fieldErrors: {}, at: Date.now() };
}

function peopleCount(count: number): string {
  return `${count} ${count === 1 ? "person" : "people"}`;
}

function importedMessage({ create, update }: ImportPeopleResult["totals"]): string {
  const parts = [create > 0 ? `${create} added` : "", update > 0 ? `${update} updated` : ""].filter(Boolean);
  return `Imported ${peopleCount(create + update)}${parts.length > 0 ? `: ${parts.join(", ")}` : ""}.`;
}

/**
 * Previews the CSV (a dry run) or, with the "import" intent, imports it. Either way the whole file is
 * checked first and nothing is written while any row is bad.
 */
export async function runImport(_previous: ImportState, form: FormData): Promise<ImportState> {
  const { db, actor } = await signedIn();
  const submitted = form.get("csvText");
  const csv = typeof submitted === "string" ? submitted : "";
  if (csv.trim() === "") return refusal("Choose a CSV file or paste its text first.");
  const bytes = Buffer.byteLength(csv);
  if (bytes > MAX_CSV_BYTES) return refusal(tooLargeMessage(bytes));

  let result: ImportPeopleResult | undefined;
  const state = await formAction(async () => {
    result = await importPeople(db, actor, { csv, dryRun: form.get("intent") !== "import" });
    return result.written ? importedMessage(result.totals) : "Preview ready; nothing has been imported.";
  });
  if (!result) return state;
  if (!result.written) return { ...state, preview: { csv, result } };
  // New reports and changed managers move allowances shown in the header and on the team page.
  revalidatePath("/(app)", "layout");
  return state;
}
