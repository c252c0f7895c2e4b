import { saveScreenshot, signInAs } from "./support/journey";
import { expect, test } from "./support/test";

test("an admin creates an API key with chosen scopes by keyboard; the key can do exactly those", async ({
  page,
}, testInfo) => {
  await signInAs(page, "Priya Raman");
  await page.goto("/admin/api-keys");

  await page.getByLabel("Name").fill("Payroll export");
  await page.getByRole("button", { name: "Create key" }).click();
  // Nothing ticked: the refusal is beside the boxes, and the first box has the focus.
  const scopes = page.getByRole("group", { name: "What may the key do?" });
  await expect(scopes.getByText("Choose at least one thing the key may do.")).toBeVisible();
  const peopleRead = scopes.getByRole("checkbox", { name: /people:read/ });
  await expect(peopleRead).toBeFocused();
  await saveScreenshot(page, testInfo, "api-key-without-scopes");

  // By keyboard: tick the first box, move six boxes on to finance:read and tick it, then create.
  await page.keyboard.press("Space");
  for (let step = 0; step < 6; step += 1) await page.keyboard.press("Tab");
  await expect(scopes.getByRole("checkbox", { name: /finance:read/ })).toBeFocused();
  await page.keyboard.press("Space");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Create key" })).toBeFocused();
  await page.keyboard.press("Enter");

  const created = page.getByTestId("new-api-key");
  await expect(created.getByText("It may: people:read, finance:read.")).toBeVisible();
  const key = await created.getByLabel("New API key").inputValue();
  expect(key).toMatch(/^plaudit_/);
  await created.getByRole("button", { name: "I have saved the key" }).click();

  const listed = page.getByRole("list", { name: "Scopes of Payroll export" });
  await expect(listed.getByRole("listitem")).toHaveText(["people:read", "finance:read"]);
  await saveScreenshot(page, testInfo, "api-key-listed-with-scopes");

  // Over real HTTP, through the built app: what the scopes open answers, the rest is refused.
  const get = (path: string) => page.request.get(path, { headers: { authorization: `Bearer ${key}` } });
  expect((await get("/api/v1/people?limit=1")).status()).toBe(200);
  expect((await get("/api/v1/bills")).status()).toBe(200);
  const refused = await get("/api/v1/recognitions");
  expect(refused.status()).toBe(403);
  expect(await refused.json()).toMatchObject({ error: { code: "forbidden" } });
});
