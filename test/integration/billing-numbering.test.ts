import { randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { closeBill } from "../../core/billing/close-bill";
import { getBillingSettings } from "../../core/billing/get-billing-settings";
import { updateBillingSettings } from "../../core/billing/update-billing-settings";
import { failureMessage } from "../../core/shared/errors";
import type { Database } from "../../db/client";
import { auditLog, billingSettings, billLines } from "../../db/schema";
import { expectDomainError } from "../support/assertions";
import { type BillingOrg, billOf, closeAt, createBillingOrg, handedOverAt } from "../support/billing";
import { workerDatabase } from "../support/database";
import { rewardsFixture } from "../support/rewards-fixture";

const database = workerDatabase();
const fixture = rewardsFixture();

const MONTHS = 30;
/** 2023-01 … 2025-06, each with a redemption handed over on the 15th. */
const PERIODS = Array.from({ length: MONTHS }, (_, index) => {
  const year = 2023 + Math.floor(index / 12);
  return `${year}-${String((index % 12) + 1).padStart(2, "0")}`;
});
const AFTER_ALL = new Date("2025-07-20T12:00:00Z");

async function orgWithMonths(db: Database): Promise<BillingOrg> {
  const org = await createBillingOrg(db, fixture);
  const person = await org.hire();
  for (const period of [...PERIODS, "2025-07"]) {
    await handedOverAt(db, org, person, new Date(`${period}-15T15:00:00Z`));
  }
  return org;
}

async function nextSequence(db: Database, orgId: string): Promise<number> {
  const [row] = await db.select().from(billingSettings).where(eq(billingSettings.orgId, orgId));
  return row?.nextSequence ?? 1;
}

/**
 * Runs `body` while the database refuses to close one bill at its very last step: after its number was
 * taken and the lines' references numbered, as a crash or a lost connection would stop it.
 */
async function withLastStepRefused(db: Database, billId: string, body: () => Promise<void>) {
  const name = sql.identifier(`test_refuse_close_${randomBytes(4).toString("hex")}`);
  await db.execute(sql`
    create function ${name}() returns trigger language plpgsql as $$
    begin
      if new.id = '${sql.raw(billId)}'::uuid and new.status = 'closed' then
        raise exception 'the close broke off';
      end if;
      return new;
    end $$`);
  await db.execute(
    sql`create trigger ${name} before update on bills for each row execute function ${name}()`,
  );
  try {
    await body();
  } finally {
    await db.execute(sql`drop trigger ${name} on bills`);
    await db.execute(sql`drop function ${name}()`);
  }
}

describe("bill numbers", () => {
  it("form one gapless series under 30 concurrent closes; closes that fail take no number", async () => {
    const { db } = await database();
    const org = await orgWithMonths(db);
    await updateBillingSettings(db, org.finance.actor, { numberPrefix: "pldt" });
    expect(await getBillingSettings(db, org.finance.actor)).toMatchObject({
      numberPrefix: "PLDT",
      prefixEditable: true,
    });

    // Refused before it starts: July has not ended.
    await expectDomainError(closeAt(db, org, "2025-07", new Date("2025-07-20T12:00:00Z")), "conflict");
    // Broken off at its last step, after taking a number: all of it is undone.
    const june = await billOf(db, org.id, "2024-06");
    const juneLines = () => db.select().from(billLines).where(eq(billLines.billId, june.id));
    const linesBefore = await juneLines();
    await withLastStepRefused(db, june.id, async () => {
      const failure = await closeAt(db, org, "2024-06", AFTER_ALL).catch((error: unknown) => error);
      expect(failureMessage(failure)).toMatch(/the close broke off/);
    });
    expect(await billOf(db, org.id, "2024-06")).toEqual(june);
    expect(await juneLines()).toEqual(linesBefore);
    expect(await nextSequence(db, org.id)).toBe(1);

    const closed = await Promise.all(PERIODS.map((period) => closeAt(db, org, period, AFTER_ALL)));
    expect(closed.map((bill) => bill.sequence).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(
      Array.from({ length: MONTHS }, (_, index) => index + 1),
    );
    for (const bill of closed) {
      expect(bill.number).toBe(`PLDT-${bill.period.slice(0, 4)}-${String(bill.sequence).padStart(5, "0")}`);
    }
    expect(new Set(closed.map((bill) => bill.number)).size).toBe(MONTHS);

    // Closing again, all at once again, returns each bill as it closed and takes nothing more.
    const again = await Promise.all(
      PERIODS.map((period) => closeAt(db, org, period, new Date("2025-09-01"))),
    );
    expect(again).toEqual(closed);
    expect(await nextSequence(db, org.id)).toBe(MONTHS + 1);
    const closes = await db.select().from(auditLog).where(eq(auditLog.orgId, org.id));
    expect(closes.filter((entry) => entry.action === "bill.close")).toHaveLength(MONTHS);

    // The month refused earlier gets the very next number once it has ended.
    const july = await closeAt(db, org, "2025-07", new Date("2025-08-01T04:00:00Z"));
    expect(july.number).toBe("PLDT-2025-00031");
  });

  it("take their prefix from the slug, which finance may change until the first close and not after", async () => {
    const { db } = await database();
    const org = await createBillingOrg(db, fixture);
    const person = await org.hire();
    await handedOverAt(db, org, person, new Date("2025-03-15T15:00:00Z"));
    await handedOverAt(db, org, person, new Date("2025-04-15T15:00:00Z"));
    const fromSlug = org.slug
      .toUpperCase()
      .replace(/[^A-Z0-9]/g, "")
      .slice(0, 12);
    expect(await getBillingSettings(db, org.finance.actor)).toMatchObject({
      numberPrefix: fromSlug,
      prefixEditable: true,
    });
    await updateBillingSettings(db, org.finance.actor, { numberPrefix: "ACME-EU" });
    await updateBillingSettings(db, org.admin.actor, { numberPrefix: "ACME" });

    const march = await closeBill(db, org.finance.actor, { period: "2025-03" }, () => AFTER_ALL);
    expect(march.number).toBe("ACME-2025-00001");
    await expectDomainError(
      updateBillingSettings(db, org.finance.actor, { numberPrefix: "OTHER" }),
      "conflict",
    );
    expect(await getBillingSettings(db, org.finance.actor)).toMatchObject({
      numberPrefix: "ACME",
      prefixEditable: false,
    });
    const april = await closeAt(db, org, "2025-04", AFTER_ALL);
    expect(april.number).toBe("ACME-2025-00002");
  });
});
