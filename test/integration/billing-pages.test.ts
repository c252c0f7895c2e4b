import { describe, expect, it } from "vitest";
import { getBill } from "../../core/billing/get-bill";
import type { Database } from "../../db/client";
import { expectDomainError } from "../support/assertions";
import {
  type BillingOrg,
  cancelAt,
  cardFulfilledAt,
  closeAt,
  createBillingOrg,
  handedOverAt,
  hireBouncing,
} from "../support/billing";
import { workerDatabase } from "../support/database";
import { rewardsFixture } from "../support/rewards-fixture";

const database = workerDatabase();
const fixture = rewardsFixture();

/** The bill's lines read page by page, `limit` at a time, as finance's bill page pages through them. */
async function pageByPage(db: Database, org: BillingOrg, limit: number) {
  const pages = [];
  let cursor: string | undefined;
  do {
    const page = await getBill(db, org.finance.actor, { period: "2025-03", limit, cursor });
    pages.push(page.lines.map((line) => [line.line, line.lineType, line.redemptionId, line.refersToLine]));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return pages;
}

describe("a bill's lines, a page at a time", () => {
  it("come in the bill's order and numbering, draft and closed alike, a credit naming its charge's line", async () => {
    const { db } = await database();
    const org = await createBillingOrg(db, fixture);
    const person = await org.hire();
    for (const day of ["02", "04", "06", "09", "11"]) {
      await handedOverAt(db, org, person, new Date(`2025-03-${day}T15:00:00Z`));
    }
    const bouncing = await hireBouncing(org);
    const card = await cardFulfilledAt(db, fixture, org, bouncing, new Date("2025-03-03T15:00:00Z"));
    await cancelAt(db, fixture, org, card, new Date("2025-03-20T15:00:00Z"));

    const [whole] = await pageByPage(db, org, 500);
    expect(whole?.map(([line, type]) => [line, type])).toEqual([
      [1, "charge"],
      [2, "charge"],
      [3, "charge"],
      [4, "charge"],
      [5, "charge"],
      [6, "charge"],
      [7, "credit"],
    ]);
    // The card was fulfilled second; its credit, on the last page, names that line.
    expect(whole?.[1]?.[2]).toBe(card.id);
    expect(whole?.[6]).toEqual([7, "credit", card.id, 2]);
    const draftPages = await pageByPage(db, org, 3);
    expect(draftPages.map((page) => page.length)).toEqual([3, 3, 1]);
    expect(draftPages.flat()).toEqual(whole);

    await closeAt(db, org, "2025-03", new Date("2025-04-02T12:00:00Z"));
    expect(await pageByPage(db, org, 3)).toEqual(draftPages);
    expect((await pageByPage(db, org, 2)).flat()).toEqual(whole);
    await expectDomainError(
      getBill(db, org.finance.actor, { period: "2025-03", cursor: "not-a-cursor" }),
      "invalid",
    );
  });

  it("refuses a page link edited to hold what no line has, as invalid rather than a database error", async () => {
    const { db } = await database();
    const org = await createBillingOrg(db, fixture);
    const person = await org.hire();
    for (const day of ["02", "04"]) await handedOverAt(db, org, person, new Date(`2025-03-${day}T15:00:00Z`));
    const first = await getBill(db, org.finance.actor, { period: "2025-03", limit: 1 });
    const position = JSON.parse(Buffer.from(first.nextCursor ?? "", "base64url").toString());
    const edited = (change: Record<string, unknown>) =>
      Buffer.from(JSON.stringify({ ...position, ...change })).toString("base64url");

    for (const change of [
      { lineType: "refund" },
      { occurredAt: "2025-03-02T15:00:00+99:00" },
      { occurredAt: "next tuesday" },
      { occurredAt: "2025-03-02T15:00:00\u0000" },
      { line: 1e300 },
      { line: -1 },
      { redemptionId: "not-an-id" },
    ]) {
      await expectDomainError(
        getBill(db, org.finance.actor, { period: "2025-03", limit: 1, cursor: edited(change) }),
        "invalid",
      );
    }
    const untouched = await getBill(db, org.finance.actor, {
      period: "2025-03",
      limit: 1,
      cursor: edited({}),
    });
    expect(untouched.lines.map((line) => line.line)).toEqual([2]);
  });
});
