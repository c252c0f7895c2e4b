import fc from "fast-check";

/**
 * What the fuzz properties share: how many runs, which seed, and the kinds of text an attacker or a
 * broken client sends. FUZZ_SEED replays a failure (fast-check prints the seed and path when one fails).
 */

const seedText = process.env.FUZZ_SEED;

/** Run settings for one property; add `examples` beside them for the requests kept as regressions. */
export function fuzzParameters(numRuns = 50) {
  return {
    numRuns,
    ...(seedText ? { seed: Number(seedText) } : {}),
    // One failing request is enough to read; shrinking a database-backed property costs a lot of runs.
    endOnFailure: true,
    interruptAfterTimeLimit: 20_000,
  };
}

/** Characters PostgreSQL, JSON or a terminal treat specially. */
const SPECIALS = [
  "\u0000",
  "a\u0000b",
  "\u0007\u001b[31m",
  "\r\n",
  "\t",
  "\uD800",
  "\uDFFF",
  "\uFEFF",
  "\u202E",
  "💥🎉👩‍👩‍👧",
  "",
  " ",
  "%00",
  "%",
  "_",
  "\\",
  "'; drop table people; --",
  "null",
  "undefined",
  "NaN",
  "-0",
  "<script>alert(1)</script>",
  "Ⅻ",
  "ǅ",
];

/** Text of every kind: printable, any code point, control characters, emoji, and very long. */
export const anyText: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.string({ maxLength: 40 }), weight: 3 },
  { arbitrary: fc.string({ unit: "binary", maxLength: 40 }), weight: 3 },
  { arbitrary: fc.string({ unit: "grapheme", maxLength: 20 }), weight: 2 },
  { arbitrary: fc.constantFrom(...SPECIALS), weight: 4 },
  { arbitrary: fc.constantFrom("x".repeat(5_000), "é".repeat(70_000)), weight: 1 },
);

/** Numbers that break naive handling: negative, zero, fractions, past 32 and 53 bits, huge. */
export const oddNumber: fc.Arbitrary<number> = fc.oneof(
  fc.integer({ min: -5, max: 60 }),
  fc.constantFrom(-1, 0, 0.5, 1.5, 2 ** 31, 2 ** 31 - 1, 2 ** 53, 2 ** 63, 1e308, -1e308, Number.MIN_VALUE),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** Text that looks like a date or an instant, and some that only nearly does. */
export const dateText: fc.Arbitrary<string> = fc.oneof(
  fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
  fc.date({ noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10)),
  fc.constantFrom(
    "2026-02-30",
    "2026-13-01",
    "2026-11-30T23:59:59-05:00",
    "2026-11-30T23:59:59+99:00",
    "2026-11-30 23:59:59.123456+14:00",
    "0000-01-01",
    "9999-12-31T23:59:59.999999Z",
    "+275760-09-13T00:00:00Z",
    "2026-W01",
    "2026-07",
    "yesterday",
  ),
  anyText,
);

/** A uuid as the org knows it, in capitals, somebody else's, or not one at all. */
export function idText(known: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: fc.constantFrom(...known), weight: 3 },
    { arbitrary: fc.constantFrom(...known).map((id) => id.toUpperCase()), weight: 2 },
    { arbitrary: fc.uuid(), weight: 1 },
    { arbitrary: anyText, weight: 1 },
  );
}

/** Page cursors as the lists write them, with what they carry tampered with, and plain junk. */
export function cursorText(known: readonly string[]): fc.Arbitrary<string> {
  const encoded = (text: string) => Buffer.from(text).toString("base64url");
  return fc.oneof(
    fc.tuple(dateText, idText(known)).map(([at, id]) => encoded(`${at}|${id}`)),
    fc.tuple(anyText, idText(known)).map(([name, id]) => encoded(JSON.stringify([name, id]))),
    fc.jsonValue().map((value) => encoded(JSON.stringify(value))),
    anyText,
  );
}

/** Any JSON value at all, for a field or a whole body of the wrong type. */
export const anyJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  anyText,
  oddNumber,
  fc.constant(null),
);
