import { saveScreenshot, signInAs } from "./support/journey";
import { expect, test } from "./support/test";

test("a gift card whose delivery failed waits in Needs attention until it is resent to a corrected email", async ({
  page,
}, testInfo) => {
  await signInAs(page, "Priya Raman");
  await page.goto("/admin/rewards/attention");
  const bounced = page.getByRole("listitem").filter({ hasText: "Tomás Rivera" });
  await expect(bounced).toContainText("tomas.rivera@bounce.example");
  await saveScreenshot(page, testInfo, "needs-attention");

  await bounced.getByRole("button", { name: /^Resend Tomás Rivera's Starbucks gift card/ }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Send it to").fill("tomas.rivera@acme.example");
  await saveScreenshot(page, testInfo, "resend-dialog");
  await dialog.getByRole("button", { name: "Resend", exact: true }).click();
  await expect(page.getByRole("listitem").filter({ hasText: "Tomás Rivera" })).toHaveCount(0);
  await saveScreenshot(page, testInfo, "resent");
});
