import { saveScreenshot } from "./support/journey";
import { expect, test } from "./support/test";

// The generic OpenID Connect provider is the same code path Slack and Google sign-in take.
test.describe("single sign-on through an OpenID Connect server", () => {
  async function signInThroughSso(page: import("@playwright/test").Page, email: string) {
    await page.goto("/");
    await expect(page).toHaveURL(/\/signin/);
    await page.getByRole("button", { name: "Sign in with Acme SSO" }).click();
    await page.locator('input[name="login"]').fill(email);
    await page.locator('input[name="password"]').fill("any password");
    await page.getByRole("button", { name: "Sign-in" }).click();
    await page.getByRole("button", { name: "Continue" }).click();
  }

  test("a person whose verified email is in the org lands on the feed as themself", async ({
    page,
  }, testInfo) => {
    await signInThroughSso(page, "sofia.rossi@acme.example");
    await expect(page).toHaveURL(/localhost:\d+\/$/);
    await expect(
      page.getByRole("banner").getByRole("link", { name: "Sofia Rossi", exact: true }),
    ).toBeVisible();
    await saveScreenshot(page, testInfo, "sso-signed-in");
  });

  test("an unknown email is refused with a page that says why", async ({ page }, testInfo) => {
    await signInThroughSso(page, "stranger@elsewhere.example");
    await expect(page).toHaveURL(/\/signin\/refused/);
    await expect(page.getByRole("heading", { name: "We couldn't find you in Plaudit" })).toBeVisible();
    await saveScreenshot(page, testInfo, "sso-unknown-email");
    // Still signed out: the app sends them back to the sign-in page.
    await page.goto("/");
    await expect(page).toHaveURL(/\/signin/);
  });
});
