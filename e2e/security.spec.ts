import type { APIResponse, Page } from "@playwright/test";
import { APP_URL } from "./support/environment";
import { continueAs, saveScreenshot, signInAs } from "./support/journey";
import { expect, test } from "./support/test";

/** Return addresses that, followed naively, take the browser to another site. */
const HOSTILE_CALLBACKS = [
  "/%5Cevil.example/phish",
  "/%09/evil.example",
  "/%5C%5Cevil.example",
  "//evil.example",
];

/** Records every request the browser makes to evil.example, answering it so nothing waits on the network. */
async function watchForPhishing(page: Page): Promise<string[]> {
  const visits: string[] = [];
  await page.context().route(
    (url) => url.hostname.endsWith("evil.example"),
    async (route) => {
      visits.push(route.request().url());
      await route.fulfill({ contentType: "text/html", body: "<h1>Phished</h1>" });
    },
  );
  return visits;
}

function expectHardened(response: APIResponse, what: string): void {
  const headers = response.headers();
  const policy = headers["content-security-policy"] ?? "";
  expect(policy, what).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'(;|$)/);
  expect(policy, what).toContain("frame-ancestors 'none'");
  expect(policy, what).not.toContain("unsafe-inline");
  expect(headers["x-content-type-options"], what).toBe("nosniff");
  expect(headers["referrer-policy"], what).toBe("same-origin");
  expect(headers["permissions-policy"], what).toContain("camera=()");
  // The journeys are served over plain HTTP, where a browser would ignore it anyway.
  expect(headers["strict-transport-security"], what).toBeUndefined();
}

test.describe("after signing in, a return address", () => {
  test("that leads off the site is dropped for the feed, signing in with the demo login", async ({
    page,
  }, testInfo) => {
    const visits = await watchForPhishing(page);
    for (const callback of HOSTILE_CALLBACKS) {
      await page.context().clearCookies();
      await page.goto(`/signin?callbackUrl=${callback}`);
      await continueAs(page, "Lucas Moreau");
      expect(new URL(page.url()).origin, callback).toBe(APP_URL);
      expect(new URL(page.url()).pathname, callback).toBe("/");
    }
    await saveScreenshot(page, testInfo, "hostile-callback-lands-on-feed");
    expect(visits).toEqual([]);
  });

  test("that leads off the site is dropped for the feed when already signed in", async ({ page }) => {
    const visits = await watchForPhishing(page);
    await signInAs(page, "Lucas Moreau");
    for (const callback of HOSTILE_CALLBACKS) {
      const answer = await page.request.get(`/signin?callbackUrl=${callback}`, { maxRedirects: 0 });
      expect(answer.status(), callback).toBe(307);
      expect(answer.headers().location, callback).toBe("/");
      await page.goto(`/signin?callbackUrl=${callback}`);
      expect(new URL(page.url()).origin, callback).toBe(APP_URL);
    }
    expect(visits).toEqual([]);
  });

  test("on the site is followed", async ({ page }) => {
    await page.context().clearCookies();
    await page.goto("/rewards/redemptions");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Frewards%2Fredemptions$/);
    await continueAs(page, "Lucas Moreau");
    await expect(page).toHaveURL(`${APP_URL}/rewards/redemptions`);
  });
});

test.describe("every response", () => {
  test("carries the security headers: pages, API answers and bill downloads", async ({ page }) => {
    expectHardened(await page.request.get("/signin"), "the sign-in page");
    expectHardened(await page.request.get("/api/health"), "the health check");
    const unauthenticated = await page.request.get("/api/v1/people");
    expect(unauthenticated.status()).toBe(401);
    expectHardened(unauthenticated, "an API refusal");

    await signInAs(page, "Marcus Chen");
    expectHardened(await page.request.get("/"), "the feed");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Finance" }).click();
    await page.getByRole("row").nth(1).getByRole("link").first().click();
    const csvLink = await page.getByRole("link", { name: "Lines (CSV)" }).getAttribute("href");
    const download = await page.request.get(csvLink ?? "");
    expect(download.status()).toBe(200);
    expect(download.headers()["content-disposition"]).toMatch(/^attachment; filename=".+\.csv"$/);
    expectHardened(download, "a bill download");
  });

  test("asks browsers to keep to HTTPS when the app is reached through an HTTPS proxy", async ({
    request,
  }) => {
    const answer = await request.get("/signin", { headers: { "x-forwarded-proto": "https" } });
    expect(answer.headers()["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
    expect(answer.headers()["content-security-policy"]).toContain("upgrade-insecure-requests");
  });

  test("keeps the styling of a route's problem page within the policy", async ({ page }, testInfo) => {
    await signInAs(page, "Marcus Chen");
    const response = await page.goto("/finance/bills/2026-13/download");
    expect(response?.status()).toBe(400);
    const heading = page.getByRole("heading", { name: "That download link isn't right" });
    await expect(heading).toBeVisible();
    // 1.25rem: the page's one stylesheet was allowed to apply.
    expect(await heading.evaluate((element) => getComputedStyle(element).fontSize)).toBe("20px");
    await saveScreenshot(page, testInfo, "problem-page");
  });
});

test.describe("the API", () => {
  test("answers an unknown path and a wrong method in its error shape", async ({ request }) => {
    const unknown = await request.get("/api/v1/no-such-thing");
    expect(unknown.status()).toBe(404);
    expect(unknown.headers()["content-type"]).toContain("application/json");
    expect(Object.keys(await unknown.json())).toEqual(["error"]);
    expect((await unknown.json()).error.code).toBe("not_found");

    const wrongMethod = await request.delete("/api/v1/recognitions");
    expect(wrongMethod.status()).toBe(405);
    expect(wrongMethod.headers().allow).toBe("GET, HEAD, OPTIONS, POST");
    expect((await wrongMethod.json()).error.code).toBe("method_not_allowed");
    expectHardened(wrongMethod, "a wrong method");
  });
});
