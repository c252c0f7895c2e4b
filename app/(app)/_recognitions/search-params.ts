/** A page's search params as Next passes them: a name may be missing, given once, or repeated. */
export type SearchParams = Record<string, string | string[] | undefined>;

/** The first non-empty value of a search param; an empty filter (`?value=`) means no filter. */
export function firstParam(params: SearchParams, name: string): string | undefined {
  const raw = params[name];
  const value = Array.isArray(raw) ? raw[0] : raw;
  return value ? value : undefined;
}

/** One of `choices`, or the first choice when the param is missing or not one of them. */
export function choiceParam<Choice extends string>(
  params: SearchParams,
  name: string,
  choices: readonly [Choice, ...Choice[]],
): Choice {
  const value = firstParam(params, name);
  return choices.find((choice) => choice === value) ?? choices[0];
}

/** A link to `path` carrying the given params, leaving out the empty ones. */
export function hrefWith(path: string, params: Record<string, string | undefined>): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value) query.set(name, value);
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}
