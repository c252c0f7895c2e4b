import { describe, expect, it } from "vitest";
import { sameOriginPath } from "../../app/_lib/same-origin-path";

/** Return addresses that lead a browser, or a careless decoder, to another site, or aren't paths at all. */
const HOSTILE: unknown[] = [
  "//evil.example/phish",
  "/\\evil.example/phish",
  "\\/evil.example",
  "/\\/evil.example",
  "/%5Cevil.example/phish",
  "/%5cevil.example/phish",
  "/%5C%5Cevil.example",
  "/\t/evil.example",
  "/%09/evil.example",
  "/\n/evil.example",
  "/%0A/evil.example",
  "/%0d%0a/evil.example",
  "/\r\n//evil.example",
  "/\u0000/evil.example",
  "/%00/evil.example",
  "/\u007f/evil.example",
  "/%7F/evil.example",
  "/a/..//evil.example",
  "/./%2e%2e//evil.example",
  "https://evil.example/phish",
  "http:evil.example",
  "javascript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "evil.example",
  " /feed",
  "",
  undefined,
  null,
  ["/feed"],
  42,
];

describe("a return address after signing in", () => {
  it.each(HOSTILE.map((value) => [JSON.stringify(value) ?? String(value), value]))(
    "refuses %s",
    (_name, value) => {
      expect(sameOriginPath(value)).toBeNull();
    },
  );

  it("keeps a path on this site with its query and fragment", () => {
    expect(sameOriginPath("/")).toBe("/");
    expect(sameOriginPath("/rewards/redemptions?status=failed#latest")).toBe(
      "/rewards/redemptions?status=failed#latest",
    );
    expect(sameOriginPath("/finance/bills/2026-11/download?format=pdf")).toBe(
      "/finance/bills/2026-11/download?format=pdf",
    );
  });

  it("gives the path as a browser would read it", () => {
    expect(sameOriginPath("/admin/../rewards")).toBe("/rewards");
    expect(sameOriginPath("/people/Ana Souza")).toBe("/people/Ana%20Souza");
    // Encoded slashes stay inside the path: they do not start a host.
    expect(sameOriginPath("/%2F%2Fevil.example")).toBe("/%2F%2Fevil.example");
  });
});
