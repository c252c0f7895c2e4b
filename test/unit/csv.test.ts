import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCsv } from "../../core/shared/csv";
import { DomainError } from "../../core/shared/errors";

function syntaxErrorOf(text: string): DomainError {
  try {
    parseCsv(text);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error("expected a syntax error");
}

describe("parseCsv", () => {
  it("splits plain records and numbers their lines", () => {
    expect(parseCsv("name,email\nAna,ana@x.test\nBo,bo@x.test")).toEqual([
      { line: 1, fields: ["name", "email"] },
      { line: 2, fields: ["Ana", "ana@x.test"] },
      { line: 3, fields: ["Bo", "bo@x.test"] },
    ]);
  });

  it("accepts CRLF, LF and lone CR line breaks alike", () => {
    const expected = [
      { line: 1, fields: ["a", "b"] },
      { line: 2, fields: ["c", "d"] },
      { line: 3, fields: ["e", "f"] },
    ];
    expect(parseCsv("a,b\r\nc,d\r\ne,f\r\n")).toEqual(expected);
    expect(parseCsv("a,b\nc,d\r\ne,f")).toEqual(expected);
    expect(parseCsv("a,b\rc,d\re,f\r")).toEqual(expected);
  });

  it("adds no record for a trailing newline and skips empty lines without losing count", () => {
    expect(parseCsv("a\n\n\nb\n")).toEqual([
      { line: 1, fields: ["a"] },
      { line: 4, fields: ["b"] },
    ]);
    expect(parseCsv("")).toEqual([]);
    expect(parseCsv("\r\n")).toEqual([]);
  });

  it("strips a leading byte-order mark", () => {
    expect(parseCsv("\uFEFFname,email\n")).toEqual([{ line: 1, fields: ["name", "email"] }]);
  });

  it("keeps empty fields, including trailing ones", () => {
    expect(parseCsv(",a,,\n")).toEqual([{ line: 1, fields: ["", "a", "", ""] }]);
  });

  it("unquotes quoted fields with commas and doubled quotes", () => {
    expect(parseCsv('"Doe, Jane","say ""hi""",""\n')).toEqual([
      { line: 1, fields: ["Doe, Jane", 'say "hi"', ""] },
    ]);
  });

  it("keeps line breaks inside quoted fields and counts them for later records", () => {
    expect(parseCsv('id,note\r\n1,"two\r\nlines"\r\n2,"three\nmore\nlines"\n3,x')).toEqual([
      { line: 1, fields: ["id", "note"] },
      { line: 2, fields: ["1", "two\r\nlines"] },
      { line: 4, fields: ["2", "three\nmore\nlines"] },
      { line: 7, fields: ["3", "x"] },
    ]);
  });

  it("keeps spaces around unquoted fields as they are", () => {
    expect(parseCsv(" a , b \n")).toEqual([{ line: 1, fields: [" a ", " b "] }]);
  });

  it("reads back any table written with every field quoted", () => {
    const field = fc.string({ unit: fc.constantFrom("a", " ", ",", '"', "\n", "\r", "é") });
    const table = fc.array(fc.array(field, { minLength: 1, maxLength: 4 }), { maxLength: 5 });
    fc.assert(
      fc.property(table, fc.constantFrom("\n", "\r\n"), (records, newline) => {
        const quote = (value: string) => `"${value.replaceAll('"', '""')}"`;
        const text = records.map((fields) => fields.map(quote).join(",") + newline).join("");
        let line = 1;
        const expected = records.map((fields) => {
          const row = { line, fields };
          for (const value of fields) line += value.split(/\r\n|\r|\n/).length - 1;
          line += 1;
          return row;
        });
        expect(parseCsv(text)).toEqual(expected);
      }),
    );
  });

  it("reports an unterminated quote at the line where the field opened", () => {
    const error = syntaxErrorOf('a,b\n1,"never\nclosed\n2,x\n');
    expect(error.code).toBe("invalid");
    expect(error.details).toEqual({ line: 2 });
    expect(error.message).toMatch(/never closed/);
  });

  it("rejects text after a closing quote", () => {
    const error = syntaxErrorOf('a\n"b"c\n');
    expect(error.details).toEqual({ line: 2 });
    expect(error.message).toMatch(/follows a closing quote/);
  });

  it("rejects a quote inside an unquoted field", () => {
    const error = syntaxErrorOf('a\n\nsize 5"\n');
    expect(error.details).toEqual({ line: 3 });
    expect(error.message).toMatch(/does not start with one/);
  });

  it("reports line numbers after multi-line fields correctly", () => {
    const error = syntaxErrorOf('"x\ny"\n"z"w');
    expect(error.details).toEqual({ line: 3 });
  });
});
