import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { give } from "../../app/(app)/_give/actions";
import { GET as authGet, POST as authPost } from "../../app/api/auth/[...nextauth]/route";
import { getBalances } from "../../core/giving/get-balances";
import { appPoolOnWorkerDatabase } from "../support/app-database";
import { workerDatabase } from "../support/database";
import { createTestOrg, type TestPerson } from "../support/factories";
import { expectOrgUntouched } from "../support/footprint";

/** The browser's session, and what Auth.js itself was asked after the sign-in limit let a request through. */
const browser = vi.hoisted(() => ({ personId: null as string | null, reachedAuth: [] as string[] }));
vi.mock("@/app/_lib/auth", () => {
  const handler = async (request: Request) => {
    browser.reachedAuth.push(new URL(request.url).pathname);
    return new Response("Auth.js answered", { status: 200 });
  };
  return {
    auth: async () =>
      browser.personId ? { personId: browser.personId, expires: "2099-01-01T00:00:00Z" } : null,
    handlers: { GET: handler, POST: handler },
  };
});
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const database = workerDatabase();

appPoolOnWorkerDatabase();
afterEach(() => {
  vi.unstubAllEnvs();
  browser.personId = null;
  browser.reachedAuth = [];
});

/** The give form as the browser posts it, with a fresh key as each rendered form has. */
function giveForm(to: TestPerson): FormData {
  const form = new FormData();
  form.append("recipientIds", to.id);
  form.append("amount", "5");
  form.append("message", "Thanks for the review");
  form.append("idempotencyKey", randomUUID());
  return form;
}

describe("the give form past the per-person give limit", () => {
  it("tells the giver beside the form when to try again, and gives nothing", async () => {
    const { db } = await database();
    vi.stubEnv("PLAUDIT_RATE_LIMIT_GIVES", "2/1m");
    const org = await createTestOrg(db);
    const [giver, ana] = (await org.addPeople(2)) as [TestPerson, TestPerson];
    browser.personId = giver.id;

    for (let i = 0; i < 2; i += 1) {
      expect(await give({ status: "idle" }, giveForm(ana))).toMatchObject({ status: "ok" });
    }
    const refused = await expectOrgUntouched(db, org.id, () => give({ status: "idle" }, giveForm(ana)));
    expect(refused).toMatchObject({ status: "error", fieldErrors: {} });
    if (refused.status !== "error") throw new Error("the give went through");
    // No field is to blame, so the form shows the message under its button (FormMessage).
    expect(refused.message).toMatch(/^Too many gives in a minute — try again in \d+ s\.$/);
    expect(refused.nextIdempotencyKey).toBeUndefined();
    expect((await getBalances(db, giver.actor)).allowance.given).toBe(10);
  });
});

describe("signing in, limited by address", () => {
  const address = () => `198.51.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
  const request = (path: string, from: string, method = "GET") =>
    new Request(`http://localhost${path}`, { method, headers: { "x-forwarded-for": from } });
  // Auth.js's route handlers take a NextRequest; these use only what a Request has.
  const get = (path: string, from: string) => authGet(request(path, from) as never);
  const post = (path: string, from: string) => authPost(request(path, from, "POST") as never);

  it("sends an address past the limit back to the sign-in page, saying when to try again", async () => {
    vi.stubEnv("PLAUDIT_RATE_LIMIT_SIGN_IN", "3/1m");
    const from = address();
    expect((await get("/api/auth/callback/oidc?code=a&state=b", from)).status).toBe(200);
    expect((await post("/api/auth/callback/demo", from)).status).toBe(200);
    expect((await post("/api/auth/signin/oidc", from)).status).toBe(200);

    const refused = await get("/api/auth/callback/oidc?code=c&state=d", from);
    expect(refused.status).toBe(303);
    const location = new URL(refused.headers.get("location") ?? "", "http://localhost");
    expect(location.pathname).toBe("/signin");
    const wait = Number(location.searchParams.get("limited"));
    expect(wait).toBeGreaterThanOrEqual(1);
    expect(wait).toBeLessThanOrEqual(60);
    expect(refused.headers.get("retry-after")).toBe(String(wait));
    expect(browser.reachedAuth).toEqual([
      "/api/auth/callback/oidc",
      "/api/auth/callback/demo",
      "/api/auth/signin/oidc",
    ]);
    expect((await post("/api/auth/callback/demo", from)).status).toBe(303);
  });

  it("counts each address apart, and never reading the session or the CSRF token", async () => {
    vi.stubEnv("PLAUDIT_RATE_LIMIT_SIGN_IN", "1/1m");
    const from = address();
    const other = address();
    expect((await get("/api/auth/callback/oidc", from)).status).toBe(200);
    expect((await get("/api/auth/callback/oidc", from)).status).toBe(303);
    expect((await get("/api/auth/callback/oidc", other)).status).toBe(200);
    for (const path of ["/api/auth/session", "/api/auth/csrf", "/api/auth/providers"]) {
      expect((await get(path, from)).status, path).toBe(200);
    }
    // A client can't escape its count by writing an address of its own in front of the proxy's.
    expect((await get("/api/auth/callback/oidc", `203.0.113.9, ${from}`)).status).toBe(303);
  });
});
