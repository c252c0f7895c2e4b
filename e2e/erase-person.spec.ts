import { saveScreenshot, signInAs } from "./support/journey";
import { expect, test } from "./support/test";

/** A leaver of the demo org whom no other journey looks at: the one who asks to be erased. */
const LEAVER = "Jordan Blake";

test("an admin erases a leaver's personal data from a phone, by keyboard, after confirming their name", async ({
  page,
}, testInfo) => {
  await signInAs(page, "Priya Raman");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/admin/people?inactive=1&q=${encodeURIComponent(LEAVER)}`);
  await page.getByRole("link", { name: LEAVER }).click();
  await expect(page.getByRole("heading", { name: LEAVER, level: 1 })).toBeVisible();

  const trigger = page.getByRole("button", { name: `Erase personal data of ${LEAVER}` });
  const dialog = page.getByRole("dialog", { name: `Erase the personal data of ${LEAVER}?` });
  const confirmation = dialog.getByRole("textbox", { name: /^To confirm, type/ });
  await trigger.focus();
  await page.keyboard.press("Enter");
  await expect(dialog).toBeVisible();
  await expect(confirmation).toBeFocused();
  await expect(dialog.getByText("This can't be undone.")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("heading", { name: LEAVER, level: 1 })).toBeVisible();

  await trigger.focus();
  await page.keyboard.press("Enter");
  await page.keyboard.type("Jordan");
  await page.keyboard.press("Enter");
  await expect(dialog.getByText("That is not their name or email.")).toBeVisible();
  await expect(confirmation).toHaveValue("Jordan");
  await confirmation.fill("jordan blake");
  // The dialog fits the phone's width: nothing to scroll sideways.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await saveScreenshot(page, testInfo, "erase-dialog-on-a-phone");
  await page.keyboard.press("Enter");

  await expect(dialog).toBeHidden();
  await expect(page.getByRole("heading", { name: /^Erased person [0-9a-f]{6}$/, level: 1 })).toBeVisible();
  await expect(page.getByText("Personal data erased", { exact: true }).first()).toBeVisible();
  await expect(page.getByText(/@erased\.invalid$/)).toBeVisible();
  await expect(page.getByText(LEAVER)).toHaveCount(0);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await saveScreenshot(page, testInfo, "erased-person-page");
});
