"use client";

import Link from "next/link";
import { type FormEvent, useActionState, useEffect, useRef, useState } from "react";
import { describedBy, Field, FormMessage, SubmitButton } from "@/app/_components/form";
import { buttonClass, inputClass, linkClass } from "@/app/_components/styles";
import { IDLE } from "@/app/_lib/form-state";
import { runImport } from "./actions";
import { ImportPreview, importableCount } from "./import-preview";
import { type ImportState, MAX_CSV_BYTES, SIZE_LIMIT_TEXT, tooLargeMessage } from "./import-state";

const FILE_ID = "csv-file";
const TEXT_ID = "csv-text";
const INITIAL: ImportState = IDLE;

/**
 * Step 1 previews the CSV (a dry run); step 2, offered only when the preview found no problems, imports
 * exactly the text that was previewed. A chosen file is read into the text box, so the text box is the
 * one thing sent: the request carries the CSV once, and a small fix can be made before previewing again.
 */
export function ImportForm() {
  const [state, action, pending] = useActionState(runImport, INITIAL);
  const [text, setText] = useState("");
  const [reading, setReading] = useState(false);
  const [fileError, setFileError] = useState<string | undefined>();
  // The state whose preview no longer matches the text, because the text changed after it.
  const [staleState, setStaleState] = useState<ImportState | null>(null);

  const preview = state !== staleState ? state.preview : undefined;
  const importable = preview ? importableCount(preview.result) : 0;

  function changeText(next: string) {
    setText(next);
    setStaleState(state);
  }

  async function readChosenFile(input: HTMLInputElement) {
    const file = input.files?.[0];
    setFileError(undefined);
    if (!file) return;
    if (file.size > MAX_CSV_BYTES) {
      setFileError(tooLargeMessage(file.size));
      input.value = "";
      return;
    }
    setReading(true);
    try {
      changeText(await file.text());
    } catch {
      setFileError("That file could not be read; choose it again.");
    } finally {
      setReading(false);
    }
  }

  // A file chosen before this form hydrated fired its change event with no one listening.
  const fileInput = useRef<HTMLInputElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once, for the file chosen before hydration.
  useEffect(() => {
    if (fileInput.current?.files?.length) void readChosenFile(fileInput.current);
  }, []);

  function refuseIfTooLarge(event: FormEvent<HTMLFormElement>) {
    const bytes = new Blob([text]).size;
    if (bytes > MAX_CSV_BYTES) {
      event.preventDefault();
      setFileError(tooLargeMessage(bytes));
    }
  }

  return (
    <div className="space-y-6">
      <form action={action} onSubmit={refuseIfTooLarge} noValidate className="space-y-5">
        <input type="hidden" name="intent" value="preview" />
        <Field
          id={FILE_ID}
          label="CSV file"
          hint={`A .csv file up to ${SIZE_LIMIT_TEXT}, with a header row. Its text appears below.`}
          error={fileError}
        >
          <input
            id={FILE_ID}
            ref={fileInput}
            type="file"
            accept=".csv,text/csv"
            onChange={(event) => readChosenFile(event.target)}
            className={`${inputClass} file:mr-3 file:rounded-md file:border-0 file:bg-amber-50 file:px-3 file:py-1 file:text-sm file:font-medium file:text-amber-900`}
            {...describedBy(FILE_ID, fileError)}
          />
        </Field>
        <Field id={TEXT_ID} label="CSV text" hint="Or paste the text here instead of choosing a file.">
          <textarea
            id={TEXT_ID}
            name="csvText"
            rows={8}
            spellCheck={false}
            wrap="off"
            value={text}
            onChange={(event) => changeText(event.target.value)}
            className={`${inputClass} font-mono text-xs`}
            aria-describedby={`${TEXT_ID}-hint`}
          />
        </Field>
        {state.preview ? null : <FormMessage state={state} />}
        <button type="submit" className={buttonClass} disabled={reading || pending} aria-busy={pending}>
          {reading ? "Reading the file…" : pending ? "Working…" : "Preview"}
        </button>
      </form>

      {preview ? (
        <div className="space-y-5 border-t border-stone-200 pt-6">
          <ImportPreview result={preview.result} />
          {importable > 0 ? (
            <form action={action}>
              <input type="hidden" name="intent" value="import" />
              <input type="hidden" name="csvText" value={preview.csv} />
              <SubmitButton pending="Importing…">
                Import {importable} {importable === 1 ? "person" : "people"}
              </SubmitButton>
            </form>
          ) : null}
        </div>
      ) : state.preview ? (
        <p className="text-sm text-stone-600">The text changed since the preview; preview it again.</p>
      ) : null}

      {state.status === "ok" && !state.preview ? (
        <Link href="/admin/people" className={linkClass}>
          See everyone on the People page
        </Link>
      ) : null}
    </div>
  );
}
