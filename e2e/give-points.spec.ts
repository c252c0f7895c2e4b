import type { Page } from "@playwright/test";
import { headerPoints, saveScreenshot, signInAs } from "./support/journey";
import { expect, test } from "./support/test";

async function earnedOf(page: Page, name: string): Promise<number> {
  await signInAs(page, name);
  return headerPoints(page, "earned");
}

async function chooseRecipient(page: Page, search: string, name: string): Promise<void> {
  await page.getByLabel("Who are you thanking?").fill(search);
  await page.getByRole("option", { name: new RegExp(name) }).click();
}

test("an employee gives points to two colleagues and sees the feed and both balances change", async ({
  page,
}, testInfo) => {
  const sofiaBefore = await earnedOf(page, "Sofia Rossi");
  const ethanBefore = await earnedOf(page, "Ethan Park");

  await signInAs(page, "Lucas Moreau");
  const leftBefore = await headerPoints(page, "allowance-left");
  expect(leftBefore).toBeGreaterThanOrEqual(10);
  await chooseRecipient(page, "Sofi", "Sofia Rossi");
  await chooseRecipient(page, "Etha", "Ethan Park");
  await page.getByLabel("Points each").fill("5");
  await expect(page.getByText(/This will use 10 pts/)).toBeVisible();
  const message = `Thanks for pairing on the release checklist (${testInfo.testId})`;
  await page.getByLabel("Message").fill(message);
  await page.getByRole("button", { name: "Give points" }).click();

  await expect(page.getByRole("status").filter({ hasText: "You gave" })).toBeVisible();
  await expect(page.getByRole("list").getByText(message)).toBeVisible();
  await expect.poll(() => headerPoints(page, "allowance-left")).toBe(leftBefore - 10);
  await saveScreenshot(page, testInfo, "give-to-two");

  expect(await earnedOf(page, "Sofia Rossi")).toBe(sofiaBefore + 5);
  expect(await earnedOf(page, "Ethan Park")).toBe(ethanBefore + 5);
});

test("a give over the allowance shows why and changes nothing", async ({ page }, testInfo) => {
  // Freya's monthly allowance is 0 in the demo data.
  await signInAs(page, "Freya Jensen");
  const leftBefore = await headerPoints(page, "allowance-left");
  await chooseRecipient(page, "Amara", "Amara Osei");
  await page.getByLabel("Points each").fill(String(leftBefore + 5));
  const message = `A give that cannot happen (${testInfo.testId})`;
  await page.getByLabel("Message").fill(message);
  await page.getByRole("button", { name: "Give points" }).click();

  await expect(page.getByText(/left this month/).first()).toBeVisible();
  await expect(page.getByLabel("Message")).toHaveValue(message);
  await saveScreenshot(page, testInfo, "give-over-allowance");
  await page.reload();
  await expect(page.getByText(message)).toHaveCount(0);
  expect(await headerPoints(page, "allowance-left")).toBe(leftBefore);
});
