import { saveScreenshot, signInAs } from "./support/journey";
import { expect, test } from "./support/test";

test("a company reward waits for approval, an admin approves and hands it over, the employee sees it fulfilled", async ({
  page,
}, testInfo) => {
  await signInAs(page, "Isabel Costa");
  await page.goto("/rewards?kind=custom");
  await page.getByRole("link", { name: /Lunch with the leadership team/ }).click();
  await expect(page.getByText("Needs an admin's approval")).toBeVisible();
  await page.getByRole("button", { name: "Review redemption" }).click();
  await page
    .getByRole("dialog")
    .getByRole("button", { name: /^Redeem/ })
    .click();
  await expect(page.getByRole("main")).toContainText(/waiting for an admin/i);
  const redemption = page.url();
  await saveScreenshot(page, testInfo, "awaiting-approval");

  await signInAs(page, "Priya Raman");
  await page.goto("/admin/rewards/approvals");
  const request = page.getByRole("listitem").filter({ hasText: "Isabel Costa" });
  await expect(request).toContainText("Lunch with the leadership team");
  await saveScreenshot(page, testInfo, "approvals-queue");
  await request.getByRole("button", { name: /^Approve Isabel Costa/ }).click();
  await expect(page.getByRole("status")).toContainText(
    "Approved Isabel Costa's Lunch with the leadership team",
  );
  await page
    .getByRole("button", { name: /^Mark fulfilled: Isabel Costa's Lunch with the leadership team/ })
    .click();
  await page
    .getByRole("dialog")
    .getByRole("button", { name: /Mark fulfilled/ })
    .click();
  await expect(page.getByRole("listitem").filter({ hasText: "Isabel Costa" })).toHaveCount(0);

  await signInAs(page, "Isabel Costa");
  await page.goto(redemption);
  await expect(page.getByRole("main")).toContainText(/fulfilled|handed over/i);
  await saveScreenshot(page, testInfo, "custom-reward-fulfilled");
});
