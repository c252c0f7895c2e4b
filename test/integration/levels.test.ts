import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getLeaderboard } from "../../core/feed/get-leaderboard";
import { getPersonProfile } from "../../core/feed/get-person-profile";
import { listFeed } from "../../core/feed/list-feed";
import { listPersonHistory } from "../../core/feed/list-person-history";
import { grantPoints } from "../../core/giving/grant-points";
import { awardDueLevels } from "../../core/levels/award-due-levels";
import { createLevel } from "../../core/levels/create-level";
import { listLevels } from "../../core/levels/list-levels";
import { removeLevel } from "../../core/levels/remove-level";
import { setLevelWindow } from "../../core/levels/set-level-window";
import { updateLevel } from "../../core/levels/update-level";
import { deactivatePerson } from "../../core/people/deactivate-person";
import { reactivatePerson } from "../../core/people/reactivate-person";
import type { Database } from "../../db/client";
import { defined, expectDomainError, expectLedgerClean } from "../support/assertions";
import { workerDatabase } from "../support/database";
import { createTestOrg, key, type TestOrg, type TestPerson } from "../support/factories";
import { giveAt } from "../support/giving";

const database = workerDatabase();

const NOW = new Date("2026-06-15T12:00:00Z");
const now = () => NOW;
const at = (iso: string | Date) => () => new Date(iso);

/** Bronze 500, Silver 1,500 (grant 100), Gold 4,000 (grant 200). */
async function ladderOrg(db: Database, settings: Parameters<typeof createTestOrg>[1] = {}) {
  const org = await createTestOrg(db, { celebrationChannel: "CCELEBRATE", ...settings });
  const bronze = await createLevel(db, org.admin.actor, {
    name: "Bronze",
    threshold: 500,
    grantPoints: null,
  });
  const silver = await createLevel(db, org.admin.actor, {
    name: "Silver",
    threshold: 1500,
    grantPoints: 100,
  });
  const gold = await createLevel(db, org.admin.actor, { name: "Gold", threshold: 4000, grantPoints: 200 });
  return { org, bronze, silver, gold };
}

function grant(db: Database, org: TestOrg, to: TestPerson[], amount: number, when: Date = NOW) {
  return grantPoints(
    db,
    org.admin.actor,
    { recipientIds: to.map((person) => person.id), amount, message: "Spot award", idempotencyKey: key() },
    at(when),
  );
}

async function achievementsOf(db: Database, org: TestOrg) {
  return db.execute<{ person_id: string; level: string; recognition_id: string | null }>(sql`
    select a.person_id, l.name as level, a.recognition_id from level_achievements a
    join levels l on l.id = a.level_id where a.org_id = ${org.id}::uuid order by l.threshold, a.person_id`);
}

async function noticesOf(db: Database, org: TestOrg) {
  return db.execute<{
    person_id: string;
    kind: string;
    dedupe_key: string;
    payload: Record<string, unknown>;
  }>(sql`
    select person_id, kind, dedupe_key, payload from notifications
    where org_id = ${org.id}::uuid and kind like 'level.%' order by kind, dedupe_key`);
}

async function levelGrantsOf(db: Database, org: TestOrg) {
  return db.execute<{ idempotency_key: string; message: string; amount: number }>(sql`
    select t.idempotency_key, r.message, r.amount_per_recipient as amount
    from ledger_transactions t join recognitions r on r.transaction_id = t.id
    where t.org_id = ${org.id}::uuid and t.idempotency_key like 'level:%' order by t.idempotency_key`);
}

describe("reaching a level", () => {
  it("is recorded, granted and announced once, however many passes race", async () => {
    const { db } = await database();
    const { org, silver } = await ladderOrg(db);
    const ana = await org.addPerson({ name: "Ana" });
    const ben = await org.addPerson({ name: "Ben" });
    await grant(db, org, [ana], 1600);
    await grant(db, org, [ben], 499);

    const passes = await Promise.all([1, 2, 3].map(() => awardDueLevels(db, org.system, {}, now)));
    expect(passes.reduce((sum, pass) => sum + pass.reached, 0)).toBe(2);
    expect((await awardDueLevels(db, org.system, {}, now)).reached).toBe(0);

    expect((await achievementsOf(db, org)).map((row) => [row.level, row.person_id])).toEqual([
      ["Bronze", ana.id],
      ["Silver", ana.id],
    ]);
    expect(await levelGrantsOf(db, org)).toEqual([
      { idempotency_key: `level:${silver.id}:${ana.id}`, message: "Ana reached Silver!", amount: 100 },
    ]);
    // One announcement, of the highest level reached, to Ana and in the celebration channel.
    const notices = await noticesOf(db, org);
    expect(notices.map((notice) => [notice.kind, notice.dedupe_key])).toEqual([
      ["level.reached", `level:${silver.id}:${ana.id}`],
      ["level.reached_channel", `level:${silver.id}:${ana.id}:channel`],
    ]);
    expect(notices[1]?.payload).toMatchObject({
      level: "Silver",
      person: "Ana",
      granted: 100,
      channel: "CCELEBRATE",
    });
    await expectLedgerClean(db, org.id);
  });

  it("does not count a level's grant towards the next level", async () => {
    const { db } = await database();
    const { org } = await ladderOrg(db);
    const ana = await org.addPerson({ name: "Ana" });
    // 1,450 received: short of Silver. With a grant of 100 for Bronze, the grant would lift her over.
    await updateLevel(db, org.admin.actor, {
      levelId: defined((await listLevels(db, org.admin.actor)).levels[0]).id,
      name: "Bronze",
      threshold: 500,
      grantPoints: 100,
    });
    await grant(db, org, [ana], 1450);
    expect((await awardDueLevels(db, org.system, {}, now)).reached).toBe(1);
    expect((await awardDueLevels(db, org.system, {}, now)).reached).toBe(0);
    expect((await achievementsOf(db, org)).map((row) => row.level)).toEqual(["Bronze"]);
    const profile = await getPersonProfile(db, ana.actor, { personId: ana.id }, now);
    expect(profile.level).toMatchObject({ points: 1450, current: { name: "Bronze", number: 1 } });
    expect(profile.level?.next).toEqual({ name: "Silver", threshold: 1500 });
    // 50 more received, not granted by a level, takes her to Silver.
    await grant(db, org, [ana], 50);
    expect((await awardDueLevels(db, org.system, {}, now)).reached).toBe(1);
    await expectLedgerClean(db, org.id);
  });

  it("with a watermark, looks only at people who received points since, unless the ladder changed", async () => {
    const { db } = await database();
    const { org } = await ladderOrg(db);
    const ana = await org.addPerson({ name: "Ana" });
    await grant(db, org, [ana], 600, new Date("2026-06-01T00:00:00Z"));
    // The grant is older than the watermark, and so is the ladder: the pass doesn't look at Ana.
    const since = new Date().toISOString();
    expect((await awardDueLevels(db, org.system, { since }, now)).reached).toBe(0);
    // Points received after it bring her in.
    const ben = await org.addPerson({ name: "Ben" });
    await grant(db, org, [ben], 500, new Date(Date.now() + 1000));
    expect((await awardDueLevels(db, org.system, { since }, now)).reached).toBe(1);
    // A change to the ladder since the watermark makes the pass look at everyone.
    await createLevel(db, org.admin.actor, { name: "Tin", threshold: 100, grantPoints: null });
    const pass = await awardDueLevels(db, org.system, { since }, now);
    const reached = (await achievementsOf(db, org)).map((row) => `${row.level} ${row.person_id}`);
    expect(reached.sort()).toEqual(
      [`Tin ${ana.id}`, `Tin ${ben.id}`, `Bronze ${ana.id}`, `Bronze ${ben.id}`].sort(),
    );
    expect(pass.reached).toBe(3);
    expect(new Date(pass.watermark).getTime()).toBe(NOW.getTime() - 60_000);
  });

  it("happens to someone reactivated since the watermark, who received nothing since", async () => {
    const { db } = await database();
    const { org } = await ladderOrg(db);
    const lea = await org.addPerson({ name: "Lea" });
    await grant(db, org, [lea], 600, new Date("2026-06-01T00:00:00Z"));
    await deactivatePerson(db, org.admin.actor, { personId: lea.id }, now);
    expect((await awardDueLevels(db, org.system, {}, now)).reached).toBe(0);
    const since = new Date().toISOString();
    await reactivatePerson(db, org.admin.actor, { personId: lea.id }, now);
    expect((await awardDueLevels(db, org.system, { since }, now)).reached).toBe(1);
  });

  it("never happens to leavers or bots", async () => {
    const { db } = await database();
    const { org } = await ladderOrg(db);
    const leaver = await org.addPerson({ name: "Lea" });
    const bot = await org.addPerson({ name: "Bot", isBot: true });
    await grant(db, org, [leaver], 5000);
    await db.execute(sql`insert into recognition_recipients (recognition_id, person_id, org_id, amount)
      select recognition_id, ${bot.id}::uuid, org_id, amount from recognition_recipients
      where person_id = ${leaver.id}::uuid`);
    await deactivatePerson(db, org.admin.actor, { personId: leaver.id }, now);
    expect((await awardDueLevels(db, org.system, {}, now)).reached).toBe(0);
    expect(await achievementsOf(db, org)).toEqual([]);
    const board = await getLeaderboard(db, org.admin.actor, { period: "year" }, now);
    expect(board.entries.every((entry) => entry.level === null)).toBe(true);
  });
});

describe("a person's current level", () => {
  it("counts the last 12 months in a rolling window, up to the edge, and everything in all time", async () => {
    const { db } = await database();
    const { org } = await ladderOrg(db);
    const ana = await org.addPerson({ name: "Ana" });
    const ben = await org.addPerson({ name: "Ben" });
    // 12 months before NOW, to the second: in the window. A second earlier: out of it.
    await grant(db, org, [ana], 1000, new Date("2025-06-15T12:00:00Z"));
    await grant(db, org, [ben], 1000, new Date("2025-06-15T11:59:59Z"));
    await grant(db, org, [ana, ben], 500, new Date("2026-06-01T00:00:00Z"));

    const levelOf = async (person: TestPerson) =>
      (await getPersonProfile(db, ana.actor, { personId: person.id }, now)).level;
    expect(await levelOf(ana)).toMatchObject({ points: 1500, current: { name: "Silver", number: 2 } });
    expect(await levelOf(ben)).toMatchObject({ points: 500, current: { name: "Bronze", number: 1 } });
    expect((await awardDueLevels(db, org.system, {}, now)).reached).toBe(3);

    // A second later Ana's oldest points leave the window: her level drops, her achievement stays.
    const later = () => new Date(NOW.getTime() + 1000);
    expect((await getPersonProfile(db, ana.actor, { personId: ana.id }, later)).level).toMatchObject({
      current: { name: "Bronze" },
    });
    expect((await achievementsOf(db, org)).filter((row) => row.person_id === ana.id)).toHaveLength(2);

    await setLevelWindow(db, org.admin.actor, { window: "all_time" });
    expect(await levelOf(ben)).toMatchObject({ points: 1500, current: { name: "Silver" } });
    expect((await awardDueLevels(db, org.system, {}, now)).reached).toBe(1);
    await expectLedgerClean(db, org.id);
  });

  it("shows as a badge number beside people in the feed, history and leaderboard", async () => {
    const { db } = await database();
    const { org } = await ladderOrg(db);
    const ana = await org.addPerson({ name: "Ana" });
    const ben = await org.addPerson({ name: "Ben" });
    await grant(db, org, [ana], 4000, new Date("2026-06-01T00:00:00Z"));
    await giveAt(db, ben, [ana], 10, { at: "2026-06-02T00:00:00Z" });
    await grant(db, org, [ben], 600, new Date("2026-06-03T00:00:00Z"));

    const feed = await listFeed(db, ana.actor, { limit: 10 }, now);
    const give = defined(feed.items.find((item) => item.giver?.id === ben.id));
    expect(give.giver?.level).toEqual({ name: "Bronze", number: 1 });
    expect(give.recipients).toEqual([
      { id: ana.id, name: "Ana", amount: 10, level: { name: "Gold", number: 3 } },
    ]);
    const history = await listPersonHistory(db, ana.actor, { personId: ben.id }, now);
    expect(history.items.map((item) => item.recipients[0]?.level?.number)).toEqual([1, 3]);
    const board = await getLeaderboard(db, ana.actor, {}, now);
    expect(board.entries.map((entry) => [entry.name, entry.level?.number ?? null])).toEqual([
      ["Ana", 3],
      ["Ben", 1],
    ]);
  });

  it("is no one's when the org has no levels", async () => {
    const { db } = await database();
    const org = await createTestOrg(db);
    const ana = await org.addPerson({ name: "Ana" });
    await grant(db, org, [ana], 5000);
    expect((await getPersonProfile(db, ana.actor, { personId: ana.id }, now)).level).toBeNull();
    expect((await listFeed(db, ana.actor, {}, now)).items[0]?.recipients[0]?.level).toBeNull();
    expect((await awardDueLevels(db, org.system, {}, now)).reached).toBe(0);
  });
});

describe("managing levels", () => {
  it("refuses duplicate names and thresholds, field by field", async () => {
    const { db } = await database();
    const { org, silver } = await ladderOrg(db);
    const both = await expectDomainError(
      createLevel(db, org.admin.actor, { name: "silver", threshold: 4000, grantPoints: null }),
      "conflict",
    );
    expect(both.details.fieldErrors).toEqual({
      name: "There is already a level called Silver.",
      threshold: "Gold already starts at this many points.",
    });
    const threshold = await expectDomainError(
      updateLevel(db, org.admin.actor, {
        levelId: silver.id,
        name: "Silver",
        threshold: 500,
        grantPoints: 100,
      }),
      "conflict",
    );
    expect(threshold.details).toMatchObject({ field: "threshold" });
    // Saving a level unchanged, or with its own threshold, is no clash with itself.
    await updateLevel(db, org.admin.actor, {
      levelId: silver.id,
      name: "Silver II",
      threshold: 1500,
      grantPoints: 100,
    });
  });

  it("refuses numbers that are not positive whole points, naming the field", async () => {
    const { db } = await database();
    const org = await createTestOrg(db);
    const cases = [
      [{ name: "Bronze", threshold: 0, grantPoints: null }, "threshold"],
      [{ name: "Bronze", threshold: 12.5, grantPoints: null }, "threshold"],
      [{ name: "Bronze", threshold: Number.NaN, grantPoints: null }, "threshold"],
      [{ name: "Bronze", threshold: 500, grantPoints: 0 }, "grantPoints"],
      [{ name: "Bronze", threshold: 500, grantPoints: -5 }, "grantPoints"],
      [{ name: " ", threshold: 500, grantPoints: null }, "name"],
    ] as const;
    for (const [input, field] of cases) {
      const error = await expectDomainError(createLevel(db, org.admin.actor, input), "invalid");
      expect(error.details.field, JSON.stringify(input)).toBe(field);
    }
    expect((await listLevels(db, org.admin.actor)).levels).toEqual([]);
  });

  it("lists the ladder in order with who reached each, audits every change, and removes a level", async () => {
    const { db } = await database();
    const { org, bronze } = await ladderOrg(db);
    const ana = await org.addPerson({ name: "Ana" });
    await grant(db, org, [ana], 700);
    await awardDueLevels(db, org.system, {}, now);
    const ladder = await listLevels(db, org.admin.actor);
    expect(ladder.window).toBe("rolling_12_months");
    expect(ladder.levels.map((level) => [level.number, level.name, level.reachedBy])).toEqual([
      [1, "Bronze", 1],
      [2, "Silver", 0],
      [3, "Gold", 0],
    ]);
    await removeLevel(db, org.admin.actor, { levelId: bronze.id });
    expect((await listLevels(db, org.admin.actor)).levels.map((level) => level.name)).toEqual([
      "Silver",
      "Gold",
    ]);
    expect(await achievementsOf(db, org)).toEqual([]);
    await setLevelWindow(db, org.admin.actor, { window: "all_time" });
    const actions = await db.execute<{ action: string }>(sql`
      select action from audit_log where org_id = ${org.id}::uuid and action like 'level.%' order by id`);
    expect(actions.map((row) => row.action)).toEqual([
      "level.create",
      "level.create",
      "level.create",
      "level.remove",
      "level.window",
    ]);
  });
});
