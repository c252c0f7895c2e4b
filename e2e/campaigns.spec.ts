import { saveScreenshot, signInAs } from "./support/journey";
import { expect, test } from "./support/test";

test("an admin starts a x2 campaign; an employee's give earns the bonus, shown in the confirmation and the feed", async ({
  page,
}, testInfo) => {
  const name = `Launch Week ${testInfo.testId.slice(0, 6)}`;
  await signInAs(page, "Priya Raman");
  await page.goto("/admin/campaigns");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Multiplier").selectOption("2");
  await page.getByLabel("Bonus budget in points (optional)").fill("500");
  await page.getByRole("button", { name: "Start campaign" }).click();
  await expect(page.getByRole("status").filter({ hasText: `${name} is on` })).toBeVisible();
  await expect(page.getByRole("link", { name: `×2 ${name}` })).toBeVisible();
  await saveScreenshot(page, testInfo, "campaign-started");

  await signInAs(page, "Lucas Moreau");
  await expect(page.getByRole("list", { name: "Campaigns running" })).toContainText(`×2 ${name} is on`);
  await page.getByLabel("Who are you thanking?").fill("Sofi");
  await page.getByRole("option", { name: /Sofia Rossi/ }).click();
  await page.getByLabel("Points each").fill("5");
  const message = `Thanks for the launch notes (${testInfo.testId})`;
  await page.getByLabel("Message").fill(message);
  await page.getByRole("button", { name: "Give points" }).click();
  await expect(page.getByRole("status").filter({ hasText: "You gave" })).toContainText(
    `×2 ${name}: each gets 10 pts, 5 pts of it from the company.`,
  );
  const item = page.getByRole("listitem").filter({ hasText: message });
  await expect(item.getByRole("link", { name: new RegExp(name) })).toBeVisible();
  await expect(item).toContainText("+5 pts bonus from the company");
  await saveScreenshot(page, testInfo, "give-with-bonus");

  await item.getByRole("link", { name: new RegExp(name) }).click();
  await expect(page.getByRole("heading", { name: `×2 ${name}` })).toBeVisible();
  await expect(page.getByText("5 pts · $0.50 of 500 pts · $50.00 bonus budget spent")).toBeVisible();
  await page.setViewportSize({ width: 390, height: 844 });
  await saveScreenshot(page, testInfo, "campaign-page-390");

  // End it, so that the journeys after this one give at x1.
  await signInAs(page, "Priya Raman");
  await page.goto("/admin/campaigns");
  await page.getByRole("button", { name: `End ${name}` }).click();
  await page.getByRole("dialog").getByRole("button", { name: "End campaign" }).click();
  await expect(page.getByText(`${name} has ended`)).toBeVisible();
  await saveScreenshot(page, testInfo, "campaign-ended-390");
});
