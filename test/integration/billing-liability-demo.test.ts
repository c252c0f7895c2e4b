import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { periodOfInstant } from "../../core/billing/bill-period";
import { getLiability } from "../../core/billing/get-liability";
import { getRollForward, type RollForward } from "../../core/billing/get-roll-forward";
import type { Actor } from "../../core/shared/actor";
import { type Connection, connect, type Database } from "../../db/client";
import { rewardProviders } from "../../providers/reward-providers";
import { type SandboxProvider, startSandboxProvider } from "../../providers/sandbox/start-sandbox-provider";
import { seedDemo } from "../../scripts/seed-demo/seed-demo";
import { defined, expectLedgerClean } from "../support/assertions";
import { ensureWorkerDatabase } from "../support/database";
import { databaseUrl } from "../support/database-urls";
import { SANDBOX_API_KEY } from "../support/provider-sandbox";

// The demo's link deliveries seal their gift links.
vi.stubEnv("PLAUDIT_SECRET_KEY", "billing-liability-demo");
const NOW = new Date("2026-03-18T16:00:00Z");
const clock = () => NOW;

let connection: Connection;
let db: Database;
let sandbox: SandboxProvider;
let orgId: string;
let timeZone: string;
let finance: Actor;

/**
 * What the org owed in points at `at`, worked out apart from the liability's code: each person's earned
 * balance from their entries before `at`, plus the holds placed before `at` and not yet settled or
 * released by then.
 */
async function owedAt(at: Date): Promise<{ earned: number; held: number }> {
  const people = await db.execute<{ person_id: string; balance: string }>(sql`
    select a.person_id, sum(e.amount) as balance
    from ledger_entries e join ledger_accounts a on a.id = e.account_id
    where a.org_id = ${orgId}::uuid and a.kind = 'earned' and e.created_at < ${at.toISOString()}::timestamptz
    group by a.person_id`);
  const [holds] = await db.execute<{ held: string }>(sql`
    select coalesce(sum(e.amount), 0) as held
    from ledger_transactions h join ledger_entries e on e.transaction_id = h.id and e.amount > 0
    where h.org_id = ${orgId}::uuid and h.kind = 'hold' and h.created_at < ${at.toISOString()}::timestamptz
      and not exists (select 1 from ledger_transactions c
                      where c.closes_transaction_id = h.id and c.created_at < ${at.toISOString()}::timestamptz)`);
  return {
    earned: people.reduce((sum, person) => sum + Number(person.balance), 0),
    held: Number(holds?.held ?? 0),
  };
}

/** Every month from the org's first posting to the one NOW is in, in the org's time zone. */
async function demoMonths(): Promise<string[]> {
  const [first] = await db.execute<{ at: string }>(
    sql`select min(created_at) as at from ledger_transactions where org_id = ${orgId}::uuid`,
  );
  const months: string[] = [];
  let month = periodOfInstant(new Date(defined(first).at), timeZone);
  while (month.start <= NOW) {
    months.push(month.period);
    month = periodOfInstant(month.end, timeZone);
  }
  return months;
}

describe("the liability of the demo org", () => {
  beforeAll(async () => {
    // A database of its own: the demo's slug is unique, and the seed-demo tests own the worker's.
    connection = connect(databaseUrl(await ensureWorkerDatabase("_finance_demo")), { max: 4 });
    db = connection.db;
    sandbox = await startSandboxProvider({ apiKey: SANDBOX_API_KEY });
    const providers = rewardProviders({
      PLAUDIT_SANDBOX_URL: sandbox.apiUrl,
      PLAUDIT_SANDBOX_API_KEY: SANDBOX_API_KEY,
    });
    ({ orgId } = await seedDemo(db, clock, providers));
    const [org] = await db.execute<{ time_zone: string; person_id: string }>(sql`
      select o.time_zone, p.id as person_id from organizations o join people p on p.org_id = o.id
      where o.id = ${orgId}::uuid and 'finance' = any(p.roles) and p.active limit 1`);
    timeZone = defined(org).time_zone;
    finance = { kind: "person", orgId, personId: defined(org).person_id, roles: ["employee", "finance"] };
  }, 120_000);
  afterAll(async () => {
    await sandbox?.stop();
    await connection?.close();
  });

  it("rolls forward month by month exactly as the ledger moved, each closing the next opening", async () => {
    const months = await demoMonths();
    expect(months.length).toBeGreaterThanOrEqual(3);
    const rolls: RollForward[] = [];
    for (const month of months) rolls.push(await getRollForward(db, finance, { month }, clock));

    expect(rolls[0]?.opening).toBe(0);
    for (const [index, roll] of rolls.entries()) {
      const { opening, earned, redeemed, forfeited, reversed, adjusted, closing } = roll;
      expect(opening + earned - redeemed - forfeited + reversed + adjusted, roll.month).toBe(closing);
      const next = rolls[index + 1];
      if (next) expect(next.opening, `${roll.month} into ${next.month}`).toBe(closing);
      const owedThen = await owedAt(roll.end < NOW ? roll.end : NOW);
      expect(closing, `${roll.month} closing`).toBe(owedThen.earned + owedThen.held);
      const owedBefore = await owedAt(roll.start);
      expect(opening, `${roll.month} opening`).toBe(owedBefore.earned + owedBefore.held);
    }
    // The demo moved points every way the roll-forward names: earned, redeemed, and some still held.
    expect(rolls.some((roll) => roll.earned > 0 && roll.redeemed > 0)).toBe(true);
    expect((await owedAt(NOW)).held).toBeGreaterThan(0);
  });

  it("shows at each month end the liability the roll-forward closes with, the same by department", async () => {
    for (const month of await demoMonths()) {
      const roll = await getRollForward(db, finance, { month }, clock);
      const asOf = roll.end < NOW ? new Date(roll.end.getTime() - 1) : NOW;
      const liability = await getLiability(db, finance, { asOf: asOf.toISOString() }, clock);
      const owed = await owedAt(new Date(asOf.getTime() + 1));
      expect(liability, month).toMatchObject({
        earned: owed.earned,
        held: owed.held,
        outstanding: roll.closing,
      });
      const sum = (figure: "earned" | "held") =>
        liability.byDepartment.reduce((total, department) => total + department[figure], 0);
      expect({ earned: sum("earned"), held: sum("held") }, `${month} by department`).toEqual(owed);
    }
    await expectLedgerClean(db, orgId);
  });
});
