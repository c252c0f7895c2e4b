import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { runDueRedemptions } from "../../core/rewards/run-due-redemptions";
import type { Database } from "../../db/client";
import { redemptions } from "../../db/schema";
import type { Fault } from "../../providers/sandbox/faults";
import { defined, expectLedgerClean } from "../support/assertions";
import { ensureWorkerDatabase, workerDatabase } from "../support/database";
import { databaseUrl } from "../support/database-urls";
import { key } from "../support/factories";
import {
  armedFaults,
  balancesOf,
  clockAfter,
  createRewardsOrg,
  expectFulfilledOnce,
  ledgerKindsOf,
  type RewardsOrg,
  redemptionRow,
  rewardsFixture,
  STARBUCKS_5,
} from "../support/rewards-fixture";

const database = workerDatabase();
const fixture = rewardsFixture();
const root = path.resolve(import.meta.dirname, "../..");

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
});

/**
 * Starts a process that redeems for the org's one earner with the sandbox set to `fault`, waits until
 * `waiting` says it is stuck on the provider, and kills it. Returns the redemption it left behind.
 */
async function killedWhileOrdering(
  db: Database,
  org: RewardsOrg,
  fault: Fault["fault"],
  waiting: (redemptionId: string) => Promise<void>,
): Promise<string> {
  const ana = await org.hire();
  await org.earn(ana, 200);
  const idempotencyKey = key();
  fixture.sandbox.injectFault({ fault });
  const child = spawn(process.execPath, ["--import", "tsx", "test/support/redeem-in-child.ts"], {
    cwd: root,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      REDEEM_DATABASE_URL: databaseUrl(await ensureWorkerDatabase()),
      REDEEM_ACTOR: JSON.stringify(ana.actor),
      REDEEM_INPUT: JSON.stringify({ ...STARBUCKS_5, idempotencyKey }),
      PLAUDIT_SANDBOX_URL: fixture.sandbox.apiUrl,
      PLAUDIT_SANDBOX_API_KEY: fixture.sandbox.apiKey,
      // Far longer than the test: the process must be waiting on the provider, not giving up on it.
      PLAUDIT_PROVIDER_TIMEOUT_MS: "600000",
    },
  });
  children.push(child);
  let output = "";
  for (const stream of [child.stdout, child.stderr]) stream?.on("data", (chunk) => (output += chunk));
  const exited = once(child, "exit");

  const id = await vi.waitFor(
    async () => {
      expect(child.exitCode, `the process ended early: ${output}`).toBeNull();
      const [row] = await db
        .select({ id: redemptions.id })
        .from(redemptions)
        .where(and(eq(redemptions.orgId, org.id), eq(redemptions.idempotencyKey, idempotencyKey)));
      const found = defined(row, "the redemption").id;
      await waiting(found);
      return found;
    },
    { timeout: 15_000, interval: 25 },
  );
  child.kill("SIGKILL");
  const [, signal] = await exited;
  expect(signal).toBe("SIGKILL");
  expect(output).toBe("");
  return id;
}

/** Left exactly as the request wrote it before calling the provider: submitted, points held, no attempt. */
async function expectLeftHolding(db: Database, org: RewardsOrg, id: string) {
  const row = await redemptionRow(db, id);
  expect(row).toMatchObject({
    status: "submitted",
    attempts: 0,
    providerOrderId: null,
    closeTransactionId: null,
  });
  expect(await ledgerKindsOf(db, row)).toEqual(["hold"]);
  expect(await balancesOf(db, org.id)).toMatchObject({ redemption_hold: 50 });
  // The request's lease: background work leaves it alone until then.
  const early = await runDueRedemptions(
    db,
    org.system,
    {},
    fixture.deps({ clock: clockAfter(0, row.requestedAt) }),
  );
  expect(early.claimed).toBe(0);
}

/** Background work after the lease: one order under the redemption's id, settled once. */
async function expectRecovered(db: Database, org: RewardsOrg, id: string) {
  const row = await redemptionRow(db, id);
  const run = await runDueRedemptions(
    db,
    org.system,
    {},
    fixture.deps({ clock: clockAfter(61_000, row.requestedAt) }),
  );
  expect(run).toEqual({ claimed: 1, errors: [] });
  await expectFulfilledOnce(db, fixture, id);
  expect(fixture.sandbox.orders()).toHaveLength(1);
  expect(await balancesOf(db, org.id)).toMatchObject({ redemption_hold: 0, redeemed: 50 });
  await expectLedgerClean(db, org.id);
}

describe("the process dies between the hold and the order", () => {
  it("before the provider stored anything: background work places the order once and settles", async () => {
    const { db } = await database();
    const org = await createRewardsOrg(db, fixture.deps());
    const id = await killedWhileOrdering(db, org, "hang", async () => {
      // The process's order request has met the hang: it is waiting on the provider.
      expect(await armedFaults(fixture)).toEqual([]);
    });
    expect(fixture.sandbox.orders()).toEqual([]);
    await expectLeftHolding(db, org, id);
    await expectRecovered(db, org, id);
  });

  it("after the provider stored the order: background work takes that order instead of a second", async () => {
    const { db } = await database();
    const org = await createRewardsOrg(db, fixture.deps());
    const id = await killedWhileOrdering(db, org, "hang_after_saving", async (redemptionId) => {
      expect(fixture.sandbox.orders().map((order) => order.external_id)).toEqual([redemptionId]);
    });
    await expectLeftHolding(db, org, id);
    await expectRecovered(db, org, id);
  });
});
