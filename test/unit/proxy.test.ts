import { createHash } from "node:crypto";
import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { openApiDocument } from "../../app/api/v1/openapi";
import { proxy } from "../../proxy";

afterEach(() => {
  vi.unstubAllEnvs();
});

function request(path: string, init: { method?: string; headers?: Record<string, string> } = {}) {
  return new NextRequest(`http://localhost:3000${path}`, init);
}

const SIGNED_IN = { cookie: "authjs.session-token=a-session" };

/** The directives of a Content-Security-Policy by name. */
function directives(policy: string | null): Map<string, string[]> {
  return new Map(
    (policy ?? "").split(";").map((directive) => {
      const [name = "", ...sources] = directive.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

function nonceOf(policy: string | null): string | undefined {
  return /'nonce-([^']+)'/.exec(policy ?? "")?.[1];
}

function expectHardened(response: Response): void {
  const headers = response.headers;
  const policy = directives(headers.get("content-security-policy"));
  const scripts = policy.get("script-src") ?? [];
  expect(scripts).toContain("'strict-dynamic'");
  expect(scripts.some((source) => source.startsWith("'nonce-"))).toBe(true);
  expect(scripts).not.toContain("'unsafe-inline'");
  expect(scripts).not.toContain("'unsafe-eval'");
  expect(policy.get("style-src")).not.toContain("'unsafe-inline'");
  // Style attributes: exactly `display:none`, which React's streamed SVG parts are parked under.
  const hidden = `'sha256-${createHash("sha256").update("display:none").digest("base64")}'`;
  expect(policy.get("style-src-attr")).toEqual(["'unsafe-hashes'", hidden]);
  expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
  expect(policy.get("object-src")).toEqual(["'none'"]);
  expect(policy.get("base-uri")).toEqual(["'none'"]);
  expect(headers.get("x-content-type-options")).toBe("nosniff");
  expect(headers.get("x-frame-options")).toBe("DENY");
  expect(headers.get("referrer-policy")).toBe("same-origin");
  expect(headers.get("permissions-policy")).toContain("camera=()");
}

describe("the security headers", () => {
  it("are on pages, API answers, sign-in redirects and assets alike", () => {
    for (const response of [
      proxy(request("/", { headers: SIGNED_IN })),
      proxy(request("/rewards")),
      proxy(request("/signin")),
      proxy(request("/api/v1/people")),
      proxy(request("/api/v1/nothing-here")),
      proxy(request("/api/health")),
      proxy(request("/finance/bills/2026-11/download?format=csv", { headers: SIGNED_IN })),
      proxy(request("/_next/static/chunks/app.js")),
    ]) {
      expectHardened(response);
    }
  });

  it("hand the page the same nonce the browser is told, a new one for every request", () => {
    const first = proxy(request("/", { headers: SIGNED_IN }));
    const told = first.headers.get("content-security-policy");
    // Next.js reads the nonce for its scripts from the request's policy, passed on as an override.
    const passedOn = first.headers.get("x-middleware-request-content-security-policy");
    expect(nonceOf(told)).toBeDefined();
    expect(passedOn).toBe(told);
    const second = proxy(request("/", { headers: SIGNED_IN }));
    expect(nonceOf(second.headers.get("content-security-policy"))).not.toBe(nonceOf(told));
  });

  it("allow reward pictures from HTTPS hosts and the sandbox provider only", () => {
    vi.stubEnv("PLAUDIT_SANDBOX_URL", "http://127.0.0.1:4010/api/v2");
    const policy = directives(
      proxy(request("/rewards", { headers: SIGNED_IN })).headers.get("content-security-policy"),
    );
    expect(policy.get("img-src")).toEqual(["'self'", "data:", "blob:", "https:", "http://127.0.0.1:4010"]);
  });

  it("ask for HTTPS from then on only when the browser came over HTTPS", () => {
    const hsts = (response: Response) => response.headers.get("strict-transport-security");
    const upgrades = (response: Response) =>
      directives(response.headers.get("content-security-policy")).has("upgrade-insecure-requests");

    const plain = proxy(request("/signin"));
    expect(hsts(plain)).toBeNull();
    expect(upgrades(plain)).toBe(false);

    const forwarded = proxy(request("/signin", { headers: { "x-forwarded-proto": "https" } }));
    expect(hsts(forwarded)).toBe("max-age=31536000; includeSubDomains");
    expect(upgrades(forwarded)).toBe(true);
    // A chain of proxies lists every hop; the first is the browser's.
    expect(
      hsts(proxy(request("/signin", { headers: { "x-forwarded-proto": "https, http" } }))),
    ).not.toBeNull();
    expect(hsts(proxy(request("/signin", { headers: { "x-forwarded-proto": "http" } })))).toBeNull();

    vi.stubEnv("AUTH_URL", "https://plaudit.acme.example");
    expect(hsts(proxy(request("/api/health")))).toBe("max-age=31536000; includeSubDomains");
    // A proxy that says the browser used plain HTTP is believed over the configured URL.
    expect(hsts(proxy(request("/api/health", { headers: { "x-forwarded-proto": "http" } })))).toBeNull();
  });
});

describe("the sign-in redirect", () => {
  it("sends a signed-out visitor to sign in and back to where they were going", () => {
    const response = proxy(request("/rewards/redemptions?status=failed"));
    expect(response.status).toBe(307);
    const location = new URL(response.headers.get("location") ?? "");
    expect(location.pathname).toBe("/signin");
    expect(location.searchParams.get("callbackUrl")).toBe("/rewards/redemptions?status=failed");
  });

  it("leaves the sign-in pages, the APIs and assets to answer for themselves", () => {
    for (const path of [
      "/signin",
      "/signin/refused",
      "/api/v1/people",
      "/api/auth/session",
      "/_next/static/a.js",
    ]) {
      expect(proxy(request(path)).headers.get("x-middleware-next"), path).toBe("1");
    }
  });
});

describe("an API request no route takes", () => {
  async function errorOf(response: Response) {
    expect(response.headers.get("content-type")).toContain("application/json");
    return ((await response.json()) as { error: { code: string; message: string } }).error;
  }

  it("answers 404 in the API's error shape for a path the API does not have", async () => {
    for (const path of [
      "/api/v1/nothing-here",
      "/api/v1/people/x/y/z",
      "/api/v1/",
      "/api/v1/openapi.jsonx",
    ]) {
      const response = proxy(request(path));
      expect(response.status, path).toBe(404);
      const error = await errorOf(response);
      expect(error.code).toBe("not_found");
      expect(error.message).toContain("/api/v1/openapi.json");
    }
  });

  it("answers 405 with Allow for a method the path does not answer", async () => {
    const response = proxy(request("/api/v1/people", { method: "DELETE" }));
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET, HEAD, OPTIONS, POST");
    const error = await errorOf(response);
    expect(error.code).toBe("method_not_allowed");
    expect(error.message).toContain("DELETE");

    const balances = proxy(
      request("/api/v1/people/9d3c6c2e-0000-4000-8000-000000000001/balances", { method: "POST" }),
    );
    expect(balances.status).toBe(405);
    expect(balances.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
  });

  it("passes every documented operation, HEAD and OPTIONS on to its route", () => {
    const operations = Object.entries(openApiDocument.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => [method.toUpperCase(), path.replace(/\{\w+\}/g, "some-id")]),
    );
    expect(operations.length).toBeGreaterThan(10);
    for (const [method = "", path = ""] of [
      ...operations,
      ["HEAD", "/api/v1/people"],
      ["OPTIONS", "/api/v1/recognitions"],
    ]) {
      expect(proxy(request(path, { method })).headers.get("x-middleware-next"), `${method} ${path}`).toBe(
        "1",
      );
    }
  });
});
