import { saveScreenshot, signInAs } from "./support/journey";
import { expect, test } from "./support/test";

const HEADER = "name,email,roles,manager_email,department";
const GOOD_ROW = "Wanda Whitfield,wanda.whitfield@acme.example,employee,yuki.sato@acme.example,Design";
const BAD_ROW = "Victor Vale,not-an-email,employee,,Design";
const FIXED_ROW = "Victor Vale,victor.vale@acme.example,employee,,Design";

function csvFile(rows: string[]) {
  return {
    name: "people.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(`${[HEADER, ...rows].join("\n")}\n`),
  };
}

test("an admin imports a CSV: a bad row is shown with nothing imported, then the fixed file imports", async ({
  page,
}, testInfo) => {
  await signInAs(page, "Priya Raman");
  await page.goto("/admin/people/import");

  await page.getByLabel("CSV file").setInputFiles(csvFile([GOOD_ROW, BAD_ROW]));
  await expect(page.getByLabel("CSV text")).toHaveValue(/not-an-email/);
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByText("Nothing has been imported")).toBeVisible();
  await expect(page.getByText(/not-an-email|valid email/i).first()).toBeVisible();
  await saveScreenshot(page, testInfo, "import-preview-with-error");

  await page.goto("/admin/people?q=Wanda");
  await expect(page.getByText("wanda.whitfield@acme.example")).toHaveCount(0);

  await page.goto("/admin/people/import");
  await page.getByLabel("CSV file").setInputFiles(csvFile([GOOD_ROW, FIXED_ROW]));
  await expect(page.getByLabel("CSV text")).toHaveValue(/victor\.vale@acme/);
  await page.getByRole("button", { name: "Preview" }).click();
  await page.getByRole("button", { name: /^Import/ }).click();
  await expect(page.getByRole("status").filter({ hasText: "Imported 2 people" })).toBeVisible();
  await saveScreenshot(page, testInfo, "import-done");

  await page.goto("/admin/people?q=Whitfield");
  await expect(page.getByText("wanda.whitfield@acme.example")).toBeVisible();
});
