import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const driver = path.resolve(import.meta.dirname, "../../node_modules/postgres");

describe("the PostgreSQL driver as installed", () => {
  // patches/postgres+3.4.9.patch, applied by `npm ci` (postinstall): a write scheduled just before the
  // connection closes must not throw from a timer, where no caller can catch it (porsager/postgres#1154).
  it.each(["src", "cjs/src"])("skips a write to a connection that has closed (%s)", (build) => {
    const source = readFileSync(path.join(driver, build, "connection.js"), "utf8");
    expect(source).toMatch(/function nextWrite\(fn\) \{\n(?:\s*\/\/.*\n)*\s*if \(socket === null\) \{/);
  });
});
