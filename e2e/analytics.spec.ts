import { readFile } from "node:fs/promises";
import { saveScreenshot, signInAs } from "./support/journey";
import { expect, test } from "./support/test";

test("a manager opens analytics for their reporting line, narrows it and downloads a table", async ({
  page,
}, testInfo) => {
  await signInAs(page, "Kenji Watanabe");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Analytics" }).click();
  await expect(page.getByRole("heading", { name: "Analytics", level: 1 })).toBeVisible();
  await expect(page.getByText(/Recognition in your reporting line/)).toBeVisible();
  await expect(page.getByRole("img", { name: /share of people who gave and who received/ })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Who recognizes whom" })).toBeVisible();
  await saveScreenshot(page, testInfo, "manager-analytics");

  await page.getByLabel("Not recognized in (days)").fill("7");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/days=7/);
  await expect(page.getByRole("heading", { name: /^Not recognized in 7 days$/ })).toBeVisible();

  const [file] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download CSV of Participation" }).click(),
  ]);
  const text = await readFile(await file.path(), "utf8");
  expect(file.suggestedFilename()).toMatch(/\.csv$/);
  expect(text.split("\r\n")[0]).toMatch(/^month,/);

  await page.setViewportSize({ width: 390, height: 844 });
  await saveScreenshot(page, testInfo, "manager-analytics-390");

  // An employee isn't shown the way in, and is refused at the door.
  await signInAs(page, "Lucas Moreau");
  await expect(
    page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Analytics" }),
  ).toHaveCount(0);
  const refused = await page.goto("/analytics");
  expect(refused?.status()).toBe(403);
});
