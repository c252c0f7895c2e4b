import { headerPoints, saveScreenshot, signInAs } from "./support/journey";
import { expect, test } from "./support/test";

test.use({ viewport: { width: 390, height: 844 } });

test("on a phone, an employee applauds a colleague's recognition, comments on it and adds 5 points to it", async ({
  page,
}, testInfo) => {
  await signInAs(page, "Lucas Moreau");
  const feed = page.getByRole("list", { name: "Recognition feed" });
  // The first recognition Lucas did not receive (only those offer "+ Add points") and has not applauded.
  const card = feed
    .getByRole("listitem")
    .filter({ has: page.getByRole("button", { name: "+ Add points" }) })
    .filter({ has: page.locator('button[aria-label^="applause"][aria-pressed="false"]') })
    .first();
  const message = (await card.locator("p.whitespace-pre-line").textContent()) ?? "";
  const mine = () => feed.getByRole("listitem").filter({ hasText: message }).first();
  const applause = () => mine().getByRole("button", { name: /^applause(, \d+)?$/ });
  // The demo's colleagues may have applauded it already.
  const applauded = `applause, ${Number((await applause().getAttribute("aria-label"))?.split(", ")[1] ?? 0) + 1}`;

  await applause().click();
  await expect(mine().getByRole("button", { name: applauded })).toHaveAttribute("aria-pressed", "true");

  await mine()
    .getByRole("button", { name: /^Comment/ })
    .click();
  await mine().getByLabel("Your comment").fill("So well deserved 🎉");
  await mine().getByRole("button", { name: "Post" }).click();
  await expect(mine().getByRole("list", { name: "Comments" })).toContainText("So well deserved 🎉");
  await expect(mine().getByRole("button", { name: /^Comments \(\d+\)/ })).toBeVisible();

  const leftBefore = await headerPoints(page, "allowance-left");
  await mine().getByRole("button", { name: "+ Add points" }).click();
  await mine().getByLabel("Points each").fill("5");
  await mine().getByRole("button", { name: "Add", exact: true }).click();
  await expect(mine().getByRole("status")).toContainText("Added 5 pts");
  await expect(mine().getByText("+5 pts from 1 person")).toBeVisible();
  const spent = leftBefore - (await headerPoints(page, "allowance-left"));
  expect(spent % 5).toBe(0);
  expect(spent).toBeGreaterThan(0);
  // The applause survived the page's refresh after the add-on.
  await expect(mine().getByRole("button", { name: applauded })).toHaveAttribute("aria-pressed", "true");
  await saveScreenshot(page, testInfo, "feed-reaction-and-add-on-390");

  // Whoever received it hears of all three from the bell.
  // The card's first line links the giver, then each recipient.
  const recipient = (await mine().locator("p").first().getByRole("link").nth(1).textContent()) ?? "";
  expect(recipient).not.toBe("");
  await signInAs(page, recipient);
  const bell = page.getByRole("link", { name: /^Notifications, \d+ unread$/ });
  await bell.click();
  const news = page.getByRole("list", { name: "Notifications" });
  await expect(news).toContainText("Lucas Moreau commented: “So well deserved 🎉”");
  await expect(news).toContainText("Lucas Moreau added +5 pts to a recognition you received");
  await expect(news).toContainText(/Lucas Moreau( and \d+ others?)? reacted/);
  await saveScreenshot(page, testInfo, "notifications-390");
  await page.getByRole("button", { name: /^Mark all \d+ as read$/ }).click();
  await expect(page.getByRole("link", { name: "Notifications", exact: true })).toBeVisible();
});
