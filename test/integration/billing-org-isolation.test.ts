import { beforeAll, describe, expect, it } from "vitest";
import { closeBill } from "../../core/billing/close-bill";
import { closeDueBills } from "../../core/billing/close-due-bills";
import { exportBill } from "../../core/billing/export-bill";
import { getBill } from "../../core/billing/get-bill";
import { getBillingSettings } from "../../core/billing/get-billing-settings";
import { getFinanceTrends } from "../../core/billing/get-finance-trends";
import { getLiability } from "../../core/billing/get-liability";
import { getRollForward } from "../../core/billing/get-roll-forward";
import { listBills } from "../../core/billing/list-bills";
import { updateBillingSettings } from "../../core/billing/update-billing-settings";
import type { Actor } from "../../core/shared/actor";
import type { Database } from "../../db/client";
import { expectDomainError } from "../support/assertions";
import {
  type BillingOrg,
  billOf,
  cardFulfilledAt,
  closeAt,
  collect,
  createBillingOrg,
  earnAt,
  handedOverAt,
} from "../support/billing";
import { workerDatabase } from "../support/database";
import type { TestPerson } from "../support/factories";
import { rewardsFixture } from "../support/rewards-fixture";

const database = workerDatabase();
const fixture = rewardsFixture();
const NOW = new Date("2025-05-10T12:00:00Z");
const now = () => NOW;

interface Side {
  org: BillingOrg;
  person: TestPerson;
  /** The ids that show this org's rows: its own, its people's and its redemptions'. */
  markers: string[];
}

let db: Database;
/** A has bills for February (only A), March (closed) and April; B for March and April. */
let a: Side;
let b: Side;

async function side(periods: string[], cardValueMinor: number, spare: number): Promise<Side> {
  const org = await createBillingOrg(db, fixture);
  const person = await org.hire({ department: `Dept ${org.slug}` });
  const markers = [org.id, org.slug, person.id];
  for (const period of periods) {
    const { id } = await handedOverAt(db, org, person, new Date(`${period}-12T15:00:00Z`));
    markers.push(id);
  }
  const card = { productId: "AMZNUS000001", faceValueMinor: cardValueMinor };
  const { id } = await cardFulfilledAt(db, fixture, org, person, new Date("2025-03-20T15:00:00Z"), card);
  markers.push(id);
  // Every redemption spent exactly what was earned for it: this is what the person still has.
  await earnAt(db, org, person, spare, new Date("2025-04-02T12:00:00Z"));
  return { org, person, markers };
}

/** Every finance read of `actor`'s org, as text, its files read to the end. */
async function everythingShownTo(actor: Actor): Promise<string> {
  const bills = await listBills(db, actor);
  const shown: unknown[] = [bills];
  for (const { period } of bills) {
    shown.push(await getBill(db, actor, { period, limit: 500 }));
    for (const format of ["csv", "json"] as const) {
      const file = await exportBill(db, actor, { period, format });
      shown.push(file.bill, file.fileName, await collect(file.chunks));
    }
  }
  shown.push(
    await getLiability(db, actor, {}, now),
    await getRollForward(db, actor, { month: "2025-03" }, now),
    await getFinanceTrends(db, actor, now),
    await getBillingSettings(db, actor),
  );
  return JSON.stringify(shown);
}

describe("finance in one org", () => {
  beforeAll(async () => {
    ({ db } = await database());
    a = await side(["2025-02", "2025-03", "2025-04"], 1250, 1000);
    b = await side(["2025-03", "2025-04"], 2000, 70);
    await closeAt(db, a.org, "2025-03", new Date("2025-04-02T12:00:00Z"));
  });

  it("sees its own bills, files and figures, and nothing of another org's", async () => {
    for (const [own, other] of [
      [a, b],
      [b, a],
    ] as const) {
      const shown = await everythingShownTo(own.org.finance.actor);
      expect(
        own.markers.filter((marker) => !shown.includes(marker)),
        "its own rows",
      ).toEqual([]);
      expect(
        other.markers.filter((marker) => shown.includes(marker)),
        "the other org's rows",
      ).toEqual([]);
    }
    const billsOfB = await listBills(db, b.org.finance.actor);
    expect(billsOfB.map((bill) => [bill.period, bill.status])).toEqual([
      ["2025-04", "open"],
      ["2025-03", "open"],
    ]);
    expect(await getLiability(db, b.org.finance.actor, {}, now)).toMatchObject({ earned: 70, held: 0 });
    const trends = await getFinanceTrends(db, b.org.finance.actor, now);
    expect(trends.spend.find((month) => month.month === "2025-03")).toMatchObject({ giftCardMinor: 2000 });
  });

  it("finds no bill for a month only another org has, and closes nothing of that org's", async () => {
    const february = await billOf(db, a.org.id, "2025-02");
    const finance = b.org.finance.actor;
    await expectDomainError(getBill(db, finance, { period: "2025-02" }), "not_found");
    await expectDomainError(exportBill(db, finance, { period: "2025-02", format: "csv" }), "not_found");
    await expectDomainError(closeBill(db, finance, { period: "2025-02" }, now), "not_found");
    expect(await billOf(db, a.org.id, "2025-02")).toEqual(february);

    // Its own March closes as the first of its own series, beside the other org's closed March.
    const march = await closeBill(db, finance, { period: "2025-03" }, now);
    expect(march).toMatchObject({ orgId: b.org.id, sequence: 1 });
    expect(await billOf(db, a.org.id, "2025-03")).toMatchObject({ sequence: 1 });
  });

  it("changes its own billing settings only, and its background pass closes its own bills only", async () => {
    const before = await getBillingSettings(db, a.org.finance.actor);
    await updateBillingSettings(db, b.org.finance.actor, { closeAfterDays: 0, taxableKinds: ["charity"] });
    expect(await getBillingSettings(db, a.org.finance.actor)).toEqual(before);

    await closeDueBills(db, b.org.system, now);
    expect((await billOf(db, b.org.id, "2025-04")).status).toBe("closed");
    expect((await billOf(db, a.org.id, "2025-04")).status).toBe("open");
  });

  it("is closed to employees and managers, who are refused every finance use case", async () => {
    for (const { org } of [a, b]) {
      const employee = await org.hire();
      const manager = await org.hire({ roles: ["employee", "manager"] });
      for (const actor of [employee.actor, manager.actor]) {
        const calls: Promise<unknown>[] = [
          listBills(db, actor),
          getBill(db, actor, { period: "2025-03" }),
          exportBill(db, actor, { period: "2025-03", format: "csv" }),
          closeBill(db, actor, { period: "2025-04" }, now),
          getBillingSettings(db, actor),
          updateBillingSettings(db, actor, { closeAfterDays: 1 }),
          getLiability(db, actor, {}, now),
          getRollForward(db, actor, { month: "2025-03" }, now),
          getFinanceTrends(db, actor, now),
          closeDueBills(db, actor, now),
        ];
        for (const call of calls) await expectDomainError(call, "forbidden");
      }
    }
  });
});
