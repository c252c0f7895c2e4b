import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { closeDueBills } from "../../core/billing/close-due-bills";
import { updateBillingSettings } from "../../core/billing/update-billing-settings";
import type { Database } from "../../db/client";
import { auditLog } from "../../db/schema";
import { type BillingOrg, billOf, closeAt, createBillingOrg, handedOverAt } from "../support/billing";
import { workerDatabase } from "../support/database";
import { rewardsFixture } from "../support/rewards-fixture";

const database = workerDatabase();
const fixture = rewardsFixture();
const DAY_MS = 24 * 60 * 60_000;

/** An org with a redemption handed over in each of these months, in New York. */
async function orgWithMonths(db: Database, periods: string[]): Promise<BillingOrg> {
  const org = await createBillingOrg(db, fixture);
  const person = await org.hire();
  for (const period of periods) await handedOverAt(db, org, person, new Date(`${period}-15T15:00:00Z`));
  return org;
}

/** The background pass as the org's own system, at `now`. */
function closeDue(db: Database, org: BillingOrg, now: Date) {
  return closeDueBills(db, org.system, () => now);
}

async function closeEntries(db: Database, orgId: string) {
  const entries = await db.select().from(auditLog).where(eq(auditLog.orgId, orgId)).orderBy(auditLog.id);
  return entries.filter((entry) => entry.action === "bill.close");
}

describe("closing due bills in the background", () => {
  it("closes a bill the org's number of days after its month ended, and not a moment before", async () => {
    const { db } = await database();
    const org = await orgWithMonths(db, ["2025-03"]);
    await updateBillingSettings(db, org.finance.actor, { closeAfterDays: 3 });
    const march = await billOf(db, org.id, "2025-03");
    const due = new Date(march.periodEnd.getTime() + 3 * DAY_MS);

    expect(await closeDue(db, org, new Date(due.getTime() - 1))).toEqual({ closed: 0, errors: [] });
    expect((await billOf(db, org.id, "2025-03")).status).toBe("open");
    expect(await closeDue(db, org, due)).toEqual({ closed: 1, errors: [] });
    expect(await billOf(db, org.id, "2025-03")).toMatchObject({
      status: "closed",
      sequence: 1,
      closedAt: due,
      closedBy: null,
    });
    const [entry] = await closeEntries(db, org.id);
    expect(entry).toMatchObject({ actorPersonId: null, targetId: march.id });
  });

  it("waits five days unless finance says otherwise", async () => {
    const { db } = await database();
    const org = await orgWithMonths(db, ["2025-03"]);
    const { periodEnd } = await billOf(db, org.id, "2025-03");
    expect(await closeDue(db, org, new Date(periodEnd.getTime() + 5 * DAY_MS - 1))).toMatchObject({
      closed: 0,
    });
    expect(await closeDue(db, org, new Date(periodEnd.getTime() + 5 * DAY_MS))).toMatchObject({ closed: 1 });
  });

  it("catches up on several missed months, oldest first, and leaves the month still running open", async () => {
    const { db } = await database();
    const org = await orgWithMonths(db, ["2024-11", "2024-12", "2025-01", "2025-02", "2025-03"]);
    const result = await closeDue(db, org, new Date("2025-03-20T12:00:00Z"));
    expect(result).toEqual({ closed: 4, errors: [] });
    const numbers = [];
    for (const period of ["2024-11", "2024-12", "2025-01", "2025-02"]) {
      numbers.push([period, (await billOf(db, org.id, period)).sequence]);
    }
    expect(numbers).toEqual([
      ["2024-11", 1],
      ["2024-12", 2],
      ["2025-01", 3],
      ["2025-02", 4],
    ]);
    expect((await billOf(db, org.id, "2025-03")).status).toBe("open");
  });

  it("leaves alone a bill finance closed meanwhile", async () => {
    const { db } = await database();
    const org = await orgWithMonths(db, ["2025-01", "2025-02"]);
    const february = await closeAt(db, org, "2025-02", new Date("2025-03-01T12:00:00Z"));
    expect(await closeDue(db, org, new Date("2025-03-20T12:00:00Z"))).toEqual({ closed: 1, errors: [] });
    expect(await billOf(db, org.id, "2025-02")).toEqual(february);
    expect(february).toMatchObject({ closedBy: org.finance.id, sequence: 1 });
    expect((await billOf(db, org.id, "2025-01")).sequence).toBe(2);
    expect(await closeEntries(db, org.id)).toHaveLength(2);
  });

  it("closes each bill once when two workers run at the same moment", async () => {
    const { db } = await database();
    const periods = ["2024-09", "2024-10", "2024-11", "2024-12", "2025-01", "2025-02"];
    const org = await orgWithMonths(db, periods);
    const now = new Date("2025-03-20T12:00:00Z");
    const [one, two] = await Promise.all([closeDue(db, org, now), closeDue(db, org, now)]);
    expect([...one.errors, ...two.errors]).toEqual([]);
    expect(one.closed + two.closed).toBe(periods.length);
    const bills = await Promise.all(periods.map((period) => billOf(db, org.id, period)));
    expect(bills.map((bill) => bill.sequence).sort()).toEqual([1, 2, 3, 4, 5, 6]);
    expect(await closeEntries(db, org.id)).toHaveLength(periods.length);
    expect(await closeDue(db, org, now)).toEqual({ closed: 0, errors: [] });
  });

  it("closes only the org's own bills when it runs as the org's system", async () => {
    const { db } = await database();
    const org = await orgWithMonths(db, ["2025-01"]);
    const other = await orgWithMonths(db, ["2025-01"]);
    expect(await closeDue(db, org, new Date("2025-03-20T12:00:00Z"))).toEqual({ closed: 1, errors: [] });
    expect((await billOf(db, other.id, "2025-01")).status).toBe("open");
  });
});
