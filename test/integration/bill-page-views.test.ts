import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { billCsvChunks } from "../../core/billing/bill-files";
import { closeBill } from "../../core/billing/close-bill";
import { closeDueBills } from "../../core/billing/close-due-bills";
import { getBill } from "../../core/billing/get-bill";
import { getBillingSettings } from "../../core/billing/get-billing-settings";
import { getLiability } from "../../core/billing/get-liability";
import { getRollForward } from "../../core/billing/get-roll-forward";
import { updateBillingSettings } from "../../core/billing/update-billing-settings";
import { updateOrgSettings } from "../../core/org/update-org-settings";
import { cancelReward } from "../../core/rewards/cancel-reward";
import { createCustomReward } from "../../core/rewards/create-custom-reward";
import type { Clock } from "../../core/shared/clock";
import type { Database } from "../../db/client";
import { workerDatabase } from "../support/database";
import { createRewardsOrg, rewardsFixture, STARBUCKS_5 } from "../support/rewards-fixture";

const database = workerDatabase();
const fixture = rewardsFixture();

const at =
  (iso: string): Clock =>
  () =>
    new Date(iso);

/** An org in New York, where daylight time ends on 1 November 2026, with one person to redeem. */
async function newYorkOrg(db: Database) {
  const org = await createRewardsOrg(db, fixture.deps());
  await updateOrgSettings(db, org.admin.actor, { timeZone: "America/New_York" });
  const ana = await org.hire({ name: "Ana", department: "Ops" });
  await org.earn(ana, 5000);
  const finance = await org.hire({ name: "Fin Ance", roles: ["employee", "finance"] });
  const redeemAt = async (iso: string, person = ana) =>
    (await org.redeem(person, STARBUCKS_5, fixture.deps({ clock: at(iso) }))).redemption;
  return { org, ana, finance, redeemAt };
}

describe("what the bill page tells finance about closing", () => {
  it("counts the grace period in calendar days of the org's zone, to the instant background work closes it", async () => {
    const { db } = await database();
    const { org, finance, redeemAt } = await newYorkOrg(db);
    await redeemAt("2026-10-20T15:00:00Z");
    const { numberPrefix } = await getBillingSettings(db, finance.actor);
    const outlookAt = async (iso: string) =>
      (await getBill(db, finance.actor, { period: "2026-10" }, at(iso))).closing;

    expect(await outlookAt("2026-10-31T12:00:00Z")).toEqual({
      closableFrom: new Date("2026-11-01T04:00:00Z"),
      canCloseNow: false,
      // Midnight on the 6th is in standard time again: 05:00 UTC, where 5 × 24 hours would say 04:00.
      closesAutomaticallyAt: new Date("2026-11-06T05:00:00Z"),
      automaticCloseDue: false,
      nextNumber: `${numberPrefix}-2026-00001`,
    });
    expect(await outlookAt("2026-11-01T04:00:00Z")).toMatchObject({
      canCloseNow: true,
      automaticCloseDue: false,
    });

    const background = { kind: "system", orgId: org.id } as const;
    const justBefore = "2026-11-06T04:59:59.999Z";
    expect(await outlookAt(justBefore)).toMatchObject({ automaticCloseDue: false });
    expect(await closeDueBills(db, background, at(justBefore))).toEqual({ closed: 0, errors: [] });
    expect(await outlookAt("2026-11-06T05:00:00Z")).toMatchObject({ automaticCloseDue: true });
    expect(await closeDueBills(db, background, at("2026-11-06T05:00:00Z"))).toEqual({
      closed: 1,
      errors: [],
    });

    const closed = await getBill(db, finance.actor, { period: "2026-10" });
    expect(closed.bill.number).toBe(`${numberPrefix}-2026-00001`);
    expect(closed.closing).toBeNull();
    // Nobody closed it: the page says "automatically".
    expect(closed.closedByName).toBeNull();
  });

  it("follows the grace period finance sets", async () => {
    const { db } = await database();
    const { finance, redeemAt } = await newYorkOrg(db);
    await redeemAt("2026-10-20T15:00:00Z");
    await updateBillingSettings(db, finance.actor, { closeAfterDays: 0 });
    const { closing } = await getBill(db, finance.actor, { period: "2026-10" }, at("2026-10-31T12:00:00Z"));
    expect(closing?.closesAutomaticallyAt).toEqual(new Date("2026-11-01T04:00:00Z"));
  });

  it("names the number the next close takes, and who closed a bill", async () => {
    const { db } = await database();
    const { finance, redeemAt } = await newYorkOrg(db);
    await updateBillingSettings(db, finance.actor, { numberPrefix: "ZED" });
    await redeemAt("2026-10-20T15:00:00Z");
    await redeemAt("2026-11-20T15:00:00Z");
    const november = () => getBill(db, finance.actor, { period: "2026-11" }, at("2026-12-02T12:00:00Z"));
    expect((await november()).closing?.nextNumber).toBe("ZED-2026-00001");

    const closed = await closeBill(db, finance.actor, { period: "2026-10" }, at("2026-11-02T12:00:00Z"));
    expect(closed.number).toBe("ZED-2026-00001");
    expect((await november()).closing?.nextNumber).toBe("ZED-2026-00002");
    const october = await getBill(db, finance.actor, { period: "2026-10" });
    expect(october.closedByName).toBe("Fin Ance");
    expect(october.closing).toBeNull();
  });
});

describe("the lines a credit corrects", () => {
  it("names the draft month or the closed bill's number and line, and nothing for a charge", async () => {
    const { db } = await database();
    const { org, finance, redeemAt } = await newYorkOrg(db);
    const bouncer = await org.hire({ email: `bo-${org.slug}@bounce.example` });
    await org.earn(bouncer, 500);
    const cancelAt = (id: string, iso: string) =>
      cancelReward(db, org.admin.actor, { redemptionId: id }, fixture.deps({ clock: at(iso) }));

    await redeemAt("2026-10-05T15:00:00Z");
    const early = await redeemAt("2026-10-10T15:00:00Z", bouncer);
    const late = await redeemAt("2026-10-12T15:00:00Z", bouncer);
    // Canceled while October is a draft: the credit joins October, beside its charge (line 2).
    await cancelAt(early.id, "2026-10-11T15:00:00Z");
    const draft = await getBill(db, finance.actor, { period: "2026-10" });
    expect(
      draft.lines.map((line) => [line.lineType, line.refersToBill, line.refersToPeriod, line.refersToLine]),
    ).toEqual([
      ["charge", null, null, null],
      ["charge", null, null, null],
      ["credit", null, "2026-10", 2],
      ["charge", null, null, null],
    ]);

    const { number } = await closeBill(db, finance.actor, { period: "2026-10" }, at("2026-11-02T12:00:00Z"));
    // Canceled after October closed: the credit goes on November and names October's number.
    await cancelAt(late.id, "2026-11-03T15:00:00Z");
    const next = await getBill(db, finance.actor, { period: "2026-11" });
    expect(
      next.lines.map((line) => [line.lineType, line.refersToBill, line.refersToPeriod, line.refersToLine]),
    ).toEqual([["credit", number, "2026-10", 4]]);

    // The CSV leaves a charge's reference empty rather than pointing at a line 0.
    let csv = "";
    for await (const chunk of billCsvChunks(db, draft.bill)) csv += chunk;
    const rows: Record<string, string>[] = parse(csv, { columns: true });
    expect(rows.map((row) => [row.line_type, row.refers_to_line])).toEqual([
      ["charge", ""],
      ["charge", ""],
      ["credit", "2"],
      ["charge", ""],
    ]);
  });
});

describe("the liability figures the page shows", () => {
  it("gives each department its outstanding points, held ones included", async () => {
    const { db } = await database();
    const { org, ana, finance } = await newYorkOrg(db);
    const mug = await createCustomReward(db, org.admin.actor, { name: "Mug", pointsPrice: 300 });
    await org.redeem(ana, { customRewardId: mug.id }, fixture.deps());
    const { byDepartment } = await getLiability(db, finance.actor);
    expect(byDepartment.find((row) => row.department === "Ops")).toEqual({
      department: "Ops",
      people: 1,
      earned: 4700,
      held: 300,
      outstanding: 5000,
    });
  });

  it("shows a month without forfeits or settles as zero, never minus zero", async () => {
    const { db } = await database();
    const { finance } = await newYorkOrg(db);
    const rollForward = await getRollForward(db, finance.actor, { month: "2026-01" });
    expect(Object.is(rollForward.redeemed, 0)).toBe(true);
    expect(Object.is(rollForward.forfeited, 0)).toBe(true);
  });
});
