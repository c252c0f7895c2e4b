/** A stand-in origin: a path is resolved against it only to see whether it stays there. */
const HERE = new URL("http://plaudit.invalid");

/**
 * Backslashes and control characters, raw or percent-encoded. Browsers read `/\host` as `//host` and drop
 * tabs and newlines from URLs, so `/\evil.example` and `/<tab>/evil.example` lead to another site.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it looks for.
const TRICKS = /[\\\u0000-\u001f\u007f]|%(?:5c|[01][0-9a-f]|7f)/i;

/**
 * The path, query and fragment of `value` when it is a path on this site, else null. A return address
 * (`callbackUrl`) comes from the address bar, so anyone can write one: only a path that resolves to this
 * origin, and stays a path once a browser has normalised it, is followed.
 */
export function sameOriginPath(value: unknown): string | null {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//")) return null;
  if (TRICKS.test(value)) return null;
  let url: URL;
  try {
    url = new URL(value, HERE);
  } catch {
    return null;
  }
  if (url.origin !== HERE.origin) return null;
  const path = url.pathname + url.search + url.hash;
  // `/a/..//evil.example` normalises to `//evil.example`, which a browser reads as another host.
  return path.startsWith("//") ? null : path;
}
