import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  csvRows,
  decimalAmount,
  neutralised,
  sqlCsvField,
  sqlCsvText,
  sqlDecimal,
} from "../../core/billing/bill-csv";
import { workerDatabase } from "../support/database";

const database = workerDatabase();

/** Every character JavaScript's `\s` matches, and near misses it does not. */
const WHITESPACE = [..."\t\n\v\f\r \u00a0\u1680\u2000\u2005\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"];
const NOT_WHITESPACE = ["\u0085", "\u180e", "\u200b", "\u0001"];
const AWKWARD = ['"', ",", "=", "+", "-", "@", "'", "😀", "É", "a", "1", ";"];

/** A cell as `csvRows` writes it, without the line end. */
const jsField = (text: string) => csvRows([[text]]).slice(0, -2);

const texts = fc.array(fc.constantFrom(...WHITESPACE, ...NOT_WHITESPACE, ...AWKWARD), { maxLength: 6 });

describe("the bill CSV's rules in SQL", () => {
  it("quote and neutralise every cell to the same bytes as the JavaScript rules", async () => {
    const { sql } = await database();
    const neutralisedCell = sqlCsvText("$1::text");
    const plainCell = sqlCsvField("$1::text");
    const fixed = [
      null,
      "",
      ...WHITESPACE.flatMap((space) => [
        space,
        `${space}x`,
        `x${space}`,
        `x${space}x`,
        `=${space}`,
        `${space}=`,
      ]),
    ];
    const cases = [...fixed, ...fc.sample(texts, 400).map((chars) => chars.join(""))];
    for (const text of cases) {
      const [row] = await sql.unsafe<{ neutral: string; plain: string | null }[]>(
        `select ${neutralisedCell} as neutral, ${plainCell} as plain`,
        [text],
      );
      expect(row?.neutral, JSON.stringify(text)).toBe(jsField(neutralised(text)));
      if (text !== null) expect(row?.plain, JSON.stringify(text)).toBe(jsField(text));
    }
  });

  it("write money with each currency's decimals, signs and zeros as decimalAmount does", async () => {
    const { sql } = await database();
    const amounts = [0, 1, 5, 9, 10, 99, 100, 101, 1234, -1, -5, -100, -1234, 123_456_789_012, -999_999];
    for (const currency of ["USD", "JPY", "KWD", "EUR"]) {
      const rows = await sql.unsafe<{ text: string }[]>(
        `select ${sqlDecimal("a", currency)} as text from unnest($1::bigint[]) with ordinality as x(a, i) order by i`,
        [amounts],
      );
      expect(rows.map((row) => row.text)).toEqual(amounts.map((minor) => decimalAmount(minor, currency)));
    }
  });
});
