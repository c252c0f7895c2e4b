import { readCappedBody } from "@/core/shared/capped-body";
import { DomainError } from "@/core/shared/errors";
import type { FieldNames } from "./fields";

/**
 * The largest JSON body the API reads. Its largest request, a recognition for 50 people with a
 * 2,000-character message, is a small fraction of this; a bigger body is refused before it fills memory.
 */
export const MAX_API_BODY_BYTES = 64 * 1024;

/**
 * The request's JSON object with its fields renamed for the use case. Anything else is refused with a
 * message naming the problem: a body over the size limit (413), an empty body, broken JSON, a body that
 * is not an object, or a field the endpoint does not take (usually a typo that would otherwise be
 * silently ignored). The result is typed
 * as the use case's input without being checked here: the use case validates every field itself.
 */
export async function readJsonBody<UseCaseInput>(
  request: Request,
  fields: FieldNames,
): Promise<UseCaseInput> {
  const text = await readCappedBody(request, MAX_API_BODY_BYTES);
  if (text === null) {
    throw new DomainError(
      "too_large",
      `The request body is over the limit of ${MAX_API_BODY_BYTES / 1024} KB.`,
    );
  }
  if (text.trim() === "") throw new DomainError("invalid", "Send a JSON object in the request body.");
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new DomainError("invalid", `The request body is not valid JSON: ${reason}`);
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new DomainError("invalid", "The request body must be a JSON object.");
  }
  const input: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(body)) {
    const target = Object.hasOwn(fields, name) ? fields[name] : undefined;
    if (target === undefined) {
      throw new DomainError(
        "invalid",
        `Unknown field "${name}"; the fields are ${Object.keys(fields).join(", ")}.`,
        { field: name },
      );
    }
    input[target] = value;
  }
  return input as UseCaseInput;
}
