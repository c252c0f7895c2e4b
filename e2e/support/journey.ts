import { expect, type Page, type TestInfo } from "@playwright/test";
import { seriousAccessibilityViolations } from "./accessibility";

/** Signs in through the demo login as the seeded person with this name. */
export async function signInAs(page: Page, name: string): Promise<void> {
  await page.context().clearCookies();
  await page.goto("/signin");
  await continueAs(page, name);
}

/** On the sign-in page: chooses the seeded person with this name in the demo login, and continues. */
export async function continueAs(page: Page, name: string): Promise<void> {
  const option = page.locator("#personId option", { hasText: name });
  await page.selectOption("#personId", { value: (await option.first().getAttribute("value")) ?? "" });
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("banner").getByRole("link", { name, exact: true })).toBeVisible();
}

/**
 * Saves a full-page screenshot as an artifact of the journey (in test-results/e2e and the report), and
 * checks the page as shown for serious and critical WCAG 2.2 AA violations: every state a journey
 * pictures is one a person meets.
 */
export async function saveScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: "image/png" });
  expect(await seriousAccessibilityViolations(page), `accessibility of ${name}`).toEqual([]);
}

/** The number in a header figure such as "95 pts · $9.50". */
export async function headerPoints(page: Page, testId: "allowance-left" | "earned"): Promise<number> {
  const text = ((await page.getByTestId(testId).locator("dd").textContent()) ?? "").replace(/,/g, "");
  const match = /(\d+) pts/.exec(text);
  if (!match?.[1]) throw new Error(`No points figure in "${text}"`);
  return Number(match[1]);
}
