import { type SQL, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getLiability } from "../../core/billing/get-liability";
import { getRollForward } from "../../core/billing/get-roll-forward";
import { summariseLedgerHours } from "../../core/billing/summarise-ledger-hours";
import { deactivatePerson } from "../../core/people/deactivate-person";
import { updatePerson } from "../../core/people/update-person";
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

/** `tampering` done behind the app's back is what db:check then reports, and all it reports. */
async function expectTamperingCaught(
  db: Database,
  org: BillingOrg,
  tampering: SQL,
  violation: { check: string; detail: string },
) {
  await db.execute(tampering);
  expect(await ledgerViolations(db, org.id)).toEqual([{ ...violation, orgId: org.id }]);
}

describe("the liability as of an instant", () => {
  it("counts what was posted by then and nothing posted after", async () => {
    const { db } = await database();
    const org = await createBillingOrg(db, fixture);
    const person = await org.hire({ department: "Sales" });
    await earnAt(db, org, person, 100, day("2025-05-10"));
    const asOf = day("2025-05-12", "12:00:00");

    // Read days later, when every hour up to then is summarised.
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

  it("counts a back-dated posting into an hour already summarised, and db:check catches a tampered hour", async () => {
    const { db } = await database();
    const org = await createBillingOrg(db, fixture);
    const person = await org.hire();
    await earnAt(db, org, person, 100, day("2025-06-01"));
    const asOf = day("2025-06-04", "06:00:00");
    expect(await liabilityAt(db, org, asOf, day("2025-06-10"))).toMatchObject({ earned: 100 });
    const summarised = await db.execute<{ hour: string }>(sql`
      select to_char(hour at time zone 'UTC', 'YYYY-MM-DD HH24:MI') as hour from ledger_hours_summarised
      where org_id = ${org.id}::uuid order by hour`);
    expect(summarised.map((row) => row.hour)).toContain("2025-06-02 15:00");

    // Into June 2nd, 15:00 to 16:00, which the read above summarised as an hour with nothing in it.
    await earnAt(db, org, person, 25, day("2025-06-02", "15:00:00"));
    expect(await liabilityAt(db, org, asOf, day("2025-06-10"))).toMatchObject({ earned: 125 });
    await expectLedgerClean(db, org.id);

    await expectTamperingCaught(
      db,
      org,
      sql`update ledger_hour_totals set earned = earned + 1
        where org_id = ${org.id}::uuid and hour = '2025-06-01T10:00Z' and kind = 'grant'`,
      {
        check: "hour_totals_stale",
        detail: "hour 2025-06-01 10:00 UTC (grant) is summarised as 101/0 but its entries sum to 100/0",
      },
    );
    // Cleared, the hour is summarised again from its entries on the next read.
    await db.execute(
      sql`delete from ledger_hours_summarised where org_id = ${org.id}::uuid and hour = '2025-06-01T10:00Z'`,
    );
    expect(await liabilityAt(db, org, asOf, day("2025-06-10"))).toMatchObject({ earned: 125 });
    await expectLedgerClean(db, org.id);
  });
});

describe("the liability by department", () => {
  it("follows a person to their new department, summarised hours and all, and db:check proves the hours", async () => {
    const { db } = await database();
    const org = await createBillingOrg(db, fixture);
    const ana = await org.hire({ department: "Sales" });
    const bo = await org.hire({ department: "Ops" });
    await earnAt(db, org, ana, 100, day("2025-05-10"));
    await earnAt(db, org, bo, 50, day("2025-05-11"));
    // Ana is given the 30 points of the reward she then asks for: they are held from her 130.
    await requestedAt(db, org, ana, day("2025-05-12"), { pointsPrice: 30 });
    const asOf = day("2025-05-13");
    const now = day("2025-05-20");
    const departments = async () => (await liabilityAt(db, org, asOf, now)).byDepartment;

    expect(await departments()).toEqual([
      { department: "Sales", people: 1, earned: 100, held: 30, outstanding: 130 },
      { department: "Ops", people: 1, earned: 50, held: 0, outstanding: 50 },
    ]);
    // Every hour up to the 20th is summarised now: the move must carry Ana's over.
    await updatePerson(db, org.admin.actor, { personId: ana.id, department: "Ops" });
    expect(await departments()).toEqual([
      { department: "Ops", people: 2, earned: 150, held: 30, outstanding: 180 },
    ]);
    await updatePerson(db, org.admin.actor, { personId: ana.id, department: null });
    // Ana joins the org's admin and finance lead, who have no department either.
    expect(await departments()).toEqual([
      { department: null, people: 3, earned: 100, held: 30, outstanding: 130 },
      { department: "Ops", people: 1, earned: 50, held: 0, outstanding: 50 },
    ]);
    await expectLedgerClean(db, org.id);

    await expectTamperingCaught(
      db,
      org,
      sql`update ledger_department_hour_totals set held = held + 5
        where org_id = ${org.id}::uuid and hour = '2025-05-11T10:00Z' and department = 'Ops'`,
      {
        check: "department_hours_stale",
        detail: "hour 2025-05-11 10:00 UTC of Ops is summarised as 50/5 but its people moved 50/0",
      },
    );
  });

  it("stays exact while people change department as their hours are being summarised", async () => {
    const { db } = await database();
    const org = await createBillingOrg(db, fixture);
    const names = ["Sales", "Ops", "Support"];
    const people = await Promise.all(
      Array.from({ length: 6 }, (_, index) => org.hire({ department: names[index % names.length] })),
    );
    for (const [index, person] of people.entries()) {
      for (let date = 1; date <= 28; date += 3) {
        await earnAt(db, org, person, 10 + index, day(`2025-02-${String(date).padStart(2, "0")}`));
      }
    }
    // Reads that summarise hour after hour race moves of everyone, each twice.
    await Promise.all([
      ...[5, 12, 19, 26, 28].map((date) =>
        liabilityAt(db, org, day("2025-02-01"), day(`2025-02-${String(date).padStart(2, "0")}`, "12:00:00")),
      ),
      ...people.flatMap((person, index) => [
        updatePerson(db, org.admin.actor, { personId: person.id, department: names[(index + 1) % 3] }),
        updatePerson(db, org.admin.actor, { personId: person.id, department: names[(index + 2) % 3] }),
      ]),
    ]);
    await expectLedgerClean(db, org.id);
    const liability = await liabilityAt(db, org, day("2025-02-20"), day("2025-03-05"));
    const total = (figure: "earned" | "held") =>
      liability.byDepartment.reduce((sum, row) => sum + row[figure], 0);
    expect([total("earned"), total("held")]).toEqual([liability.earned, liability.held]);
  });
});

describe("background work", () => {
  it("summarises an org's settled hours before anyone asks, once, and only for those allowed", async () => {
    const { db } = await database();
    const org = await createBillingOrg(db, fixture);
    const person = await org.hire({ department: "Sales" });
    await earnAt(db, org, person, 40, day("2025-01-03"));
    await earnAt(db, org, person, 2, day("2025-03-09"));
    const now = day("2025-03-10", "12:00:00");
    await expectDomainError(
      summariseLedgerHours(db, org.finance.actor, () => now),
      "forbidden",
    );

    // From the hour of the first posting, 10:00 on January 3rd, to the last settled at 11:45 on March
    // 10th, 10:00 to 11:00: 66 days and an hour, in three transactions of at most 31 days.
    const hours = 66 * 24 + 1;
    expect(await summariseLedgerHours(db, org.system, () => now)).toEqual({ hours, errors: [] });
    expect(await summariseLedgerHours(db, org.system, () => now)).toEqual({ hours: 0, errors: [] });
    const [stored] = await db.execute<{ hours: number; earned: string }>(sql`
      select (select count(*)::int from ledger_hours_summarised where org_id = ${org.id}::uuid) as hours,
        (select sum(earned) from ledger_department_hour_totals where org_id = ${org.id}::uuid and department = 'Sales') as earned`);
    expect(stored).toEqual({ hours, earned: "42" });
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
