import { headerPoints, saveScreenshot, signInAs } from "./support/journey";
import { expect, test } from "./support/test";

test("an employee redeems a gift card and opens its link", async ({ page, context }, testInfo) => {
  await signInAs(page, "Lucas Moreau");
  const earnedBefore = await headerPoints(page, "earned");
  expect(earnedBefore).toBeGreaterThanOrEqual(100);

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Rewards" }).click();
  await expect(page.getByRole("heading", { name: "Rewards", level: 1 })).toBeVisible();
  await saveScreenshot(page, testInfo, "rewards-catalog");
  await page
    .getByRole("link", { name: /Amazon\.com/ })
    .first()
    .click();

  await page.getByRole("button", { name: "$10.00" }).click();
  await expect(page.getByText(`100 pts · $10.00 — you'll have ${earnedBefore - 100} pts left`)).toBeVisible();
  await page.getByRole("button", { name: "Review redemption" }).click();
  const confirmation = page.getByRole("dialog");
  await expect(confirmation).toContainText("Redeem 100 pts for a $10.00 Amazon.com gift card");
  await saveScreenshot(page, testInfo, "redeem-confirmation");
  await confirmation.getByRole("button", { name: "Redeem 100 pts" }).click();

  // The sandbox provider executes at once and hands over a link, shown to its owner only.
  const open = page.getByRole("link", { name: "Open your gift card" });
  await expect(open).toBeVisible();
  await expect.poll(() => headerPoints(page, "earned")).toBe(earnedBefore - 100);
  await saveScreenshot(page, testInfo, "redeemed-with-link");

  const [gift] = await Promise.all([context.waitForEvent("page"), open.click()]);
  await gift.waitForLoadState();
  await expect(gift.locator("body")).toContainText("Amazon.com");
  await expect(gift.locator("body")).toContainText("$10.00");
  await saveScreenshot(gift, testInfo, "gift-card-opened");

  await page.getByRole("link", { name: "My redemptions" }).first().click();
  await expect(page.getByRole("main")).toContainText("Amazon.com gift card");
});
