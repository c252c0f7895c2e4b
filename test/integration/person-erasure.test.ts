import { createHash } from "node:crypto";
import { type SQL, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { listFeed } from "../../core/feed/list-feed";
import { listRecognitionComments } from "../../core/feed/list-recognition-comments";
import { givePoints } from "../../core/giving/give-points";
import { grantPoints } from "../../core/giving/grant-points";
import { earnedAccountIds, systemAccountId } from "../../core/ledger/accounts";
import { post } from "../../core/ledger/postings";
import { erasePerson } from "../../core/people/erase-person";
import { getPersonDetails } from "../../core/people/get-person-details";
import { reactivatePerson } from "../../core/people/reactivate-person";
import { updatePerson } from "../../core/people/update-person";
import { createCustomReward } from "../../core/rewards/create-custom-reward";
import { getRedemption } from "../../core/rewards/get-redemption";
import { sqlState } from "../../core/shared/errors";
import { loadViewer } from "../../core/sign-in/load-viewer";
import { resolveSignIn } from "../../core/sign-in/resolve-sign-in";
import type { Database } from "../../db/client";
import {
  defined,
  expectDomainError,
  expectLedgerClean,
  inRolledBackTransaction,
  sqlStateOfFailure,
} from "../support/assertions";
import { billOf, exportedCsv } from "../support/billing";
import { workerDatabase } from "../support/database";
import {
  CLOSED_MONTH,
  type ErasableOrg,
  erasableOrg,
  OPEN_MONTH,
  orgRowsAsText,
  tablesHolding,
} from "../support/erasure";
import { createTestOrg, key, type TestPerson } from "../support/factories";
import { rewardsFixture } from "../support/rewards-fixture";

const database = workerDatabase();
const fixture = rewardsFixture();

/** restrict_violation: what the ledger's triggers raise. */
const APPEND_ONLY = "23001";

const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

/** Everything that could tell who Zélie was: her names, email, ids, birthday and words about her. */
function needlesOf(org: ErasableOrg): string[] {
  const { zelie } = org;
  return ["Zélie", "zelie", zelie.email, zelie.externalEmployeeId, zelie.slackUserId, "1990-05-17"];
}

/**
 * The ledger as amounts and links: every entry, every transaction but its memo, and every balance that
 * isn't zero (an erasure opens all of a person's empty earned slots, see holdGivesToThem).
 */
async function ledgerOf(db: Database, orgId: string) {
  return db.execute(sql`
    select (select jsonb_agg(to_jsonb(e) order by e.id) from ledger_entries e where e.org_id = ${orgId}::uuid) as entries,
           (select jsonb_agg(to_jsonb(t) - 'memo' order by t.id) from ledger_transactions t
            where t.org_id = ${orgId}::uuid) as transactions,
           (select jsonb_agg(jsonb_build_array(a.id, a.balance) order by a.id) from ledger_accounts a
            where a.org_id = ${orgId}::uuid and a.balance <> 0) as balances`);
}

function erase(db: Database, org: ErasableOrg, extra: { dryRun?: boolean; confirmation?: string } = {}) {
  return erasePerson(db, org.admin.actor, {
    personId: org.zelie.id,
    confirmation: "  zélie   QUARTERMAINE ",
    ...extra,
  });
}

describe("erasing a person's personal data", () => {
  it("replaces who they were everywhere Plaudit keeps it, except on the org's bills", async () => {
    const { db } = await database();
    const org = await erasableOrg(db, fixture);
    const needles = needlesOf(org);
    const before = await orgRowsAsText(db, org.id);
    // The scenario leaves her traces in every kind of record erasure has to reach.
    expect(Object.keys(tablesHolding(before, needles)).sort()).toEqual([
      "allowance_boosts",
      "audit_log",
      "auth_accounts",
      "auth_users",
      "bill_lines",
      "ledger_transactions",
      "notifications",
      "people",
      "recognition_comments",
      "recognitions",
      "redemptions",
      "slack_installations",
    ]);

    const result = await erase(db, org);

    expect(result).toMatchObject({
      personId: org.zelie.id,
      name: `Erased person ${org.zelie.id.slice(0, 6)}`,
      email: `erased-${org.zelie.id}@erased.invalid`,
      alreadyErased: false,
      dryRun: false,
      deactivated: true,
      forfeited: 0,
      billLinesKept: 2,
      changed: {
        // One recognition's message and one comment name her among other words.
        mentions: 2,
        // Her own, and one under a recognition she received.
        comments: 2,
        boostReasons: 1,
        redemptions: 3,
        giftLinks: 2,
        signInIdentities: 1,
        slackInstallations: 1,
      },
    });
    // Two spot awards that paid for her cards, the larger one, the three she received and the one she gave.
    expect(result.changed.recognitionMessages).toBe(7);
    expect(result.changed.noticesRemoved).toBeGreaterThan(0);
    expect(result.changed.noticesRedacted).toBeGreaterThan(0);
    expect(result.changed.ledgerMemos).toBeGreaterThan(0);
    expect(result.changed.auditEntries).toBeGreaterThan(0);

    // Nothing anywhere still says who she was, but the bill lines, which are accounting records.
    expect(tablesHolding(await orgRowsAsText(db, org.id), needles)).toEqual({ bill_lines: 2 });
  });

  it("keeps the ledger, balances, bills and the structure of the feed exactly as they were", async () => {
    const { db } = await database();
    const org = await erasableOrg(db, fixture);
    const ledgerBefore = await ledgerOf(db, org.id);
    const closedBefore = await exportedCsv(db, org.finance.actor, CLOSED_MONTH);
    const openBefore = await exportedCsv(db, org.finance.actor, OPEN_MONTH);
    const feedBefore = await listFeed(db, org.ben.actor, { limit: 50 });

    const { name } = await erase(db, org);

    expect(await ledgerOf(db, org.id)).toEqual(ledgerBefore);
    await expectLedgerClean(db, org.id);
    const closedAfter = await exportedCsv(db, org.finance.actor, CLOSED_MONTH);
    expect(closedAfter).toBe(closedBefore);
    expect(sha256(closedAfter)).toBe((await billOf(db, org.id, CLOSED_MONTH)).csvSha256);
    expect(closedAfter).toContain("Zélie Quartermaine");
    expect(await exportedCsv(db, org.finance.actor, OPEN_MONTH)).toBe(openBefore);

    // The same recognitions, amounts and people; her name and the words about her replaced.
    const feedAfter = await listFeed(db, org.ben.actor, { limit: 50 });
    const shape = (page: typeof feedBefore) =>
      page.items.map((item) => ({
        id: item.id,
        giver: item.giver?.id ?? null,
        recipients: item.recipients.map(({ id, amount }) => ({ id, amount })),
        total: item.totalAmount,
      }));
    expect(shape(feedAfter)).toEqual(shape(feedBefore));
    const involving = feedAfter.items.filter(
      (item) => item.giver?.id === org.zelie.id || item.recipients.some((r) => r.id === org.zelie.id),
    );
    expect(involving).toHaveLength(7);
    for (const item of involving) {
      expect(item.message).toBe("[erased]");
      const shown = [item.giver, ...item.recipients].filter((each) => each?.id === org.zelie.id);
      expect(shown.map((each) => each?.name)).toEqual(shown.map(() => name));
    }
    const messages = feedAfter.items.map((item) => item.message);
    expect(messages).toContain(
      `With help from ${name}, @${name} and erased-${org.zelie.id}@erased.invalid: thanks`,
    );
    expect(messages).toContain("Nothing about anyone else");
    // Under a colleague's recognition: her comment goes, a mention of her is replaced, the rest stays.
    const other = defined(feedAfter.items.find((item) => item.message === "Nothing about anyone else"));
    const { comments } = await listRecognitionComments(db, org.ben.actor, { recognitionId: other.id });
    expect(comments.map((comment) => comment.body)).toEqual(["[erased]", `${name} helped too`]);
  });

  it("leaves a placeholder record that can't sign in, be edited or come back", async () => {
    const { db } = await database();
    const org = await erasableOrg(db, fixture);
    const { name, email } = await erase(db, org);

    const { person, manager } = await getPersonDetails(db, org.admin.actor, { personId: org.zelie.id });
    expect(person).toMatchObject({
      name,
      email,
      active: false,
      externalEmployeeId: null,
      birthday: null,
      hireDate: null,
      department: "R&D",
      costCenter: "CC-7",
    });
    expect(person.erasedAt).toBeInstanceOf(Date);
    expect(manager?.id).toBe(org.manager.id);
    const redemption = await getRedemption(db, org.admin.actor, { redemptionId: org.declined.id });
    expect(redemption).toMatchObject({ person: { name }, outcomeReason: "[erased]" });

    const refused = await expectDomainError(
      resolveSignIn(db, { email: org.zelie.email, emailVerified: true }),
      "unauthenticated",
    );
    expect(refused.details.reason).toBe("unknown_email");
    expect(await loadViewer(db, org.zelie.id)).toBeNull();
    const identities = await db.execute(sql`
      select 1 from auth_users where lower(email) = ${org.zelie.email}
      union all select 1 from auth_accounts where provider_account_id = ${org.zelie.slackUserId}
      union all select 1 from auth_sessions s join auth_users u on u.id = s.user_id where lower(u.email) = ${org.zelie.email}`);
    expect(identities).toHaveLength(0);

    const edit = await expectDomainError(
      updatePerson(db, org.admin.actor, { personId: org.zelie.id, name: "Zélie Quartermaine" }),
      "conflict",
    );
    expect(edit.message).toMatch(/erased/);
    await expectDomainError(reactivatePerson(db, org.admin.actor, { personId: org.zelie.id }), "conflict");
  });

  it("rehearses exactly what it then does with a dry run, and erasing again changes nothing", async () => {
    const { db } = await database();
    const org = await erasableOrg(db, fixture);
    const untouched = await orgRowsAsText(db, org.id);

    const rehearsal = await erase(db, org, { dryRun: true });
    expect(rehearsal.dryRun).toBe(true);
    expect(await orgRowsAsText(db, org.id)).toEqual(untouched);

    const { dryRun, erasedAt, ...done } = await erase(db, org);
    const { dryRun: _, erasedAt: __, ...rehearsed } = rehearsal;
    expect(done).toEqual(rehearsed);
    const erased = await orgRowsAsText(db, org.id);
    const entries = await db.execute<{ after: Record<string, unknown> }>(sql`
      select after from audit_log where org_id = ${org.id}::uuid and action = 'person.erase'`);
    expect(entries).toEqual([
      { after: { erasedAt: erasedAt.toISOString(), ...done.changed, billLinesKept: 2 } },
    ]);

    const again = await erase(db, org, { confirmation: "" });
    expect(again).toMatchObject({ alreadyErased: true, name: done.name, email: done.email, erasedAt });
    expect(Object.values(again.changed).every((count) => count === 0)).toBe(true);
    expect(await orgRowsAsText(db, org.id)).toEqual(erased);
  });
});

describe("a give racing an erasure", () => {
  it("finishes first, and its message is erased with the rest", async () => {
    const { db } = await database();
    const org = await createTestOrg(db);
    const [ana, ben, carl] = await org.addPeople(3);
    // No rate limit: the give held open below speaks SQL on a bare connection, with no Drizzle to count on.
    const give = (giver: TestPerson, connection: Database = db, idempotencyKey = key()) =>
      givePoints(
        connection,
        giver.actor,
        {
          recipientIds: [defined(ana).id],
          amount: 5,
          message: "Thanks for everything",
          source: "web",
          idempotencyKey,
        },
        undefined,
        null,
      );

    // Ana has an earned slot already, which Ben's give will credit: a give that opens a slot waits for
    // the erasure's change to her record anyway.
    const first = key();
    await give(defined(carl), db, first);
    let racing = key();
    while ((await slotOf(db, racing)) !== (await slotOf(db, first))) racing = key();

    // Ben's give has credited Ana and is about to commit when the erasure starts.
    let release = () => {};
    let credited = () => {};
    const creditedAna = new Promise<void>((resolve) => {
      credited = resolve;
    });
    const inFlight = (async () => {
      // The give's own statement, on a connection whose transaction the test keeps open.
      const held = await db.$client.reserve();
      await held`begin`;
      const client = { unsafe: held.unsafe, options: db.$client.options };
      await give(defined(ben), { $client: client } as unknown as Database, racing);
      credited();
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      await held`commit`;
      held.release();
    })();
    await Promise.race([creditedAna, inFlight]);
    const erasure = erasePerson(db, org.admin.actor, { personId: defined(ana).id, confirmation: "Person 1" });
    try {
      const waiting = await Promise.race([erasure.then(() => false), waitingOnLocks(db, 1)]);
      expect(waiting, "the erasure waits for the give in flight").toBe(true);
    } finally {
      release();
      await inFlight;
    }
    await erasure;
    // A give after the erasure finds her gone, whichever slot it picks.
    await expectDomainError(give(defined(carl)), "recipient_inactive");

    const messages = await db.execute<{ message: string }>(sql`
      select message from recognitions where org_id = ${org.id}::uuid`);
    expect(messages).toEqual([{ message: "[erased]" }, { message: "[erased]" }]);
    await expectLedgerClean(db, org.id);
  });
});

/** The earned slot a give with this idempotency key credits (as plaudit_give picks it). */
async function slotOf(db: Database, idempotencyKey: string): Promise<number> {
  const [row] = await db.execute<{ slot: number }>(
    sql`select (hashtextextended(${idempotencyKey}, 0) & 7)::int as slot`,
  );
  return defined(row).slot;
}

/** Resolves once `count` statements of this database wait for a lock; polls for a few seconds. */
async function waitingOnLocks(db: Database, count: number): Promise<boolean> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const [row] = await db.execute<{ waiting: number }>(sql`
      select count(*)::int as waiting from pg_stat_activity
      where datname = current_database() and wait_event_type = 'Lock'`);
    if ((row?.waiting ?? 0) >= count) return true;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return false;
}

describe("who may erase, and when", () => {
  it("deactivates an active person under the org's leaver policy first, forfeiting what they earned", async () => {
    const { db } = await database();
    const org = await createTestOrg(db, { leaverPolicy: "forfeit" });
    const ana = await org.addPerson({ name: "Ana Souza" });
    await grantPoints(db, org.admin.actor, {
      recipientIds: [ana.id],
      amount: 25,
      message: "For Ana Souza",
      idempotencyKey: key(),
    });

    // A forfeit as the ledger recorded them before memos stopped naming people.
    await post(db, {
      orgId: org.id,
      kind: "forfeit",
      idempotencyKey: key(),
      requestHash: "old",
      memo: "Earned balance of Ana Souza forfeited on deactivation",
      entries: [
        { accountId: defined((await earnedAccountIds(db, org.id, [ana.id])).get(ana.id)), amount: -10 },
        { accountId: await systemAccountId(db, org.id, "forfeited"), amount: 10 },
      ],
    });

    const result = await erasePerson(db, org.admin.actor, { personId: ana.id, confirmation: "Ana Souza" });

    expect(result).toMatchObject({ deactivated: true, forfeited: 15 });
    const memos = await db.execute<{ kind: string; memo: string }>(sql`
      select kind, memo from ledger_transactions where org_id = ${org.id}::uuid order by id`);
    expect(memos).toEqual([
      { kind: "grant", memo: "[erased]" },
      { kind: "forfeit", memo: "[erased]" },
      { kind: "forfeit", memo: "Earned balance forfeited on deactivation" },
    ]);
    await expectLedgerClean(db, org.id);
  });

  it("erases someone already deactivated without deactivating them again", async () => {
    const { db } = await database();
    const org = await createTestOrg(db);
    const leaver = await org.addPerson({ name: "Lee Leaver", active: false });
    const result = await erasePerson(
      db,
      { kind: "operator" },
      {
        orgId: org.id,
        personId: leaver.id,
        confirmation: "lee leaver",
      },
    );
    expect(result).toMatchObject({ deactivated: false, alreadyErased: false });
  });

  it("refuses, writing nothing, to erase yourself, the last active admin, or without the right confirmation", async () => {
    const { db } = await database();
    const org = await createTestOrg(db);
    const ana = await org.addPerson({ name: "Ana Souza" });
    const untouched = await orgRowsAsText(db, org.id);

    const self = await expectDomainError(
      erasePerson(db, org.admin.actor, { personId: org.admin.id, confirmation: "Admin" }),
      "invalid",
    );
    expect(self.message).toBe("You can't erase your own personal data; ask another admin.");
    const lastAdmin = await expectDomainError(
      erasePerson(db, { kind: "operator" }, { orgId: org.id, personId: org.admin.id, confirmation: "Admin" }),
      "conflict",
    );
    expect(lastAdmin.message).toMatch(/last active admin/);
    const wrong = await expectDomainError(
      erasePerson(db, org.admin.actor, { personId: ana.id, confirmation: "Ana" }),
      "invalid",
    );
    expect(wrong.details.field).toBe("confirmation");
    await expectDomainError(
      erasePerson(db, { kind: "operator" }, { personId: ana.id, confirmation: "Ana Souza" }),
      "invalid",
    );
    expect(await orgRowsAsText(db, org.id)).toEqual(untouched);
  });

  it("waits until the person's redemptions are finished", async () => {
    const { db } = await database();
    const org = await erasableOrg(db, fixture);
    const reward = await createCustomReward(db, org.admin.actor, {
      name: "Desk plant",
      pointsPrice: 5,
      requiresApproval: true,
    });
    await org.redeem(org.zelie, { customRewardId: reward.id }, fixture.deps());
    const untouched = await orgRowsAsText(db, org.id);

    const waiting = await expectDomainError(erase(db, org), "conflict");
    expect(waiting.message).toBe(
      "Zélie Quartermaine has a redemption still in progress; once it is fulfilled, declined or failed, erase them.",
    );
    expect(await orgRowsAsText(db, org.id)).toEqual(untouched);
  });

  it("finds no one for another org's admin, and lets no API key erase", async () => {
    const { db } = await database();
    const org = await createTestOrg(db);
    const other = await createTestOrg(db);
    const ana = await org.addPerson({ name: "Ana Souza" });
    const input = { personId: ana.id, confirmation: "Ana Souza" };
    await expectDomainError(erasePerson(db, other.admin.actor, input), "not_found");
    await expectDomainError(erasePerson(db, org.system, input), "forbidden");
    const [row] = await db.execute<{ name: string }>(sql`select name from people where id = ${ana.id}::uuid`);
    expect(defined(row).name).toBe("Ana Souza");
  });
});

describe("the ledger's memos", () => {
  it("change only within an erasure, and nothing else of a transaction ever does", async () => {
    const { db } = await database();
    const org = await createTestOrg(db);
    const ana = await org.addPerson();
    const grant = await grantPoints(db, org.admin.actor, {
      recipientIds: [ana.id],
      amount: 5,
      message: "For Ana",
      idempotencyKey: key(),
    });
    const memoOnly = sql`update ledger_transactions set memo = 'x' where id = ${grant.transactionId}`;
    const withKind = sql`update ledger_transactions set memo = 'x', kind = 'adjustment' where id = ${grant.transactionId}`;
    const withinErasure = (statement: SQL) =>
      inRolledBackTransaction(db, async (tx) => {
        await tx.execute(sql`select set_config('plaudit.erasing', 'on', true)`);
        await tx.execute(statement);
      }).then(() => undefined, sqlState);

    expect(await sqlStateOfFailure(db, memoOnly)).toBe(APPEND_ONLY);
    expect(await withinErasure(memoOnly)).toBeUndefined();
    expect(await withinErasure(withKind)).toBe(APPEND_ONLY);
    expect(await withinErasure(sql`delete from ledger_transactions where id = ${grant.transactionId}`)).toBe(
      APPEND_ONLY,
    );
  });
});
