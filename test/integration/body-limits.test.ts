import { randomUUID } from "node:crypto";
import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { MAX_API_BODY_BYTES } from "../../app/_lib/api/body";
import * as authRoute from "../../app/api/auth/[...nextauth]/route";
import * as peopleRoute from "../../app/api/v1/people/route";
import * as recognitionsRoute from "../../app/api/v1/recognitions/route";
import * as redemptionsRoute from "../../app/api/v1/redemptions/route";
import { POST as tremendousWebhook } from "../../app/api/webhooks/tremendous/route";
import { SIGNATURE_HEADER } from "../../providers/tremendous/tremendous-webhooks";
import { answer, type ErrorBody, orgWithKey } from "../support/api-client";
import { appPoolOnWorkerDatabase } from "../support/app-database";
import { workerDatabase } from "../support/database";
import { expectOrgUntouched } from "../support/footprint";
import { oversizedBodies, readNoFurtherThan } from "../support/oversized-bodies";

const database = workerDatabase();

appPoolOnWorkerDatabase();
afterEach(() => {
  vi.unstubAllEnvs();
});

const API_ROUTES = [
  { path: "/people", post: peopleRoute.POST },
  { path: "/recognitions", post: recognitionsRoute.POST },
  { path: "/redemptions", post: redemptionsRoute.POST },
];

// The Tremendous webhook's own cap (app/api/webhooks/tremendous/route.ts), and Auth.js's posts'.
const WEBHOOK_BODY_BYTES = 64 * 1024;
const AUTH_BODY_BYTES = 16 * 1024;

describe("request bodies over the limit", () => {
  for (const route of API_ROUTES) {
    it(`POST /api/v1${route.path}: 413 too_large for each way of sending one, reading no further, writing nothing`, async () => {
      const { db } = await database();
      const { org, apiKey } = await orgWithKey(db);
      for (const oversized of oversizedBodies(MAX_API_BODY_BYTES)) {
        const { headers, ...body } = oversized.request();
        const request = new Request(`http://test/api/v1${route.path}`, {
          method: "POST",
          headers: {
            authorization: `Bearer ${apiKey}`,
            "content-type": "application/json",
            "idempotency-key": randomUUID(),
            ...headers,
          },
          ...body,
        } as RequestInit);

        const refused = await expectOrgUntouched(db, org.id, () => answer<ErrorBody>(route.post(request)));

        expect(refused.status, `${oversized.name}: ${refused.text}`).toBe(413);
        expect(refused.body).toEqual({
          error: { code: "too_large", message: "The request body is over the limit of 64 KB." },
        });
        expect(oversized.pulled(), oversized.name).toBeLessThanOrEqual(readNoFurtherThan(MAX_API_BODY_BYTES));
      }
    });
  }

  it("a body just under the API's limit is read and judged on what it says", async () => {
    const { db } = await database();
    const { org, apiKey } = await orgWithKey(db);
    const padding = "x".repeat(MAX_API_BODY_BYTES - 200);
    const request = new Request("http://test/api/v1/people", {
      method: "POST",
      headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
      body: JSON.stringify({ email: `big@${org.slug}.test`, name: padding }),
    });

    const refused = await answer<ErrorBody>(peopleRoute.POST(request));

    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code: "invalid", field: "name" });
  });

  it("POST /api/auth/*: 413 for each way of sending one, reading no further", async () => {
    for (const oversized of oversizedBodies(AUTH_BODY_BYTES)) {
      const { headers, ...body } = oversized.request();
      const response = await authRoute.POST(
        new NextRequest("http://plaudit.test/api/auth/callback/demo", {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
          ...body,
        } as ConstructorParameters<typeof NextRequest>[1]),
      );
      expect(response.status, oversized.name).toBe(413);
      expect(await response.json()).toEqual({ error: "body_too_large" });
      expect(oversized.pulled(), oversized.name).toBeLessThanOrEqual(readNoFurtherThan(AUTH_BODY_BYTES));
    }
  });

  it("POST /api/auth/*: a sign-in form under the cap still signs the person in", async () => {
    vi.stubEnv("AUTH_SECRET", "body-limits-test-secret");
    vi.stubEnv("PLAUDIT_DEMO_LOGIN", "1");
    const { db } = await database();
    const { org } = await orgWithKey(db);
    const csrf = await authRoute.GET(new NextRequest("http://plaudit.test/api/auth/csrf"));
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const cookie = csrf.headers
      .getSetCookie()
      .map((header) => header.split(";")[0])
      .join("; ");

    const response = await authRoute.POST(
      new NextRequest("http://plaudit.test/api/auth/callback/demo", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", cookie },
        body: new URLSearchParams({ personId: org.admin.id, csrfToken, callbackUrl: "/" }).toString(),
      }),
    );

    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("http://plaudit.test/");
    expect(response.headers.getSetCookie().some((header) => header.includes("session-token="))).toBe(true);
  });

  it("POST /api/webhooks/tremendous: 413 for each way of sending one, reading no further", async () => {
    for (const oversized of oversizedBodies(WEBHOOK_BODY_BYTES)) {
      const { headers, ...body } = oversized.request();
      const response = await tremendousWebhook(
        new Request("http://plaudit.test/api/webhooks/tremendous", {
          method: "POST",
          headers: { [SIGNATURE_HEADER]: "sha256=00", "content-type": "application/json", ...headers },
          ...body,
        } as RequestInit),
      );
      expect(response.status, oversized.name).toBe(413);
      expect(await response.json()).toEqual({ error: "body_too_large" });
      expect(oversized.pulled(), oversized.name).toBeLessThanOrEqual(readNoFurtherThan(WEBHOOK_BODY_BYTES));
    }
  });
});
