import { isDomainError } from "@/core/shared/errors";
import { isDatabaseUnavailable } from "@/db/availability";
import { OUTAGE_MESSAGE } from "./outage-message";

/** What a server action tells its form: nothing yet, success, or why it was refused and which field is to blame. */
export type FormState =
  | { status: "idle" }
  | { status: "ok"; message: string; at: number }
  | { status: "error"; message: string; fieldErrors: Record<string, string>; at: number };

export const IDLE: FormState = { status: "idle" };

/**
 * Runs a form's one core call and turns a refusal into a message beside the field that caused it, and a
 * database outage into a message that nothing was changed (the form keeps what was typed). Anything else
 * is a bug and propagates to the error page.
 */
export async function formAction(work: () => Promise<string>): Promise<FormState> {
  try {
    return { status: "ok", message: await work(), at: Date.now() };
  } catch (error) {
    if (isDatabaseUnavailable(error)) {
      return { status: "error", message: OUTAGE_MESSAGE, fieldErrors: {}, at: Date.now() };
    }
    if (!isDomainError(error)) throw error;
    const fieldErrors = { ...((error.details.fieldErrors as Record<string, string> | undefined) ?? {}) };
    const field = error.details.field;
    if (typeof field === "string" && !fieldErrors[field]) fieldErrors[field] = error.message;
    return { status: "error", message: error.message, fieldErrors, at: Date.now() };
  }
}

/** What a server action that fills part of a page as someone types answers: what it found, or why not. */
export type Lookup<Found> = { status: "ok"; found: Found } | { status: "error"; message: string };

/**
 * Runs a lookup's core call and turns a refusal into its message, for the page to show where the answer
 * would have been. As with forms, anything that is not a refusal is a bug and propagates.
 */
export async function lookupAction<Found>(work: () => Promise<Found>): Promise<Lookup<Found>> {
  try {
    return { status: "ok", found: await work() };
  } catch (error) {
    if (!isDomainError(error)) throw error;
    return { status: "error", message: error.message };
  }
}

/** A form field's text, or undefined when it was left empty. */
export function textField(form: FormData, name: string): string | undefined {
  const value = form.get(name);
  if (typeof value !== "string") return undefined;
  const trimmed = value.trim();
  return trimmed === "" ? undefined : trimmed;
}

/** A whole-number field; text that is not a number is passed on as NaN for the use case to refuse by name. */
export function numberField(form: FormData, name: string): number | undefined {
  const text = textField(form, name);
  return text === undefined ? undefined : Number(text);
}

/** The refusal for a field, including zod's per-item paths such as `recipientIds.0`. */
export function fieldError(state: FormState, field: string): string | undefined {
  if (state.status !== "error") return undefined;
  return Object.entries(state.fieldErrors).find(
    ([name]) => name === field || name.startsWith(`${field}.`),
  )?.[1];
}

/** What a points box holds as a whole number, for live totals; anything else counts as nothing yet. */
export function wholePoints(text: string): number {
  return /^\s*\d+\s*$/.test(text) ? Number(text) : 0;
}

/**
 * The idempotency key a form was rendered with, in the web's own namespace: keys are unique per org
 * across every source, so a key typed into a form can never take one that Slack or the API will use.
 */
export function formIdempotencyKey(form: FormData): string {
  const key = textField(form, "idempotencyKey");
  return key ? `web:${key}` : "";
}
