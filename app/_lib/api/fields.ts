import { DomainError, isDomainError } from "@/core/shared/errors";

/**
 * Every field an endpoint accepts, by its API name (snake_case), with the name of the use-case input it
 * feeds. A request is renamed one way on the way in (see readJsonBody), and a use case's complaint about
 * a field the other way on the way out, so an error always names the field the caller sent.
 */
export type FieldNames = Readonly<Record<string, string>>;

/** The API's name for a use-case field; a path like `recipientIds.0` keeps its index. */
function apiField(useCasePath: string, fields: FieldNames): string {
  const [head = "", ...rest] = useCasePath.split(".");
  const apiName = Object.entries(fields).find(([, name]) => name === head)?.[0] ?? head;
  return [apiName, ...rest].join(".");
}

/** Awaits a use case, renaming the field its refusal blames to the API's name for it. */
export async function inApiTerms<Result>(fields: FieldNames, work: Promise<Result>): Promise<Result> {
  try {
    return await work;
  } catch (error) {
    if (!isDomainError(error) || typeof error.details.field !== "string") throw error;
    const field = apiField(error.details.field, fields);
    throw new DomainError(error.code, error.message, { ...error.details, field });
  }
}
