import type { z } from "zod";
import { DomainError } from "./errors";

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
