import { z } from "zod";
import { DomainError } from "./errors";

/**
 * The control characters, bar tab, line feed and carriage return. PostgreSQL refuses a NUL byte in text
 * outright, and the others have no business in a name, a message or a search; none of them is typed by
 * a person, so text holding one is refused as invalid rather than stored or sent to the database.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this pattern's job.
const CONTROL_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export const CONTROL_CHARACTER_MESSAGE = "Remove the control characters (such as a NUL byte) from this text.";

export function hasControlCharacter(value: string): boolean {
  return CONTROL_CHARACTER.test(value);
}

/**
 * A string schema, as `z.string(typeMessage)` is, that refuses control characters. Every string a use
 * case takes from outside - typed text, search terms, filters, cursors, keys - starts here, so none
 * reaches the database with a character it refuses (a unit test finds any `z.string()` elsewhere in core/).
 */
export function text(typeMessage?: string) {
  return z.string(typeMessage).refine((value) => !hasControlCharacter(value), CONTROL_CHARACTER_MESSAGE);
}

/**
 * A whole file's text, whose pieces are checked where they are read (a CSV's cells, in readPerson), so
 * that a control character is blamed on its row and column rather than on the file.
 */
export function fileText() {
  return z.string();
}

/**
 * An id, written the one way the database writes it (lower case): ids that differ only in case are the
 * same row, and a list is de-duplicated after this.
 */
export function uuid(message?: string) {
  return z.uuid(message).toLowerCase();
}

/** Whether a value read from a cursor or a link is an id at all. */
export function isId(value: unknown): boolean {
  return z.uuid().safeParse(value).success;
}

/** Parses use-case input; a failure names each bad field so forms can show the message beside it. */
export function parseInput<Schema extends z.ZodType>(schema: Schema, input: unknown): z.output<Schema> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fieldErrors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path.length > 0 ? issue.path.join(".") : "_";
    fieldErrors[field] ??= issue.message;
  }
  const [firstField, firstMessage] = Object.entries(fieldErrors)[0] ?? ["_", "Invalid input."];
  throw new DomainError("invalid", firstMessage, { field: firstField, fieldErrors });
}
