import { eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { people } from "../../db/schema";
import {
  type BillingOrg,
  cancelAt,
  cardFulfilledAt,
  createBillingOrg,
  handedOverAt,
  hireBouncing,
} from "./billing";
import type { TestPerson } from "./factories";
import type { RewardsFixture } from "./rewards-fixture";

/**
 * Names a spreadsheet or a CSV parser could trip on: separators, quotes, line breaks, emoji, and text a
 * spreadsheet would run as a formula.
 */
export const AWKWARD_NAMES = [
  "Lima, Ana",
  'Bo "Bobby" Chen',
  "Cy\nTwo Lines",
  "Dee 😀 Émoji",
  "=SUM(A1)",
  "+1",
  "-2",
  "@x",
] as const;

/** A month long past, so that its bill can close whenever the tests run. */
export const BILL_MONTH = "2026-03";

export interface BilledOrg extends BillingOrg {
  month: string;
  /** One person per awkward name, in the order of AWKWARD_NAMES, each with a $5 gift card. */
  awkward: TestPerson[];
  /** Gave $20 to charity, and was handed a mug that cost $12.34 and a lunch with no cost recorded. */
  giver: TestPerson;
  /** Their $5 gift card bounced and was canceled: a charge and its credit on the same bill. */
  bounced: TestPerson;
}

/** Mid-afternoon UTC on `day` of the month: the same day in New York, the org's time zone. */
export function dayOf(month: string, day: number): Date {
  return new Date(`${month}-${String(day).padStart(2, "0")}T15:00:00Z`);
}

/**
 * An org (in New York, with a finance person) whose `month` bill has lines of every kind, made the way
 * the product makes them: gift cards and a donation ordered from the sandbox, custom rewards handed
 * over, a bounced card canceled, each fulfilled on its own day of the month. 13 lines billing $60.00.
 */
export async function billedOrg(
  db: Database,
  fixture: RewardsFixture,
  month = BILL_MONTH,
): Promise<BilledOrg> {
  const org = await createBillingOrg(db, fixture);
  const awkward: TestPerson[] = [];
  for (const [index, name] of AWKWARD_NAMES.entries()) {
    const person = await org.hire({
      department: index % 2 === 0 ? "R&D, Labs" : "Sales",
      costCenter: `CC-${index % 3}`,
      externalEmployeeId: index === 4 ? "=1+1" : `E-${index}`,
    });
    // People arrive from HR systems with names no form would take; the bill snapshots them as they are.
    await db.update(people).set({ name }).where(eq(people.id, person.id));
    await cardFulfilledAt(db, fixture, org, person, dayOf(month, index + 1));
    awkward.push({ ...person, name });
  }

  const giver = await org.hire({ name: "Gia Giver", department: "Sales", costCenter: "CC-9" });
  const donation = { productId: "MSFXUS000001", faceValueMinor: 2000 };
  await cardFulfilledAt(db, fixture, org, giver, dayOf(month, 10), donation);
  await handedOverAt(db, org, giver, dayOf(month, 11), {
    name: "Mug",
    pointsPrice: 30,
    internalCostMinor: 1234,
  });
  await handedOverAt(db, org, giver, dayOf(month, 12), { name: "Lunch", pointsPrice: 40 });

  const bounced = await hireBouncing(org, "Hal Bounce");
  const card = await cardFulfilledAt(db, fixture, org, bounced, dayOf(month, 13));
  await cancelAt(db, fixture, org, card, dayOf(month, 14));
  return { ...org, month, awkward, giver, bounced };
}
