import { connect } from "../db/client";
import { saveScreenshot, signInAs } from "./support/journey";
import { OTHER_ORG_ADMIN } from "./support/server";
import { expect, test } from "./support/test";

interface AcmeFacts {
  personId: string;
  personName: string;
  recognitionMessage: string;
}

async function acmeFacts(): Promise<AcmeFacts> {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error("E2E_DATABASE_URL is set by the global setup");
  const connection = connect(url, { max: 1 });
  try {
    const [person] = await connection.sql<{ id: string; name: string }[]>`
      select p.id, p.name from people p join organizations o on o.id = p.org_id
      where o.slug = 'acme' and p.name = 'Sofia Rossi'`;
    const [recognition] = await connection.sql<{ message: string }[]>`
      select r.message from recognitions r join organizations o on o.id = r.org_id
      where o.slug = 'acme' order by r.created_at desc limit 1`;
    if (!person || !recognition) throw new Error("the demo org is seeded");
    return { personId: person.id, personName: person.name, recognitionMessage: recognition.message };
  } finally {
    await connection.close();
  }
}

test("an admin of another org reaches none of the demo org's pages or data", async ({ page }, testInfo) => {
  const acme = await acmeFacts();
  await signInAs(page, OTHER_ORG_ADMIN);

  for (const path of [`/people/${acme.personId}`, `/admin/people/${acme.personId}`]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.locator("body"), path).not.toContainText(acme.personName);
  }
  await saveScreenshot(page, testInfo, "other-org-person-not-found");

  for (const path of [
    "/",
    "/leaderboard",
    "/history",
    "/team",
    "/admin/people",
    "/admin/audit",
    "/admin/grants",
  ]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await expect(page.locator("body"), path).not.toContainText(acme.personName);
    await expect(page.locator("body"), path).not.toContainText(acme.recognitionMessage);
  }
});
