import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getLiability } from "../../core/billing/get-liability";
import { getRollForward } from "../../core/billing/get-roll-forward";
import { deactivatePerson } from "../../core/people/deactivate-person";
import { failRedemption } from "../../core/rewards/fail-redemption";
import type { Database } from "../../db/client";
import { expectDomainError, expectLedgerClean, ledgerViolations } from "../support/assertions";
import {
  type BillingOrg,
  cancelAt,
  cardFulfilledAt,
  createBillingOrg,
  earnAt,
  hireBouncing,
  requestedAt,
} from "../support/billing";
import { workerDatabase } from "../support/database";
import { rewardsFixture } from "../support/rewards-fixture";

const database = workerDatabase();
const fixture = rewardsFixture();

const day = (date: string, time = "10:00:00") => new Date(`${date}T${time}Z`);

function liabilityAt(db: Database, org: BillingOrg, asOf: Date, now: Date) {
  return getLiability(db, org.finance.actor, { asOf: asOf.toISOString() }, () => now);
}

describe("the liability as of an instant", () => {
  it("counts what was posted by then and nothing posted after", async () => {
    const { db } = await database();
    const org = await createBillingOrg(db, fixture);
    const person = await org.hire({ department: "Sales" });
    await earnAt(db, org, person, 100, day("2025-05-10"));
    const asOf = day("2025-05-12", "12:00:00");

    // Read days later, when every day up to then is summarised.
    const first = await liabilityAt(db, org, asOf, day("2025-05-20"));
    expect(first).toMatchObject({ earned: 100, held: 0, outstanding: 100 });
    expect(first.byDepartment).toEqual([
      { department: "Sales", people: 1, earned: 100, held: 0, outstanding: 100 },
    ]);

    // A millisecond after the instant, the same day, and days after it.
    await earnAt(db, org, person, 7, new Date(asOf.getTime() + 1));
    await earnAt(db, org, person, 40, day("2025-05-15"));
    const again = await liabilityAt(db, org, asOf, day("2025-05-21"));
    expect(again).toEqual({ ...first });
    // At the instant itself a posting counts.
    await earnAt(db, org, person, 3, asOf);
    expect(await liabilityAt(db, org, asOf, day("2025-05-21"))).toMatchObject({ earned: 103 });
    expect(await liabilityAt(db, org, day("2025-05-16"), day("2025-05-21"))).toMatchObject({
      earned: 150,
      outstanding: 150,
    });
    // An instant still to come has no liability yet.
    await expectDomainError(liabilityAt(db, org, day("2025-05-22"), day("2025-05-21")), "invalid");
  });

  it("counts a back-dated posting into a day already summarised, and db:check catches a tampered day", async () => {
    const { db } = await database();
    const org = await createBillingOrg(db, fixture);
    const person = await org.hire();
    await earnAt(db, org, person, 100, day("2025-06-01"));
    const asOf = day("2025-06-04", "06:00:00");
    expect(await liabilityAt(db, org, asOf, day("2025-06-10"))).toMatchObject({ earned: 100 });
    const summarised = await db.execute<{ day: string }>(
      sql`select day::text from ledger_days_summarised where org_id = ${org.id}::uuid order by day`,
    );
    expect(summarised.map((row) => row.day)).toContain("2025-06-02");

    // Into June 2nd, which the read above summarised as a day with nothing in it.
    await earnAt(db, org, person, 25, day("2025-06-02", "15:00:00"));
    expect(await liabilityAt(db, org, asOf, day("2025-06-10"))).toMatchObject({ earned: 125 });
    await expectLedgerClean(db, org.id);

    await db.execute(sql`
      update ledger_day_totals set earned = earned + 1
      where org_id = ${org.id}::uuid and day = '2025-06-01' and kind = 'grant'`);
    expect(await ledgerViolations(db, org.id)).toEqual([
      {
        check: "day_totals_stale",
        orgId: org.id,
        detail: "day 2025-06-01 (grant) is summarised as 101/0 but its entries sum to 100/0",
      },
    ]);
    // Cleared, the day is summarised again from its entries on the next read.
    await db.execute(
      sql`delete from ledger_days_summarised where org_id = ${org.id}::uuid and day = '2025-06-01'`,
    );
    expect(await liabilityAt(db, org, asOf, day("2025-06-10"))).toMatchObject({ earned: 125 });
    await expectLedgerClean(db, org.id);
  });
});

describe("the roll-forward", () => {
  it("ties when a leaver's earned points and a redemption they left waiting are both forfeited", async () => {
    const { db } = await database();
    const org = await createBillingOrg(db, fixture, { leaverPolicy: "forfeit" });
    const leaver = await org.hire();
    await earnAt(db, org, leaver, 70, day("2025-03-02"));
    const redemption = await requestedAt(db, org, leaver, day("2025-03-03"), { pointsPrice: 30 });
    await deactivatePerson(db, org.admin.actor, { personId: leaver.id }, () => day("2025-03-04"));
    // Never handed over: the held points follow the rest of the leaver's balance.
    await failRedemption(
      db,
      org.admin.actor,
      { redemptionId: redemption.id, reason: "They left" },
      { clock: () => day("2025-03-05") },
    );

    const march = await getRollForward(db, org.finance.actor, { month: "2025-03" }, () => day("2025-04-10"));
    expect(march).toMatchObject({ opening: 0, earned: 100, redeemed: 0, closing: 0 });
    const { opening, earned, redeemed, forfeited, reversed, adjusted, closing } = march;
    expect(opening + earned - redeemed - forfeited + reversed + adjusted).toBe(closing);
    expect(forfeited).toBe(100);
    await expectLedgerClean(db, org.id);
  });

  it("ties across a month whose edge falls mid-day in UTC, with a settle and its reversal either side", async () => {
    const { db } = await database();
    const org = await createBillingOrg(db, fixture);
    const person = await hireBouncing(org);
    // March ends at 04:00 UTC on April 1st in New York.
    await earnAt(db, org, person, 60, new Date("2025-04-01T03:30:00Z"));
    const card = await cardFulfilledAt(db, fixture, org, person, new Date("2025-04-01T03:45:00Z"));
    await cancelAt(db, fixture, org, card, new Date("2025-04-01T04:15:00Z"));
    await earnAt(db, org, person, 5, new Date("2025-04-01T04:30:00Z"));

    const now = () => new Date("2025-05-01T12:00:00Z");
    const march = await getRollForward(db, org.finance.actor, { month: "2025-03" }, now);
    const april = await getRollForward(db, org.finance.actor, { month: "2025-04" }, now);
    expect(march).toMatchObject({ opening: 0, earned: 110, redeemed: 50, reversed: 0, closing: 60 });
    expect(april).toMatchObject({ opening: 60, earned: 5, redeemed: 0, reversed: 50, closing: 115 });
  });
});
