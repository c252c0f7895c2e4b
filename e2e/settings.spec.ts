import { saveScreenshot, signInAs } from "./support/journey";
import { expect, test } from "./support/test";

test.use({ viewport: { width: 390, height: 844 } });

test("on a phone, a manager turns off the month-end reminder and keeps the team digest", async ({
  page,
}, testInfo) => {
  await signInAs(page, "Kenji Watanabe");
  await page.getByRole("banner").getByRole("link", { name: "Settings" }).click();
  await expect(page.getByRole("heading", { name: "Settings" })).toBeVisible();
  const reminder = page.getByRole("checkbox", { name: /Remind me to give before month end/ });
  const digest = page.getByRole("checkbox", { name: /Send me a weekly digest of my team/ });
  await expect(reminder).toBeChecked();
  await expect(digest).toBeChecked();

  await reminder.uncheck();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toContainText("Saved.");
  await saveScreenshot(page, testInfo, "settings-saved-390");

  await page.reload();
  await expect(reminder).not.toBeChecked();
  await expect(digest).toBeChecked();
  // Put it back, for the journeys after this one.
  await reminder.check();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toContainText("Saved.");
});
