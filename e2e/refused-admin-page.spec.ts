import { saveScreenshot, signInAs } from "./support/journey";
import { expect, test } from "./support/test";

test("an employee opening an admin page is refused", async ({ page }, testInfo) => {
  await signInAs(page, "Lucas Moreau");
  await expect(page.getByRole("link", { name: "Admin" })).toHaveCount(0);
  const response = await page.goto("/admin/settings");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
  await saveScreenshot(page, testInfo, "employee-refused-admin");
});
