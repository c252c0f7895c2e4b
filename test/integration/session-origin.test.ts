import { randomBytes } from "node:crypto";
import { NextRequest } from "next/server";
import { encode } from "next-auth/jwt";
import { afterEach, describe, expect, it, vi } from "vitest";
import { handlers } from "../../app/_lib/auth";
import { appPoolOnWorkerDatabase } from "../support/app-database";
import { defined } from "../support/assertions";
import { workerDatabase } from "../support/database";
import { createTestOrg } from "../support/factories";

const APP_URL = "http://localhost:3000";
const SESSION_COOKIE = "authjs.session-token";
const SECRET = randomBytes(32).toString("base64");

const database = workerDatabase();

appPoolOnWorkerDatabase();
afterEach(() => {
  vi.unstubAllEnvs();
});

function configure(demoLogin: "1" | "0") {
  vi.stubEnv("AUTH_SECRET", SECRET);
  vi.stubEnv("AUTH_URL", APP_URL);
  vi.stubEnv("PLAUDIT_DEMO_LOGIN", demoLogin);
}

/** The `name=value` pairs a response sets, as a Cookie header would send them back. */
function cookiesOf(response: Response): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const header of response.headers.getSetCookie()) {
    const [pair = ""] = header.split(";");
    const at = pair.indexOf("=");
    cookies.set(pair.slice(0, at), pair.slice(at + 1));
  }
  return cookies;
}

const cookieHeader = (cookies: Map<string, string>) =>
  [...cookies].map(([name, value]) => `${name}=${value}`).join("; ");

function authRequest(
  path: string,
  cookies: Map<string, string>,
  init: { method?: string; headers?: Record<string, string>; body?: URLSearchParams } = {},
) {
  const headers = new Headers(init.headers);
  headers.set("cookie", cookieHeader(cookies));
  return new NextRequest(`${APP_URL}/api/auth/${path}`, { ...init, headers });
}

/** Signs in through the demo login as Auth.js's own routes do it: the CSRF token, then the callback. */
async function demoSignIn(personId: string): Promise<string> {
  const csrf = await handlers.GET(authRequest("csrf", new Map()));
  const cookies = cookiesOf(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const callback = await handlers.POST(
    authRequest("callback/demo", cookies, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken, personId, callbackUrl: "/" }),
    }),
  );
  expect(callback.status).toBe(302);
  return defined(cookiesOf(callback).get(SESSION_COOKIE), "session cookie");
}

/** The session as `/api/auth/session` reads it back, and whether the answer clears the cookie. */
async function readSession(token: string): Promise<{ personId: string | null; cleared: boolean }> {
  const response = await handlers.GET(authRequest("session", new Map([[SESSION_COOKIE, token]])));
  const body = (await response.json()) as { personId?: string } | null;
  return { personId: body?.personId ?? null, cleared: cookiesOf(response).get(SESSION_COOKIE) === "" };
}

/** A session token as Auth.js writes it, saying it was made by `signedInWith`. */
function sessionMadeWith(personId: string, signedInWith: string | undefined): Promise<string> {
  return encode({
    secret: SECRET,
    salt: SESSION_COOKIE,
    token: { sub: personId, personId, ...(signedInWith ? { signedInWith } : {}) },
  });
}

describe("sessions the demo login made", () => {
  it("work while the demo login is on and end once it is turned off", async () => {
    const { db } = await database();
    const org = await createTestOrg(db);
    const person = await org.addPerson({ name: "Demo Dana" });

    configure("1");
    const token = await demoSignIn(person.id);
    expect(await readSession(token)).toEqual({ personId: person.id, cleared: false });

    configure("0");
    expect(await readSession(token)).toEqual({ personId: null, cleared: true });
  });

  it("leave sessions made by an identity provider alone, and end ones that don't say how they were made", async () => {
    const { db } = await database();
    const person = await (await createTestOrg(db)).addPerson();
    configure("0");
    const sso = await sessionMadeWith(person.id, "oidc");
    expect(await readSession(sso)).toEqual({ personId: person.id, cleared: false });
    const unsaid = await sessionMadeWith(person.id, undefined);
    expect(await readSession(unsaid)).toEqual({ personId: null, cleared: true });

    // With the demo login on, anyone may be anyone: every session counts.
    configure("1");
    expect((await readSession(unsaid)).personId).toBe(person.id);
  });
});
