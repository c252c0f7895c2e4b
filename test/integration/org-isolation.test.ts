import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { boostAllowance } from "../../core/allowances/boost-allowance";
import { setMonthlyAllowance } from "../../core/allowances/set-monthly-allowance";
import { createCampaign } from "../../core/campaigns/create-campaign";
import { celebrateDueOccasions } from "../../core/celebrations/celebrate-due-occasions";
import { commentOnRecognition } from "../../core/feed/comment-on-recognition";
import { getLeaderboard } from "../../core/feed/get-leaderboard";
import { listFeed } from "../../core/feed/list-feed";
import { listPersonHistory } from "../../core/feed/list-person-history";
import { reactToRecognition } from "../../core/feed/react-to-recognition";
import { getBalances } from "../../core/giving/get-balances";
import { givePoints } from "../../core/giving/give-points";
import { grantPoints } from "../../core/giving/grant-points";
import { systemAccountId } from "../../core/ledger/accounts";
import { awardDueLevels } from "../../core/levels/award-due-levels";
import { createLevel } from "../../core/levels/create-level";
import { listLevels } from "../../core/levels/list-levels";
import { removeLevel } from "../../core/levels/remove-level";
import { updateLevel } from "../../core/levels/update-level";
import { createApiKey } from "../../core/org/create-api-key";
import { findAnnouncedRecognition } from "../../core/slack-threads/find-announced-recognition";
import { findSlackThread } from "../../core/slack-threads/find-slack-thread";
import { recordSlackAnnouncement } from "../../core/slack-threads/record-slack-announcement";
import type { Database } from "../../db/client";
import { defined, expectLedgerClean, ledgerViolations, sqlStateOfFailure } from "../support/assertions";
import { workerDatabase } from "../support/database";
import { createTestOrg, key, type TestOrg, type TestPerson } from "../support/factories";
import { expectRefusedWithoutWrites, orgFootprint } from "../support/footprint";
import { giveAt } from "../support/giving";

const database = workerDatabase();

const NOW = new Date("2026-06-15T12:00:00Z");
const now = () => NOW;

/**
 * Birthdays on in the org, and the person's birthday is NOW's day: a pass celebrates it. They keep it
 * private, so the feed, history and leaderboard reads below see no more than before.
 */
async function celebrateBirthdayToday(db: Database, org: TestOrg, person: TestPerson) {
  await db.execute(sql`update organizations set birthday_points = 20 where id = ${org.id}::uuid`);
  await db.execute(sql`update people set birthday = '1990-06-15', public_celebrations = false
    where org_id = ${org.id}::uuid and id = ${person.id}::uuid`);
  expect(await celebrateDueOccasions(db, org.system, now)).toEqual({ celebrated: 1, errors: [] });
}

/**
 * Two orgs that look alike (same value names, same department) and both have history: gives, a
 * grant, an override, a boost and an API key, so that any stray write or read shows.
 */
async function twoOrgs(db: Database) {
  const setUp = async () => {
    const org = await createTestOrg(db);
    await org.addValues("ownership", "teamwork");
    const manager = await org.addPerson({
      name: "Manager",
      roles: ["employee", "manager"],
      department: "Sales",
    });
    const ana = await org.addPerson({ name: "Ana", managerId: manager.id, department: "Sales" });
    const ben = await org.addPerson({ name: "Ben", managerId: manager.id, department: "Sales" });
    await giveAt(db, ana, [ben], 10, { at: NOW, values: ["ownership"] });
    await giveAt(db, ben, [ana], 5, { at: NOW, values: ["teamwork"] });
    const welcome = await grantPoints(
      db,
      org.admin.actor,
      { recipientIds: [ana.id], amount: 20, message: "Welcome", idempotencyKey: key() },
      now,
    );
    const recognitionId = welcome.recognitionId;
    await reactToRecognition(db, ben.actor, { recognitionId, reaction: "tada", on: true });
    await commentOnRecognition(db, ben.actor, {
      recognitionId,
      body: "Welcome aboard",
      idempotencyKey: key(),
    });
    // Both orgs' posts carry the same Slack ids: a Slack id names nothing outside its org.
    await recordSlackAnnouncement(db, org.system, {
      recognitionId,
      teamId: "TSAME",
      channelId: "CSAME",
      messageTs: "1700000000.000100",
      threadTs: "1700000000.000100",
    });
    await celebrateBirthdayToday(db, org, manager);
    await setMonthlyAllowance(db, org.admin.actor, { personIds: [ben.id], monthlyAmount: 80 }, now);
    await boostAllowance(db, org.admin.actor, { personId: ana.id, amount: 15, idempotencyKey: key() }, now);
    await createApiKey(db, org.admin.actor, { name: "Integration", scopes: ["people:read"] }, now);
    await createCampaign(
      db,
      org.admin.actor,
      { name: "Same name", startsOn: NOW.toISOString().slice(0, 10), multiplier: 2, budget: 100 },
      now,
    );
    // Ana reaches Bronze, with its grant.
    const bronze = await createLevel(db, org.admin.actor, { name: "Bronze", threshold: 20, grantPoints: 5 });
    await awardDueLevels(db, org.system, {}, now);
    return { org, manager, ana, ben, bronze };
  };
  const a = await setUp();
  const b = await setUp();
  return { a, b, both: [a.org.id, b.org.id] };
}

/** A give request of 5 points to `recipients`. */
const give = (recipients: TestPerson[]) => ({
  recipientIds: recipients.map((recipient) => recipient.id),
  amount: 5,
  message: "Cross-org thanks",
  values: [],
  source: "web" as const,
  idempotencyKey: key(),
});

describe("a person of one org and a person of another", () => {
  it("cannot give to them, alone or among colleagues, and nothing is written in either org", async () => {
    const { db } = await database();
    const { a, b, both } = await twoOrgs(db);
    await expectRefusedWithoutWrites(db, both, "recipient_not_found", () =>
      givePoints(db, a.ana.actor, give([b.ben]), now),
    );
    await expectRefusedWithoutWrites(db, both, "recipient_not_found", () =>
      givePoints(db, a.ana.actor, give([a.ben, b.ben]), now),
    );
  });

  it("cannot give as someone of the other org by presenting their id in its own org", async () => {
    const { db } = await database();
    const { a, b, both } = await twoOrgs(db);
    const forged = { ...b.ana.actor, orgId: a.org.id };
    await expectRefusedWithoutWrites(db, both, "giver_inactive", () =>
      givePoints(db, forged, give([a.ben]), now),
    );
  });

  it("cannot use the other org's company values", async () => {
    const { db } = await database();
    const { a, b, both } = await twoOrgs(db);
    await b.org.addValues("only-in-b");
    const error = await expectRefusedWithoutWrites(db, both, "unknown_value", () =>
      givePoints(db, a.ana.actor, { ...give([a.ben]), values: ["only-in-b"] }, now),
    );
    expect(error.details).toMatchObject({ names: ["only-in-b"] });
  });

  it("cannot read their balances: not found, for anyone of the first org", async () => {
    const { db } = await database();
    const { a, b, both } = await twoOrgs(db);
    for (const actor of [a.ana.actor, a.manager.actor, a.org.admin.actor, a.org.system]) {
      await expectRefusedWithoutWrites(db, both, "not_found", () =>
        getBalances(db, actor, { personId: b.ben.id }, now),
      );
    }
    // Nor by presenting the other org's person as themself.
    await expectRefusedWithoutWrites(db, both, "not_found", () =>
      getBalances(db, { ...b.ben.actor, orgId: a.org.id }, {}, now),
    );
  });

  it("cannot read their history", async () => {
    const { db } = await database();
    const { a, b, both } = await twoOrgs(db);
    for (const direction of ["received", "given", "all"] as const) {
      await expectRefusedWithoutWrites(db, both, "not_found", () =>
        listPersonHistory(db, a.ana.actor, { personId: b.ana.id, direction }),
      );
    }
  });

  it("cannot have their allowance set by the first org's admin, alone or in a batch", async () => {
    const { db } = await database();
    const { a, b, both } = await twoOrgs(db);
    await expectRefusedWithoutWrites(db, both, "not_found", () =>
      setMonthlyAllowance(db, a.org.admin.actor, { personIds: [b.ana.id], monthlyAmount: 500 }, now),
    );
    await expectRefusedWithoutWrites(db, both, "not_found", () =>
      setMonthlyAllowance(db, a.org.admin.actor, { personIds: [a.ana.id, b.ana.id], monthlyAmount: 0 }, now),
    );
    await expectRefusedWithoutWrites(db, both, "not_found", () =>
      setMonthlyAllowance(db, a.org.admin.actor, { personIds: [b.ben.id], monthlyAmount: null }, now),
    );
  });

  it("cannot have their allowance boosted by the first org's admin or manager", async () => {
    const { db } = await database();
    const { a, b, both } = await twoOrgs(db);
    for (const actor of [a.org.admin.actor, a.manager.actor]) {
      await expectRefusedWithoutWrites(db, both, "not_found", () =>
        boostAllowance(db, actor, { personId: b.ana.id, amount: 100, idempotencyKey: key() }, now),
      );
    }
  });

  it("cannot be granted points by the first org's admin or system", async () => {
    const { db } = await database();
    const { a, b, both } = await twoOrgs(db);
    for (const actor of [a.org.admin.actor, a.org.system]) {
      await expectRefusedWithoutWrites(db, both, "not_found", () =>
        grantPoints(
          db,
          actor,
          { recipientIds: [a.ana.id, b.ana.id], amount: 10, message: "Bonus", idempotencyKey: key() },
          now,
        ),
      );
    }
  });

  it("cannot have their levels changed or removed by the first org's admin", async () => {
    const { db } = await database();
    const { a, b, both } = await twoOrgs(db);
    await expectRefusedWithoutWrites(db, both, "not_found", () =>
      updateLevel(db, a.org.admin.actor, {
        levelId: b.bronze.id,
        name: "Tin",
        threshold: 1,
        grantPoints: null,
      }),
    );
    await expectRefusedWithoutWrites(db, both, "not_found", () =>
      removeLevel(db, a.org.admin.actor, { levelId: b.bronze.id }),
    );
    expect((await listLevels(db, a.org.admin.actor)).levels.map((level) => level.id)).toEqual([a.bronze.id]);
  });

  it("reach no level through the first org's level pass, which writes nothing in the other org", async () => {
    const { db } = await database();
    const { a, b } = await twoOrgs(db);
    await giveAt(db, b.manager, [b.ben], 50, { at: NOW });
    const before = await orgFootprint(db, b.org.id);
    expect((await awardDueLevels(db, a.org.system, {}, now)).reached).toBe(0);
    expect(await orgFootprint(db, b.org.id)).toEqual(before);
    expect((await awardDueLevels(db, b.org.system, {}, now)).reached).toBe(1);
  });

  it("is not celebrated by the first org's background pass, which celebrates its own people", async () => {
    const { db } = await database();
    const { a, b } = await twoOrgs(db);
    const ada = await a.org.addPerson({ name: "Ada" });
    const bea = await b.org.addPerson({ name: "Bea" });
    for (const [org, person] of [
      [a.org, ada],
      [b.org, bea],
    ] as const) {
      await db.execute(sql`update people set birthday = '1991-06-15'
        where org_id = ${org.id}::uuid and id = ${person.id}::uuid`);
    }
    const before = await orgFootprint(db, b.org.id);
    expect(await celebrateDueOccasions(db, a.org.system, now)).toEqual({ celebrated: 1, errors: [] });
    expect(await orgFootprint(db, b.org.id)).toEqual(before);
    await expectLedgerClean(db, a.org.id);
  });

  it("has rows of every kind in both orgs, so the footprints above would show a stray write", async () => {
    const { db } = await database();
    const { both } = await twoOrgs(db);
    for (const orgId of both) {
      const { rows, balances } = await orgFootprint(db, orgId);
      for (const [table, count] of Object.entries(rows)) expect(count, table).toBeGreaterThan(0);
      expect(balances.length).toBeGreaterThan(0);
    }
  });

  it("leaves both ledgers consistent", async () => {
    const { db } = await database();
    const { a, b } = await twoOrgs(db);
    await expectLedgerClean(db, a.org.id);
    await expectLedgerClean(db, b.org.id);
  });
});

describe("reads of one org", () => {
  it("never show the other org's recognitions or people in the feed, whatever the filter", async () => {
    const { db } = await database();
    const { a, b } = await twoOrgs(db);
    const bPeople = new Set([b.ana.id, b.ben.id, b.manager.id, b.org.admin.id]);
    const aRecognitions = await db.execute<{ id: string }>(
      // The manager's private birthday is not in anyone else's feed.
      sql`select id from recognitions where org_id = ${a.org.id}::uuid and in_feed`,
    );
    const expectedIds = new Set(aRecognitions.map((row) => row.id));

    for (const filter of [{}, { value: "ownership" }, { value: "teamwork" }, { department: "Sales" }]) {
      const page = await listFeed(db, a.ana.actor, { ...filter, limit: 100 });
      expect(page.items.length, JSON.stringify(filter)).toBeGreaterThan(0);
      for (const item of page.items) {
        expect(expectedIds.has(item.id)).toBe(true);
        expect(item.giver === null || !bPeople.has(item.giver.id)).toBe(true);
        expect(item.recipients.some((recipient) => bPeople.has(recipient.id))).toBe(false);
      }
    }
    expect((await listFeed(db, a.ana.actor, { limit: 100 })).items).toHaveLength(expectedIds.size);
  });

  it("never rank the other org's people on the leaderboard, overall or per value", async () => {
    const { db } = await database();
    const { a, b } = await twoOrgs(db);
    // B's people receive more this month than anyone in A.
    await giveAt(db, b.manager, [b.ana], 100, { at: NOW });
    const aPeople = new Set([a.ana.id, a.ben.id, a.manager.id]);

    for (const value of [undefined, "ownership", "teamwork"]) {
      const board = await getLeaderboard(db, a.org.system, { value }, now);
      expect(board.entries.length, String(value)).toBeGreaterThan(0);
      for (const entry of board.entries) expect(aPeople.has(entry.personId), entry.name).toBe(true);
    }
    const overall = await getLeaderboard(db, a.ana.actor, {}, now);
    // Ana's points received include Bronze's grant of 5; B's Bronze is no level of A's. The manager's
    // private birthday isn't ranked, but its points took them to Bronze, whose grant is.
    expect(
      overall.entries.map((entry) => [entry.rank, entry.name, entry.points, entry.level?.name ?? null]),
    ).toEqual([
      [1, "Ana", 30, "Bronze"],
      [2, "Ben", 10, null],
      [3, "Manager", 5, "Bronze"],
    ]);
  });

  it("never include the other org's recognitions in a person's history", async () => {
    const { db } = await database();
    const { a, b } = await twoOrgs(db);
    const history = await listPersonHistory(db, a.ana.actor, { personId: a.ana.id, limit: 100 });
    const bRecognitions = await db.execute<{ id: string }>(
      sql`select id from recognitions where org_id = ${b.org.id}::uuid`,
    );
    // A give each way, the welcome grant and Bronze's grant.
    expect(history.items).toHaveLength(4);
    for (const row of bRecognitions) expect(history.items.map((item) => item.id)).not.toContain(row.id);
  });

  it("find each org's own recognition behind the same Slack ids, and no Slack post of the other's", async () => {
    const { db } = await database();
    const { a, b } = await twoOrgs(db);
    const post = { channelId: "CSAME", messageTs: "1700000000.000100" };
    const inA = defined(await findAnnouncedRecognition(db, a.org.system, post));
    const inB = defined(await findAnnouncedRecognition(db, b.org.system, post));
    const orgOf = async (recognitionId: string) => {
      const [row] = await db.execute<{ org_id: string }>(
        sql`select org_id from recognitions where id = ${recognitionId}::uuid`,
      );
      return row?.org_id;
    };
    expect(await orgOf(inA.recognitionId)).toBe(a.org.id);
    expect(await orgOf(inB.recognitionId)).toBe(b.org.id);
    expect(await findSlackThread(db, a.ana.actor, { recognitionId: inA.recognitionId })).not.toBeNull();
    expect(await findSlackThread(db, a.ana.actor, { recognitionId: inB.recognitionId })).toBeNull();
  });
});

describe("the database itself", () => {
  async function accountsAndTransactions(db: Database) {
    const { a, b, both } = await twoOrgs(db);
    const earned = async (orgId: string, person: TestPerson) => {
      const rows = await db.execute<{ id: string }>(sql`
        select id from ledger_accounts where org_id = ${orgId}::uuid and person_id = ${person.id}::uuid
          and kind = 'earned'`);
      return Number(defined(rows[0], "earned account").id);
    };
    const transactionOf = async (orgId: string) => {
      const rows = await db.execute<{ id: string }>(
        sql`select id from ledger_transactions where org_id = ${orgId}::uuid order by id limit 1`,
      );
      return Number(defined(rows[0], "transaction").id);
    };
    return {
      a,
      b,
      both,
      aEarned: await earned(a.org.id, a.ana),
      bEarned: await earned(b.org.id, b.ana),
      aTransaction: await transactionOf(a.org.id),
      bTransaction: await transactionOf(b.org.id),
    };
  }

  it("refuses an entry of one org's transaction that posts to another org's account", async () => {
    const { db } = await database();
    const { a, b, both, bEarned, aTransaction } = await accountsAndTransactions(db);
    const before = await Promise.all(both.map((orgId) => orgFootprint(db, orgId)));

    // Labelled as A's entry: B's account is not A's (ledger_entries_account_same_org).
    expect(
      await sqlStateOfFailure(
        db,
        sql`insert into ledger_entries (org_id, transaction_id, account_id, amount)
            values (${a.org.id}::uuid, ${aTransaction}, ${bEarned}, 1)`,
      ),
    ).toBe("23503");
    // Labelled as B's entry: A's transaction is not B's (ledger_entries_transaction_same_org).
    expect(
      await sqlStateOfFailure(
        db,
        sql`insert into ledger_entries (org_id, transaction_id, account_id, amount)
            values (${b.org.id}::uuid, ${aTransaction}, ${bEarned}, 1)`,
      ),
    ).toBe("23503");

    expect(await Promise.all(both.map((orgId) => orgFootprint(db, orgId)))).toEqual(before);
  });

  it("refuses a posting through plaudit_post that moves points between orgs", async () => {
    const { db } = await database();
    const { a, both, aEarned, bEarned } = await accountsAndTransactions(db);
    const before = await Promise.all(both.map((orgId) => orgFootprint(db, orgId)));

    expect(
      await sqlStateOfFailure(
        db,
        sql`select plaudit_post(${a.org.id}::uuid, 'adjustment', ${key()}, '', null, null, null,
              array[${aEarned}, ${bEarned}]::bigint[], array[-1, 1]::bigint[])`,
      ),
    ).toBe("23503");
    const aGrants = await systemAccountId(db, a.org.id, "company_grants");
    expect(
      await sqlStateOfFailure(
        db,
        sql`select plaudit_post(${a.org.id}::uuid, 'grant', ${key()}, '', null, null, null,
              array[${aGrants}, ${bEarned}]::bigint[], array[-7, 7]::bigint[])`,
      ),
    ).toBe("23503");

    expect(await Promise.all(both.map((orgId) => orgFootprint(db, orgId)))).toEqual(before);
  });

  it("reports a recognition that names another org's person as recipient", async () => {
    // No foreign key guards this row (see the note in db/schema.ts); the reconciliation does.
    const { db } = await database();
    const { a, b } = await accountsAndTransactions(db);
    const [recognition] = await db.execute<{ id: string }>(
      sql`select id from recognitions where org_id = ${a.org.id}::uuid limit 1`,
    );
    await db.execute(sql`insert into recognition_recipients (recognition_id, person_id, org_id, amount)
      values (${defined(recognition).id}::uuid, ${b.ana.id}::uuid, ${a.org.id}::uuid, 1)`);
    const violations = await ledgerViolations(db, a.org.id);
    expect(violations.map((violation) => violation.check)).toEqual(["recognition_references_unknown_row"]);
    expect(violations[0]?.detail).toContain(b.ana.id);
    await db.execute(sql`delete from recognition_recipients
      where recognition_id = ${defined(recognition).id}::uuid and person_id = ${b.ana.id}::uuid`);
    expect(await ledgerViolations(db, a.org.id)).toEqual([]);
  });
});
