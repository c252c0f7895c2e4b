import { saveScreenshot, signInAs } from "./support/journey";
import { expect, test } from "./support/test";

test("a manager raises a report's allowance and the report sees the new figure", async ({
  page,
}, testInfo) => {
  await signInAs(page, "Kenji Watanabe");
  await page.getByRole("link", { name: "My team" }).click();
  await page.getByLabel("Select Nadia Haddad").check();
  await page.getByLabel("Monthly allowance (points)").fill("275");
  await page.getByRole("button", { name: "Set allowance" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "Monthly allowance set to 275 pts" }),
  ).toBeVisible();
  await saveScreenshot(page, testInfo, "manager-sets-allowance");

  await signInAs(page, "Nadia Haddad");
  await expect(page.getByTestId("allowance-left")).toContainText("of 275");
  await saveScreenshot(page, testInfo, "report-sees-new-allowance");
});
