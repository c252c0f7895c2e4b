import { DomainError } from "@/core/shared/errors";

/** A query parameter's text; an empty value counts as absent. */
export function textParam(query: URLSearchParams, name: string): string | undefined {
  return query.get(name) || undefined;
}

export function wholeNumberParam(query: URLSearchParams, name: string): number | undefined {
  const text = textParam(query, name);
  if (text === undefined) return undefined;
  if (!/^\d{1,9}$/.test(text)) {
    throw new DomainError("invalid", `${name} must be a whole number.`, { field: name });
  }
  return Number(text);
}

export function booleanParam(query: URLSearchParams, name: string): boolean | undefined {
  const text = textParam(query, name);
  if (text === undefined) return undefined;
  if (text !== "true" && text !== "false") {
    throw new DomainError("invalid", `${name} must be true or false.`, { field: name });
  }
  return text === "true";
}
