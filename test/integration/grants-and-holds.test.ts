import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { listFeed } from "../../core/feed/list-feed";
import { getBalances } from "../../core/giving/get-balances";
import { type GrantPointsInput, grantPoints } from "../../core/giving/grant-points";
import { checkLedger } from "../../core/ledger/check-ledger";
import { holdPoints, releaseHold, settleHold } from "../../core/ledger/holds";
import type { Database } from "../../db/client";
import { auditLog, ledgerAccounts, ledgerTransactions, people, recognitions } from "../../db/schema";
import {
  defined,
  expectDomainError,
  expectLedgerClean,
  ledgerViolations,
  sqlStateOfFailure,
} from "../support/assertions";
import { workerDatabase } from "../support/database";
import { createTestOrg, key, type TestOrg, type TestPerson } from "../support/factories";
import { expectRefusedWithoutWrites } from "../support/footprint";
import { giveAt } from "../support/giving";
import { systemTotal } from "../support/ledger";
import { holdTransactionOf, openRewardShop } from "../support/redemptions";

const database = workerDatabase();

/** `restrict_violation`, raised by the append-only triggers. */
const APPEND_ONLY = "23001";

async function earned(db: Database, org: TestOrg, person: TestPerson): Promise<number> {
  return (await getBalances(db, org.system, { personId: person.id })).earned.balance;
}

function grantOf(recipients: TestPerson[], amount: number, idempotencyKey = key()): GrantPointsInput {
  return {
    recipientIds: recipients.map((recipient) => recipient.id),
    amount,
    message: "Spot award",
    idempotencyKey,
  };
}

describe("grantPoints", () => {
  it("credits each recipient's earned balance from the company, not from anyone's allowance", async () => {
    const { db } = await database();
    const org = await createTestOrg(db);
    const [ana, ben] = await org.addPeople(2);
    if (!ana || !ben) throw new Error("people missing");

    const first = await grantPoints(db, org.admin.actor, grantOf([ana, ben], 25));
    expect(first.replayed).toBe(false);
    expect(first.earnedBalances).toEqual({ [ana.id]: 25, [ben.id]: 25 });
    const second = await grantPoints(db, org.system, grantOf([ana], 10));
    expect(second.earnedBalances).toEqual({ [ana.id]: 35 });

    expect(await earned(db, org, ana)).toBe(35);
    expect(await earned(db, org, ben)).toBe(25);
    const admin = await getBalances(db, org.admin.actor);
    expect(admin.allowance).toMatchObject({ remaining: 100, given: 0 });
    await expectLedgerClean(db, org.id);
  });

  it("appears in the feed with no giver, as a system recognition, and in the audit log", async () => {
    const { db } = await database();
    const org = await createTestOrg(db);
    const ana = await org.addPerson({ name: "Ana" });
    const ben = await org.addPerson({ name: "Ben" });

    const result = await grantPoints(db, org.admin.actor, {
      ...grantOf([ben, ana], 40),
      message: "  Five years!  ",
    });

    const feed = await listFeed(db, ana.actor);
    expect(feed.items).toHaveLength(1);
    expect(feed.items[0]).toMatchObject({
      id: result.recognitionId,
      giver: null,
      source: "system",
      message: "Five years!",
      recipients: [
        { id: ana.id, name: "Ana", amount: 40 },
        { id: ben.id, name: "Ben", amount: 40 },
      ],
      amountPerRecipient: 40,
      totalAmount: 80,
    });
    const audit = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, org.id), eq(auditLog.action, "points.grant")));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorPersonId: org.admin.id, targetId: result.recognitionId });
  });

  it("is refused to employees, managers, finance and the operator, writing nothing", async () => {
    const { db } = await database();
    const org = await createTestOrg(db);
    const manager = await org.addPerson({ roles: ["employee", "manager"] });
    const report = await org.addPerson({ managerId: manager.id });
    const fin = await org.addPerson({ roles: ["employee", "finance"] });
    for (const actor of [report.actor, manager.actor, fin.actor, { kind: "operator" as const }]) {
      await expectRefusedWithoutWrites(db, [org.id], "forbidden", () =>
        grantPoints(db, actor, grantOf([report], 10)),
      );
    }
  });

  it("refuses bots and leavers, writing nothing", async () => {
    const { db } = await database();
    const org = await createTestOrg(db);
    const ana = await org.addPerson();
    const bot = await org.addPerson({ isBot: true });
    const leaver = await org.addPerson({ active: false });
    await expectRefusedWithoutWrites(db, [org.id], "recipient_is_bot", () =>
      grantPoints(db, org.admin.actor, grantOf([ana, bot], 10)),
    );
    await expectRefusedWithoutWrites(db, [org.id], "recipient_inactive", () =>
      grantPoints(db, org.admin.actor, grantOf([ana, leaver], 10)),
    );
  });

  it("takes effect once when the same request arrives 10 times at once", async () => {
    const { db } = await database();
    const org = await createTestOrg(db);
    const [ana, ben] = await org.addPeople(2);
    if (!ana || !ben) throw new Error("people missing");
    const request = grantOf([ana, ben], 30);

    const results = await Promise.all(
      Array.from({ length: 10 }, () => grantPoints(db, org.admin.actor, { ...request })),
    );

    const transactionIds = new Set(results.map((result) => result.transactionId));
    expect(transactionIds.size).toBe(1);
    expect(new Set(results.map((result) => result.recognitionId)).size).toBe(1);
    expect(results.filter((result) => !result.replayed)).toHaveLength(1);
    for (const result of results) expect(result.earnedBalances).toEqual({ [ana.id]: 30, [ben.id]: 30 });
    expect(await earned(db, org, ana)).toBe(30);
    expect(await earned(db, org, ben)).toBe(30);
    const written = await db
      .select({ id: ledgerTransactions.id })
      .from(ledgerTransactions)
      .where(
        and(
          eq(ledgerTransactions.orgId, org.id),
          eq(ledgerTransactions.idempotencyKey, request.idempotencyKey),
        ),
      );
    expect(written.map((row) => row.id)).toEqual([...transactionIds]);
    expect(await db.select().from(recognitions).where(eq(recognitions.orgId, org.id))).toHaveLength(1);
    await expectLedgerClean(db, org.id);
  });

  it("replays a retried request with the first result", async () => {
    const { db } = await database();
    const org = await createTestOrg(db);
    const ana = await org.addPerson();
    const request = grantOf([ana], 12);
    const first = await grantPoints(db, org.admin.actor, request);
    await grantPoints(db, org.admin.actor, grantOf([ana], 1));

    const retry = await grantPoints(db, org.admin.actor, request);

    expect(retry).toEqual({ ...first, replayed: true });
    expect(await earned(db, org, ana)).toBe(13);
  });

  it("refuses the same key with a different request, writing nothing", async () => {
    const { db } = await database();
    const org = await createTestOrg(db);
    const [ana, ben] = await org.addPeople(2);
    if (!ana || !ben) throw new Error("people missing");
    const request = grantOf([ana], 20);
    await grantPoints(db, org.admin.actor, request);

    for (const changed of [
      { ...request, amount: 21 },
      { ...request, recipientIds: [ben.id] },
      { ...request, recipientIds: [ana.id, ben.id] },
      { ...request, message: "Another award" },
    ]) {
      await expectRefusedWithoutWrites(db, [org.id], "idempotency_conflict", () =>
        grantPoints(db, org.admin.actor, changed),
      );
    }
    // The key of a give is taken too.
    const give = await giveAt(db, ana, [ben], 5);
    const [giveRow] = await db
      .select({ key: ledgerTransactions.idempotencyKey })
      .from(ledgerTransactions)
      .where(eq(ledgerTransactions.id, give.transactionId));
    await expectRefusedWithoutWrites(db, [org.id], "idempotency_conflict", () =>
      grantPoints(db, org.admin.actor, grantOf([ana], 20, defined(giveRow).key)),
    );
    expect(await earned(db, org, ana)).toBe(20);
  });
});

describe("holds", () => {
  /** An org that redeems, and a person who has earned 100 points; each hold is a redemption of theirs. */
  async function earner(db: Database) {
    const org = await createTestOrg(db);
    const ana = await org.addPerson();
    await grantPoints(db, org.admin.actor, grantOf([ana], 100));
    const shop = await openRewardShop(db, org);
    const hold = (amount: number) => shop.redeem(ana, amount);
    // The ledger's own settle and release, beneath the redemption that normally calls them.
    const settle = (holdTransactionId: number) =>
      db.transaction((tx) => settleHold(tx, { orgId: org.id, holdTransactionId, idempotencyKey: key() }));
    const release = (holdTransactionId: number) =>
      db.transaction((tx) => releaseHold(tx, { orgId: org.id, holdTransactionId, idempotencyKey: key() }));
    return { org, ana, shop, hold, settle, release };
  }

  /**
   * The ledger's own hold, beneath any redemption: only for what no redemption can ask of it, so that
   * it is refused and leaves no hold for the ledger check to find.
   */
  const holdDirectly = (db: Database, orgId: string, personId: string, amount: number) =>
    db.transaction((tx) => holdPoints(tx, { orgId, personId, amount, idempotencyKey: key() }));

  it("takes held points out of the earned balance, and fulfilling the redemption settles them into redeemed", async () => {
    const { db } = await database();
    const { org, ana, shop, hold } = await earner(db);

    const held = await hold(30);
    expect(held.status).toBe("awaiting_fulfillment");
    expect(await earned(db, org, ana)).toBe(70);
    expect(await systemTotal(db, org.id, "redemption_hold")).toBe(30);
    await expectLedgerClean(db, org.id);

    await shop.fulfil(held);
    expect(await earned(db, org, ana)).toBe(70);
    expect(await systemTotal(db, org.id, "redemption_hold")).toBe(0);
    expect(await systemTotal(db, org.id, "redeemed")).toBe(30);
    await expectLedgerClean(db, org.id);
  });

  it("gives held points back to the earned balance when the redemption fails", async () => {
    const { db } = await database();
    const { org, ana, shop, hold } = await earner(db);

    const held = await hold(45);
    expect(await earned(db, org, ana)).toBe(55);
    await shop.fail(held);

    expect(await earned(db, org, ana)).toBe(100);
    expect(await systemTotal(db, org.id, "redemption_hold")).toBe(0);
    expect(await systemTotal(db, org.id, "redeemed")).toBe(0);
    await expectLedgerClean(db, org.id);
  });

  it("closes a hold exactly once: a second settle or release is hold_closed and writes nothing", async () => {
    const { db } = await database();
    const { org, ana, shop, hold, settle, release } = await earner(db);
    const settled = await holdTransactionOf(db, await shop.fulfil(await hold(10)));
    const released = await holdTransactionOf(db, await shop.fail(await hold(20)));

    for (const attempt of [
      () => settle(settled),
      () => release(settled),
      () => settle(released),
      () => release(released),
    ]) {
      await expectRefusedWithoutWrites(db, [org.id], "hold_closed", attempt);
    }
    expect(await earned(db, org, ana)).toBe(90);
    expect(await systemTotal(db, org.id, "redeemed")).toBe(10);
    await expectLedgerClean(db, org.id);
  });

  it("lets only one of a fulfilment and a failure racing on the same redemption win", async () => {
    const { db } = await database();
    const { org, ana, shop, hold } = await earner(db);
    const held = await hold(40);

    const outcomes = await Promise.allSettled([
      shop.fulfil(held),
      shop.fail(held),
      shop.fulfil(held),
      shop.fail(held),
    ]);

    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    // The losers wait on the redemption's lock, then find it closed.
    for (const outcome of outcomes) {
      if (outcome.status === "rejected") expect(outcome.reason).toMatchObject({ code: "conflict" });
    }
    // Even positions settle, odd ones release.
    const settledWon = outcomes.findIndex((outcome) => outcome.status === "fulfilled") % 2 === 0;
    expect(await earned(db, org, ana)).toBe(settledWon ? 60 : 100);
    expect(await systemTotal(db, org.id, "redeemed")).toBe(settledWon ? 40 : 0);
    expect(await systemTotal(db, org.id, "redemption_hold")).toBe(0);
    await expectLedgerClean(db, org.id);
  });

  it("refuses to redeem more than is earned, saying what there is, and writes nothing", async () => {
    const { db } = await database();
    const { org, ana, shop, hold } = await earner(db);
    await hold(60);
    // Added first: adding a reward is a write of its own.
    const [tooDear, onePoint] = [await shop.addReward(41), await shop.addReward(1)];

    const error = await expectRefusedWithoutWrites(db, [org.id], "insufficient_points", () =>
      shop.redeem(ana, tooDear),
    );
    // 10 points are worth $1.00, the default point value.
    expect(error.message).toBe("That costs 41 pts · $4.10 and you have 40 pts · $4.00 earned.");
    expect(error.details).toMatchObject({ balance: 40, needed: 41 });
    await hold(40);
    expect(await earned(db, org, ana)).toBe(0);
    await expectRefusedWithoutWrites(db, [org.id], "insufficient_points", () => shop.redeem(ana, onePoint));
    await expectLedgerClean(db, org.id);
  });

  it("refuses a redemption by someone who has never earned anything", async () => {
    const { db } = await database();
    const { org, shop } = await earner(db);
    const newcomer = await org.addPerson();
    const reward = await shop.addReward(1);
    const error = await expectDomainError(shop.redeem(newcomer, reward), "insufficient_points");
    expect(error.details).toMatchObject({ balance: 0, needed: 1 });
    await expectLedgerClean(db, org.id);
  });

  it("refuses to hold amounts that are not positive whole numbers, which no reward can cost", async () => {
    const { db } = await database();
    const { org, ana } = await earner(db);
    for (const amount of [0, -5, 2.5]) {
      await expectRefusedWithoutWrites(db, [org.id], "invalid", () =>
        holdDirectly(db, org.id, ana.id, amount),
      );
    }
  });

  it("says not found for a hold that does not exist, is not a hold, or belongs to another org", async () => {
    const { db } = await database();
    const { org, settle, release } = await earner(db);
    const other = await earner(db);
    const otherHold = await holdTransactionOf(db, await other.hold(5));
    const grant = await grantPoints(db, org.admin.actor, grantOf([org.admin], 5));

    for (const holdTransactionId of [Number.MAX_SAFE_INTEGER, grant.transactionId, otherHold]) {
      await expectRefusedWithoutWrites(db, [org.id, other.org.id], "not_found", () =>
        settle(holdTransactionId),
      );
      await expectRefusedWithoutWrites(db, [org.id, other.org.id], "not_found", () =>
        release(holdTransactionId),
      );
    }
  });

  it("says not found for a person who is not in the org, writing nothing", async () => {
    const { db } = await database();
    const { org } = await earner(db);
    const other = await earner(db);
    await expectRefusedWithoutWrites(db, [org.id, other.org.id], "not_found", () =>
      holdDirectly(db, org.id, other.ana.id, 1),
    );
  });
});

describe("ledger integrity", () => {
  it("refuses to update, delete or truncate ledger entries", async () => {
    const { db } = await database();
    const org = await createTestOrg(db);
    const ana = await org.addPerson();
    await grantPoints(db, org.admin.actor, grantOf([ana], 10));
    const mine = sql`org_id = ${org.id}::uuid`;

    expect(await sqlStateOfFailure(db, sql`update ledger_entries set amount = amount where ${mine}`)).toBe(
      APPEND_ONLY,
    );
    expect(
      await sqlStateOfFailure(db, sql`update ledger_entries set amount = amount * 2 where ${mine}`),
    ).toBe(APPEND_ONLY);
    expect(await sqlStateOfFailure(db, sql`delete from ledger_entries where ${mine}`)).toBe(APPEND_ONLY);
    expect(await sqlStateOfFailure(db, sql`truncate ledger_entries`)).toBe(APPEND_ONLY);
    await expectLedgerClean(db, org.id);
  });

  it("refuses to change or delete a ledger transaction once its result is recorded", async () => {
    const { db } = await database();
    const org = await createTestOrg(db);
    const ana = await org.addPerson();
    const grant = await grantPoints(db, org.admin.actor, grantOf([ana], 10));
    const row = sql`id = ${grant.transactionId}`;

    expect(
      await sqlStateOfFailure(db, sql`update ledger_transactions set memo = 'edited' where ${row}`),
    ).toBe(APPEND_ONLY);
    expect(await sqlStateOfFailure(db, sql`update ledger_transactions set result = '{}' where ${row}`)).toBe(
      APPEND_ONLY,
    );
    expect(await sqlStateOfFailure(db, sql`delete from ledger_transactions where ${row}`)).toBe(APPEND_ONLY);
  });

  it("reports a cached balance that no longer equals the sum of its entries", async () => {
    const { db } = await database();
    const org = await createTestOrg(db);
    const ana = await org.addPerson();
    const fin = await org.addPerson({ roles: ["employee", "finance"] });
    await grantPoints(db, org.admin.actor, grantOf([ana], 50));
    const [account] = await db
      .select({ id: ledgerAccounts.id })
      .from(ledgerAccounts)
      .where(and(eq(ledgerAccounts.personId, ana.id), eq(ledgerAccounts.kind, "earned")));
    const accountId = defined(account).id;
    expect(await checkLedger(db, org.admin.actor)).toEqual([]);

    // The accounts table has no trigger: a stray write to the cache is possible, and must be caught.
    await db.execute(sql`update ledger_accounts set balance = balance + 5 where id = ${accountId}`);
    try {
      for (const actor of [org.admin.actor, fin.actor]) {
        const violations = await checkLedger(db, actor);
        expect(violations).toEqual([
          {
            check: "cached_balance_mismatch",
            orgId: org.id,
            detail: expect.stringContaining(
              `account ${accountId} (earned of person ${ana.id}) caches 55 but its entries sum to 50`,
            ),
          },
        ]);
      }
      expect(await ledgerViolations(db, org.id)).toHaveLength(1);
    } finally {
      await db.execute(sql`update ledger_accounts set balance = balance - 5 where id = ${accountId}`);
    }
    expect(await checkLedger(db, fin.actor)).toEqual([]);
  });

  it("lets only admins, finance and the operator run the reconciliation", async () => {
    const { db } = await database();
    const org = await createTestOrg(db);
    const manager = await org.addPerson({ roles: ["employee", "manager"] });
    const employee = await org.addPerson({ managerId: manager.id });
    for (const actor of [employee.actor, manager.actor, org.system]) {
      await expectDomainError(checkLedger(db, actor), "forbidden");
    }
  });

  it("stays consistent after deactivating a person who holds points", async () => {
    const { db } = await database();
    const org = await createTestOrg(db);
    const ana = await org.addPerson();
    await grantPoints(db, org.admin.actor, grantOf([ana], 30));
    const shop = await openRewardShop(db, org);
    const held = await shop.redeem(ana, 30);
    await db.update(people).set({ active: false }).where(eq(people.id, ana.id));
    await shop.fail(held);
    expect(await earned(db, org, ana)).toBe(30);
    await expectLedgerClean(db, org.id);
  });
});
