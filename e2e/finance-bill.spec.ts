import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { periodOfInstant } from "../core/billing/bill-period";
import { saveScreenshot, signInAs } from "./support/journey";
import { expect, test } from "./support/test";

/** The demo org keeps its books in New York time. */
const ACME_ZONE = "America/New_York";

/** Last month in the demo org's zone, as `2026-11` and as its page names it, "November 2026". */
function lastMonth(): { period: string; name: string } {
  const thisMonth = periodOfInstant(new Date(), ACME_ZONE);
  const { period } = periodOfInstant(new Date(thisMonth.start.getTime() - 1), ACME_ZONE);
  const [year = 0, month = 1] = period.split("-").map(Number);
  const name = new Date(Date.UTC(year, month - 1, 1)).toLocaleDateString("en-US", {
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
  return { period, name };
}

/** Follows a download link and returns the file's name and first bytes. */
async function download(page: Page, link: string): Promise<{ fileName: string; start: string }> {
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: link }).click(),
  ]);
  const path = await file.path();
  const bytes = await readFile(path);
  return { fileName: file.suggestedFilename(), start: bytes.subarray(0, 64).toString("latin1") };
}

test("finance opens last month's draft bill, downloads it, closes it and reads the liability", async ({
  page,
}, testInfo) => {
  const month = lastMonth();
  await signInAs(page, "Marcus Chen");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Finance" }).click();
  await expect(page.getByRole("heading", { name: "Bills", level: 1 })).toBeVisible();
  // Background work is off in the journeys, so last month's bill is still a draft.
  const row = page.getByRole("row").filter({ hasText: month.name });
  await expect(row).toContainText("Draft — provisional");
  await saveScreenshot(page, testInfo, "bills");

  await row.getByRole("link", { name: month.name }).click();
  await expect(page.getByRole("heading", { name: `${month.name} bill`, level: 1 })).toBeVisible();
  await expect(page.getByText("Provisional:")).toBeVisible();
  await expect(page.getByTestId("tie-out")).toHaveText(/Ties out/);
  await expect(page.getByRole("table", { name: `Lines of the ${month.name} bill` })).toBeVisible();
  await saveScreenshot(page, testInfo, "draft-bill");

  const csv = await download(page, "Lines (CSV)");
  expect(csv.fileName).toBe(`acme-${month.period}-draft.csv`);
  expect(csv.start.startsWith("bill_number,line,line_type,")).toBe(true);
  const pdf = await download(page, "PDF");
  expect(pdf.fileName).toBe(`acme-${month.period}-draft.pdf`);
  expect(pdf.start.startsWith("%PDF")).toBe(true);

  await page.getByRole("button", { name: "Close bill" }).click();
  const confirmation = page.getByRole("dialog");
  const year = month.period.slice(0, 4);
  await expect(confirmation).toContainText(new RegExp(`gets the next number, ACME-${year}-\\d{5}`));
  await expect(confirmation).toContainText("never changes again");
  await saveScreenshot(page, testInfo, "close-confirmation");
  await confirmation.getByRole("button", { name: "Close bill" }).click();

  const closedAs = new RegExp(`The ${month.name} bill is closed as (ACME-${year}-0000\\d)\\.`);
  await expect(page.getByRole("status")).toHaveText(closedAs);
  const number = closedAs.exec((await page.getByRole("status").textContent()) ?? "")?.[1] ?? "";
  await expect(page.getByRole("heading", { name: `${month.name} bill`, level: 1 })).toBeVisible();
  await expect(page.getByText(`Closed on`)).toContainText("by Marcus Chen");
  await expect(page.getByRole("main")).toContainText(number);
  await expect(page.getByRole("button", { name: "Close bill" })).toHaveCount(0);
  await saveScreenshot(page, testInfo, "closed-bill");

  await page.getByRole("navigation", { name: "Finance" }).getByRole("link", { name: "Liability" }).click();
  await expect(page.getByRole("heading", { name: "Points liability", level: 1 })).toBeVisible();
  await expect(page.getByTestId("liability-figures")).toContainText("pts");
  await expect(page.getByTestId("roll-forward")).toContainText("Closing balance");
  for (const chart of ["liability at each month's end", "monthly redemption spend by reward kind"]) {
    await expect(page.getByRole("img", { name: new RegExp(chart, "i") })).toBeVisible();
  }
  // Each chart's figures, as a table beside it: a row for each of the last twelve months.
  for (const table of ["Liability at each month's end", "Redemption spend by reward kind"]) {
    await expect(page.getByRole("table", { name: table }).locator("tbody tr")).toHaveCount(12);
  }
  await saveScreenshot(page, testInfo, "liability");
});

test("an employee opening the finance area is refused", async ({ page }, testInfo) => {
  await signInAs(page, "Lucas Moreau");
  await expect(
    page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Finance" }),
  ).toHaveCount(0);
  const response = await page.goto("/finance");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
  await saveScreenshot(page, testInfo, "employee-refused-finance");
});
