import type { Page, TestInfo } from "@playwright/test";
import { elementsWiderThanViewport } from "./support/accessibility";
import { saveScreenshot, signInAs } from "./support/journey";
import { expect, test } from "./support/test";

/** The narrowest phone a page must fit, and the one the screenshots show. */
const PHONES = [360, 390];
const DESKTOP = { width: 1280, height: 800 };

/** The first link on the page whose address matches, as a path: for pages about one thing. */
async function firstLinkTo(page: Page, pattern: RegExp): Promise<string> {
  const hrefs = await page
    .locator("a[href]")
    .evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
  const href = hrefs.find((candidate) => pattern.test(candidate));
  if (!href) throw new Error(`no link on ${page.url()} matches ${pattern}`);
  return href;
}

/**
 * Opens each page at desktop width and on phones: no serious or critical WCAG 2.2 AA violation at either
 * (the screenshots check), nothing reaching past a phone's right edge, and a screenshot at 1280 and
 * 390 px to look at.
 */
async function checkPages(page: Page, testInfo: TestInfo, paths: readonly string[]): Promise<void> {
  for (const path of paths) {
    await page.setViewportSize(DESKTOP);
    const response = await page.goto(path);
    expect(response?.status(), `GET ${path}`).toBe(200);
    expect(await page.title(), `the title of ${path}`).not.toBe("Plaudit");
    // React reveals streamed content a moment after the document loads: the page's heading, not its skeleton.
    await expect(page.getByRole("heading", { level: 1 }).first(), `the heading of ${path}`).toBeVisible();
    const name = path.replace(/^\//, "").replace(/[^a-z0-9]+/gi, "-") || "feed";
    await saveScreenshot(page, testInfo, `${name}-1280`);
    for (const width of PHONES) {
      await page.setViewportSize({ width, height: 800 });
      expect(await elementsWiderThanViewport(page), `${path} at ${width} px`).toEqual([]);
    }
    await saveScreenshot(page, testInfo, `${name}-390`);
  }
}

test.describe("every page, at 1280 px and on a phone", () => {
  test.describe.configure({ timeout: 240_000 });

  test("signed out: the sign-in page", async ({ page }, testInfo) => {
    await checkPages(page, testInfo, ["/signin"]);
    await expect(page.getByRole("button", { name: /Credentials/ })).toHaveCount(0);
  });

  test("an employee's pages", async ({ page }, testInfo) => {
    await signInAs(page, "Lucas Moreau");
    const profile = await firstLinkTo(page, /^\/people\/[0-9a-f-]{36}$/);
    await page.goto("/rewards");
    const reward = await firstLinkTo(page, /^\/rewards\/(gift|custom)\//);
    await checkPages(page, testInfo, [
      "/",
      "/rewards",
      reward,
      "/rewards/redemptions",
      "/leaderboard",
      "/history",
      "/notifications",
      "/settings",
      profile,
    ]);
  });

  test("a manager's team", async ({ page }, testInfo) => {
    await signInAs(page, "Kenji Watanabe");
    await checkPages(page, testInfo, ["/team", "/analytics", "/settings"]);
  });

  test("an admin's pages", async ({ page }, testInfo) => {
    await signInAs(page, "Priya Raman");
    await page.goto("/admin/people");
    const person = await firstLinkTo(page, /^\/admin\/people\/[0-9a-f-]{36}$/);
    await page.goto("/admin/campaigns");
    const campaign = await firstLinkTo(page, /^\/campaigns\/[0-9a-f-]{36}$/);
    await checkPages(page, testInfo, [
      "/admin/settings",
      "/admin/people",
      person,
      "/admin/people/new",
      "/admin/people/import",
      "/admin/values",
      "/admin/grants",
      "/admin/levels",
      "/admin/campaigns",
      campaign,
      "/admin/rewards",
      "/admin/rewards/approvals",
      "/admin/rewards/attention",
      "/admin/rewards/custom",
      "/admin/api-keys",
      "/admin/audit",
      "/analytics",
    ]);
  });

  test("finance's pages", async ({ page }, testInfo) => {
    await signInAs(page, "Marcus Chen");
    await page.goto("/finance");
    const bill = await firstLinkTo(page, /^\/finance\/bills\/\d{4}-\d{2}$/);
    await checkPages(page, testInfo, ["/finance", bill, "/finance/liability", "/finance/settings"]);
  });
});
