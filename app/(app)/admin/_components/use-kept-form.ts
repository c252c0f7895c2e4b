"use client";

import { useActionState } from "react";
import { type FormState, IDLE } from "@/app/_lib/form-state";

export type ServerFormAction = (state: FormState, form: FormData) => Promise<FormState>;

interface Submission {
  state: FormState;
  form: FormData | null;
  count: number;
}

/**
 * A form over a server action that keeps what the person typed when the action refuses it.
 *
 * React resets a form's uncontrolled fields once its action settles, to their `defaultValue`. Fields
 * read their default through `kept`, which after a refusal is the submitted text, and sit under
 * `fieldsKey`: remounting them is the only way a `<select>` or radio group takes a new default.
 */
export function useKeptForm(serverAction: ServerFormAction) {
  const [submission, action] = useActionState(
    async (previous: Submission, form: FormData): Promise<Submission> => ({
      state: await serverAction(previous.state, form),
      form,
      count: previous.count + 1,
    }),
    { state: IDLE, form: null, count: 0 },
  );
  const { state } = submission;
  const refused = state.status === "error" ? submission.form : null;
  // Filled as this render's fields ask for their errors; the form's message renders after them.
  const placed = new Set<string>();
  return {
    state,
    action,
    /**
     * For `<FormMessage {...form.message} />` after the fields: the refusal, unless a field asked for
     * its part of it through `error`, and so shows it beside itself already.
     */
    message: { state, placed },
    fieldsKey: submission.count,
    /** What was typed in `name` if the last submit was refused, else `fallback`. */
    kept(name: string, fallback = ""): string {
      const value = refused?.get(name);
      return typeof value === "string" ? value : fallback;
    },
    /** Every value sent as `name` (ticked boxes) if the last submit was refused, else `fallback`. */
    keptAll(name: string, fallback: readonly string[]): readonly string[] {
      return refused ? refused.getAll(name).filter((value) => typeof value === "string") : fallback;
    },
    /** The reason the last submit was refused because of `name`, if it was. */
    error(name: string): string | undefined {
      placed.add(name);
      return state.status === "error" ? state.fieldErrors[name] : undefined;
    },
  };
}
