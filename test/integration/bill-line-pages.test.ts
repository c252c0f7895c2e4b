import { describe, expect, it } from "vitest";
import { billLinePages, closedBillLinePages } from "../../core/billing/bill-pages";
import type { BillRow } from "../../core/billing/bill-reading";
import type { Database } from "../../db/client";
import { defined } from "../support/assertions";
import { BILL_MONTH, billedOrg } from "../support/billed-org";
import { closeAt } from "../support/billing";
import { workerDatabase } from "../support/database";
import { rewardsFixture } from "../support/rewards-fixture";

const database = workerDatabase();
const fixture = rewardsFixture();

const LINE = "l.redemption_id::text || ':' || l.line_type::text";

/** Each line as `billLinePages` reads it, one page after another by keyset, numbered. */
async function serialLines(db: Database, bill: BillRow, batchSize: number): Promise<string[]> {
  const lines: string[] = [];
  for await (const { rows, linesBefore } of billLinePages(db, bill, LINE, { batchSize })) {
    lines.push(...rows.map((row, index) => `${linesBefore + index + 1} ${String(row[3])}`));
  }
  return lines;
}

describe("a closed bill's pages read side by side", () => {
  it("hold every line once, in the bill's order and numbered by place, whatever the page size", async () => {
    const { db } = await database();
    const org = await billedOrg(db, fixture);
    const bill = await closeAt(db, org, BILL_MONTH, new Date());
    expect(bill.status).toBe("closed");
    const expected = await serialLines(db, bill, 1000);
    expect(expected.length).toBeGreaterThan(10);
    expect(await serialLines(db, bill, 3)).toEqual(expected);

    for (const batchSize of [1, 2, 3, expected.length - 1, expected.length, expected.length + 1]) {
      const lines: string[] = [];
      for await (const { rows, linesBefore } of closedBillLinePages(db, bill, LINE, {
        batchSize,
        raw: true,
      })) {
        rows.forEach((row, index) => {
          lines.push(`${linesBefore + index + 1} ${Buffer.from(defined(row[0]) as Uint8Array).toString()}`);
        });
      }
      expect(lines, `pages of ${batchSize}`).toEqual(expected);
    }
  });

  it("are refused for a draft, whose pages would shift as lines arrive", async () => {
    const { db } = await database();
    const org = await billedOrg(db, fixture);
    const [draft] = await db.query.bills.findMany({ where: (bills, { eq }) => eq(bills.orgId, org.id) });
    const pages = closedBillLinePages(db, defined(draft), LINE);
    await expect(pages.next()).rejects.toThrow(/is not closed/);
  });
});
