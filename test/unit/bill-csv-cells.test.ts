import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { csvRows, neutralised } from "../../core/billing/bill-csv";

describe("the bill's CSV cells", () => {
  it("quotes a field that holds a line break of any kind, so that no reader ends the record there", () => {
    const row = ["Cy\nTwo Lines", "a\rb", "c\r\nd", "plain", " padded", 'say "hi"', "a,b"];
    const text = csvRows([row]);
    expect(text).toBe('"Cy\nTwo Lines","a\rb","c\r\nd",plain," padded","say ""hi""","a,b"\r\n');
    expect(parse(text)).toEqual([row]);
  });

  it("neutralises text a spreadsheet would run, and only that", () => {
    expect(["=SUM(A1)", "+1", "-2", "@x", "\tTab", "\rCR"].map(neutralised)).toEqual([
      "'=SUM(A1)",
      "'+1",
      "'-2",
      "'@x",
      "'\tTab",
      "'\rCR",
    ]);
    expect(["Ana", "a=b", "1+1", "", null].map(neutralised)).toEqual(["Ana", "a=b", "1+1", "", ""]);
  });
});
