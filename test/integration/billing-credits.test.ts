import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { billCsvSha256 } from "../../core/billing/bill-files";
import { getBill } from "../../core/billing/get-bill";
import type { Database } from "../../db/client";
import { defined, expectLedgerClean } from "../support/assertions";
import {
  type BillingOrg,
  billOf,
  cancelAt,
  cardFulfilledAt,
  closeAt,
  createBillingOrg,
  csvLines,
  exportedCsv,
  handedOverAt,
  handOverAt,
  hireBouncing,
  periodsOf,
  requestedAt,
} from "../support/billing";
import { workerDatabase } from "../support/database";
import { rewardsFixture } from "../support/rewards-fixture";

const database = workerDatabase();
const fixture = rewardsFixture();

/** A $5 card fulfilled at `at` for someone whose email bounces: a reward an admin may cancel. */
async function bouncedCard(db: Database, org: BillingOrg, at: Date) {
  const person = await hireBouncing(org);
  const redemption = await cardFulfilledAt(db, fixture, org, person, at);
  expect(redemption.deliveryStatus).toBe("failed");
  return redemption;
}

/** The bill's CSV lines, as finance downloads them, as `line_type` and the columns a credit is read by. */
async function creditColumns(db: Database, org: BillingOrg, period: string) {
  return csvLines(await exportedCsv(db, org.finance.actor, period)).map((line) => ({
    bill: line.bill_number,
    line: line.line,
    type: line.line_type,
    redemption: line.redemption_id,
    fulfilledAt: line.fulfilled_at,
    points: line.points,
    faceValue: line.face_value,
    billed: line.billed_amount,
    status: line.status,
    refersToBill: line.refers_to_bill,
    refersToLine: line.refers_to_line,
  }));
}

describe("a canceled reward's credit", () => {
  it("after its bill closed, lands on the next open bill naming the original bill and line", async () => {
    const { db } = await database();
    const org = await createBillingOrg(db, fixture);
    const colleague = await org.hire();
    const before = await handedOverAt(db, org, colleague, new Date("2025-03-05T15:00:00Z"));
    const card = await bouncedCard(db, org, new Date("2025-03-10T15:00:00Z"));
    const march = await closeAt(db, org, "2025-03", new Date("2025-04-02T12:00:00Z"));
    const marchNumber = defined(march.number);

    await cancelAt(db, fixture, org, card, new Date("2025-04-05T12:00:00Z"));

    expect(await periodsOf(db, org.id)).toEqual(["2025-03", "2025-04"]);
    expect(await creditColumns(db, org, "2025-04")).toEqual([
      {
        bill: "",
        line: "1",
        type: "credit",
        redemption: card.id,
        // A credit repeats the charge it corrects: when that was fulfilled, its figures negated.
        fulfilledAt: "2025-03-10T15:00:00.000Z",
        points: "-50",
        faceValue: "-5.00",
        billed: "-5.00",
        status: "canceled",
        refersToBill: marchNumber,
        refersToLine: "2",
      },
    ]);
    // The closed bill still holds its charge, unchanged.
    expect((await creditColumns(db, org, "2025-03")).map((line) => [line.line, line.redemption])).toEqual([
      ["1", before.id],
      ["2", card.id],
    ]);
    expect(await billCsvSha256(db, await billOf(db, org.id, "2025-03"))).toBe(march.csvSha256);

    const april = await getBill(db, org.finance.actor, { period: "2025-04" });
    expect(april.totals).toMatchObject({ billedMinor: -500, credit: { lines: 1, billedMinor: -500 } });
    expect(april.tieOut).toMatchObject({ creditedPoints: 50, reversedPoints: 50, balanced: true });

    // Closed in turn, the credit keeps naming the original line; now with its own bill's number.
    const closedApril = await closeAt(db, org, "2025-04", new Date("2025-05-02T12:00:00Z"));
    expect(await creditColumns(db, org, "2025-04")).toMatchObject([
      { bill: closedApril.number, line: "1", refersToBill: marchNumber, refersToLine: "2" },
    ]);
    await expectLedgerClean(db, org.id);
  });

  it("before its bill closed, nets out on the same bill with both lines visible", async () => {
    const { db } = await database();
    const org = await createBillingOrg(db, fixture);
    const card = await bouncedCard(db, org, new Date("2025-03-10T15:00:00Z"));
    await cancelAt(db, fixture, org, card, new Date("2025-03-12T09:00:00Z"));

    const draft = await getBill(db, org.finance.actor, { period: "2025-03" });
    expect(
      draft.lines.map((line) => [line.line, line.lineType, line.billedMinor, line.refersToLine]),
    ).toEqual([
      [1, "charge", 500, null],
      [2, "credit", -500, 1],
    ]);
    expect(draft.totals).toMatchObject({
      lines: 2,
      billedMinor: 0,
      points: 0,
      charge: { lines: 1, billedMinor: 500, points: 50 },
      credit: { lines: 1, billedMinor: -500, points: -50 },
    });
    expect(draft.tieOut).toMatchObject({
      chargedPoints: 50,
      settledPoints: 50,
      creditedPoints: 50,
      balanced: true,
    });

    const closed = await closeAt(db, org, "2025-03", new Date("2025-04-02T12:00:00Z"));
    expect(await periodsOf(db, org.id)).toEqual(["2025-03"]);
    expect(await creditColumns(db, org, "2025-03")).toMatchObject([
      { bill: closed.number, line: "1", type: "charge", billed: "5.00", refersToBill: "", refersToLine: "" },
      {
        bill: closed.number,
        line: "2",
        type: "credit",
        billed: "-5.00",
        refersToBill: closed.number,
        refersToLine: "1",
      },
    ]);
    await expectLedgerClean(db, org.id);
  });
});

describe("a credit for a line of a draft", () => {
  it("follows the line's place while the draft grows, and keeps the number the line closes with", async () => {
    const { db } = await database();
    const org = await createBillingOrg(db, fixture);
    const card = await bouncedCard(db, org, new Date("2025-03-10T15:00:00Z"));
    await cancelAt(db, fixture, org, card, new Date("2025-04-03T09:00:00Z"));
    const aprilCredit = async () =>
      (await creditColumns(db, org, "2025-04")).map(({ type, refersToLine }) => [type, refersToLine]);
    expect(await aprilCredit()).toEqual([["credit", "1"]]);

    // A fulfilment dated before the card reaches March's draft late: the card's line is now the second.
    await handedOverAt(db, org, await org.hire(), new Date("2025-03-05T15:00:00Z"));
    expect(await aprilCredit()).toEqual([["credit", "2"]]);

    const march = await closeAt(db, org, "2025-03", new Date("2025-04-05T12:00:00Z"));
    const [stored] = await db.execute<{ number: number }>(sql`
      select refers_to_line_number as number from bill_lines where redemption_id = ${card.id} and line_type = 'credit'`);
    expect(stored?.number).toBe(2);
    const april = await closeAt(db, org, "2025-04", new Date("2025-05-05T12:00:00Z"));
    expect(await creditColumns(db, org, "2025-04")).toMatchObject([
      { bill: april.number, line: "1", type: "credit", refersToBill: march.number, refersToLine: "2" },
    ]);
    await expectLedgerClean(db, org.id);
  });
});

describe("a late fulfilment", () => {
  it("dated in a month whose bill has closed, lands on the next open bill, skipping every closed one", async () => {
    const { db } = await database();
    const org = await createBillingOrg(db, fixture);
    const person = await org.hire();
    await handedOverAt(db, org, person, new Date("2025-03-05T15:00:00Z"));
    await handedOverAt(db, org, person, new Date("2025-04-07T15:00:00Z"));
    // Asked for in March, handed over only after March and April had closed, recorded as of March 31.
    const redemption = await requestedAt(db, org, person, new Date("2025-03-20T12:05:00Z"));
    const march = await closeAt(db, org, "2025-03", new Date("2025-04-02T12:00:00Z"));
    const april = await closeAt(db, org, "2025-04", new Date("2025-05-02T12:00:00Z"));

    await handOverAt(db, org, redemption, new Date("2025-03-31T16:00:00Z"));

    expect(await periodsOf(db, org.id)).toEqual(["2025-03", "2025-04", "2025-05"]);
    const may = await getBill(db, org.finance.actor, { period: "2025-05" });
    expect(may.bill.status).toBe("open");
    expect(may.lines).toMatchObject([
      {
        redemptionId: redemption.id,
        lineType: "charge",
        fulfilledAt: "2025-03-31T16:00:00.000Z",
        fulfilledDate: "2025-03-31",
      },
    ]);
    for (const closed of [march, april]) {
      const now = await billOf(db, org.id, closed.period);
      expect(now).toEqual(closed);
      expect(await billCsvSha256(db, now)).toBe(closed.csvSha256);
    }
    await expectLedgerClean(db, org.id);
  });
});
