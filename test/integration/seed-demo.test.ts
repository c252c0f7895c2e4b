import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createOrganization } from "../../core/org/create-organization";
import type { RewardProviders } from "../../core/rewards/reward-provider";
import { ROLES } from "../../core/shared/actor";
import { VALUE_NAME_PATTERN } from "../../core/values/value-names";
import { type Connection, connect, type Database } from "../../db/client";
import { auditLog, companyValues, people, recognitions, redemptions } from "../../db/schema";
import { rewardProviders } from "../../providers/reward-providers";
import { type SandboxProvider, startSandboxProvider } from "../../providers/sandbox/start-sandbox-provider";
import { PAST_CAMPAIGN } from "../../scripts/seed-demo/past-campaign";
import { REDEMPTIONS } from "../../scripts/seed-demo/rewards";
import { type DemoSeedResult, needsDemoSeed, seedDemo } from "../../scripts/seed-demo/seed-demo";
import { expectLedgerClean } from "../support/assertions";
import { ensureWorkerDatabase, workerDatabase } from "../support/database";
import { databaseUrl } from "../support/database-urls";
import { orgFootprint } from "../support/footprint";
import { SANDBOX_API_KEY } from "../support/provider-sandbox";

const database = workerDatabase();
// The demo's link deliveries seal their gift links.
vi.stubEnv("PLAUDIT_SECRET_KEY", "seed-demo-test");
const NOW = new Date("2026-03-18T16:00:00Z");
const clock = () => NOW;
const DAY_MS = 24 * 60 * 60 * 1000;

let db: Database;
let seeded: DemoSeedResult;
let sandbox: SandboxProvider;
let providers: RewardProviders;

describe("the demo seed", () => {
  beforeAll(async () => {
    ({ db } = await database());
    sandbox = await startSandboxProvider({ apiKey: SANDBOX_API_KEY });
    providers = rewardProviders({
      PLAUDIT_SANDBOX_URL: sandbox.apiUrl,
      PLAUDIT_SANDBOX_API_KEY: SANDBOX_API_KEY,
    });
    seeded = await seedDemo(db, clock, providers);
  });
  afterAll(() => sandbox?.stop());

  it("creates Acme with about 40 people in four departments, with every role and reporting lines", async () => {
    expect(seeded).toMatchObject({ slug: "acme", alreadySeeded: false });
    const staff = await db.select().from(people).where(eq(people.orgId, seeded.orgId));
    expect(staff).toHaveLength(seeded.people);
    expect(staff.length).toBeGreaterThanOrEqual(36);
    expect(staff.length).toBeLessThanOrEqual(44);
    expect(new Set(staff.flatMap((person) => (person.department ? [person.department] : []))).size).toBe(4);
    expect(new Set(staff.flatMap((person) => person.roles))).toEqual(new Set(ROLES));
    expect(staff.every((person) => person.email.endsWith("@acme.example"))).toBe(true);
    expect(staff.filter((person) => person.isBot)).toHaveLength(1);
    const leavers = staff.filter((person) => !person.active);
    expect(leavers).toHaveLength(1);
    expect(leavers[0]?.deactivatedAt).toBeInstanceOf(Date);

    // One CEO at the top; everyone else human reports to someone, and every chain ends at the CEO.
    const humans = staff.filter((person) => !person.isBot);
    const byId = new Map(humans.map((person) => [person.id, person]));
    const tops = humans.filter((person) => !person.managerId);
    expect(tops).toHaveLength(1);
    for (const person of humans) {
      let current = person;
      for (let depth = 0; current.managerId; depth++) {
        expect(depth).toBeLessThan(5);
        const manager = byId.get(current.managerId);
        if (!manager) throw new Error(`${current.name}'s manager is not in the org`);
        current = manager;
      }
      expect(current.id).toBe(tops[0]?.id);
    }
    expect(humans.every((person) => person.costCenter)).toBe(true);
  });

  it("adds company values and allowance overrides", async () => {
    const values = await db.select().from(companyValues).where(eq(companyValues.orgId, seeded.orgId));
    expect(values.length).toBeGreaterThanOrEqual(4);
    expect(values.every((value) => VALUE_NAME_PATTERN.test(value.name))).toBe(true);
    const { rows } = await orgFootprint(db, seeded.orgId);
    expect(rows.allowance_overrides).toBeGreaterThanOrEqual(3);
  });

  it("records a few hundred varied recognitions in each of the last three months, none in the future", async () => {
    const recognized = await db
      .select({ createdAt: recognitions.createdAt, amount: recognitions.amountPerRecipient })
      .from(recognitions)
      .where(eq(recognitions.orgId, seeded.orgId));
    expect(recognized).toHaveLength(seeded.recognitions);
    expect(recognized.length).toBeGreaterThanOrEqual(200);
    expect(recognized.every((row) => row.createdAt <= NOW)).toBe(true);
    for (let month = 0; month < 3; month++) {
      const end = NOW.getTime() - month * 30 * DAY_MS;
      const inMonth = recognized.filter(
        (row) => row.createdAt.getTime() < end && row.createdAt.getTime() >= end - 30 * DAY_MS,
      );
      expect(inMonth.length, `recognitions ${month} months back`).toBeGreaterThanOrEqual(50);
    }
    expect(new Set(recognized.map((row) => row.amount)).size).toBeGreaterThanOrEqual(5);

    const [shape] = await db.execute<{
      min: number;
      max: number;
      gives_with_values: string;
      grants: string;
    }>(sql`
      select min(n)::int as min, max(n)::int as max,
        (select count(distinct recognition_id) from recognition_values where org_id = ${seeded.orgId}::uuid)
          as gives_with_values,
        (select count(*) from recognitions where org_id = ${seeded.orgId}::uuid and giver_id is null) as grants
      from (select count(*) as n from recognition_recipients r
            join recognitions g on g.id = r.recognition_id
            where g.org_id = ${seeded.orgId}::uuid and g.giver_id is not null
            group by r.recognition_id) counts`);
    expect(shape).toMatchObject({ min: 1, max: 3 });
    expect(Number(shape?.gives_with_values)).toBeGreaterThan(recognized.length / 2);
    expect(Number(shape?.grants)).toBeGreaterThan(0);
  });

  it("redeems through the sandbox in every way a redemption can end, each order placed once", async () => {
    const made = await db
      .select()
      .from(redemptions)
      .where(eq(redemptions.orgId, seeded.orgId))
      .orderBy(redemptions.requestedAt);
    expect(made).toHaveLength(REDEMPTIONS.length);
    expect(made.every((row) => row.requestedAt <= NOW)).toBe(true);
    const statuses = new Set(made.map((row) => row.status));
    expect(statuses).toEqual(new Set(["fulfilled", "failed", "declined", "awaiting_approval"]));
    const kinds = new Set(made.map((row) => `${row.kind}:${row.deliveryMethod ?? "none"}`));
    expect(kinds).toEqual(new Set(["gift_card:email", "gift_card:link", "charity:email", "custom:none"]));
    expect(made.filter((row) => row.shareInFeed && row.status === "fulfilled")).toHaveLength(2);
    expect(made.filter((row) => row.deliveryStatus === "failed" && row.attentionReason)).toHaveLength(1);
    expect(made.find((row) => row.status === "failed")?.outcomeReason).toMatch(/refused.*points are back/);
    const ordered = made.flatMap((row) => (row.providerOrderId ? [row.providerOrderId] : []));
    expect(
      sandbox
        .orders()
        .map((order) => order.id)
        .sort(),
    ).toEqual(ordered.sort());
  });

  it("has colleagues reacting to and commenting on the newest recognitions, some from Slack", async () => {
    const [social] = await db.execute<{
      reactions: number;
      reactors: number;
      comments: number;
      from_slack: number;
      by_leavers: number;
    }>(sql`
      select (select count(*)::int from recognition_reactions where org_id = ${seeded.orgId}::uuid) as reactions,
             (select count(distinct person_id)::int from recognition_reactions
              where org_id = ${seeded.orgId}::uuid) as reactors,
             (select count(*)::int from recognition_comments where org_id = ${seeded.orgId}::uuid) as comments,
             (select count(*)::int from recognition_comments
              where org_id = ${seeded.orgId}::uuid and source = 'slack') as from_slack,
             (select count(*)::int from recognition_comments c join people p on p.id = c.author_id
              where c.org_id = ${seeded.orgId}::uuid and not p.active) as by_leavers`);
    expect(social?.reactions).toBeGreaterThan(30);
    expect(social?.reactors).toBeGreaterThan(10);
    expect(social?.comments).toBeGreaterThan(5);
    expect(social?.from_slack).toBeGreaterThan(0);
    expect(social?.by_leavers).toBe(0);
  });

  it("ran a x2 Customer Week a month back whose tagged gives earned the bonus, within its budget", async () => {
    const [campaign] = await db.execute<{
      ends_on: string;
      budget: number;
      bonus_spent: number;
      boosted: number;
      boosted_untagged: number;
    }>(sql`
      select c.ends_on::text, c.budget::int, c.bonus_spent::int,
             (select count(*)::int from recognitions r where r.org_id = c.org_id and r.campaign_id = c.id) as boosted,
             (select count(*)::int from recognitions r where r.org_id = c.org_id and r.campaign_id = c.id
                and not exists (select 1 from recognition_values rv where rv.recognition_id = r.id
                                and rv.value_id = c.value_id)) as boosted_untagged
      from campaigns c where c.org_id = ${seeded.orgId}::uuid and c.name = ${PAST_CAMPAIGN.name}`);
    expect(campaign?.ends_on.localeCompare("2026-03-18")).toBe(-1);
    expect(campaign?.boosted).toBeGreaterThan(3);
    expect(campaign?.boosted_untagged).toBe(0);
    expect(campaign?.bonus_spent).toBeGreaterThan(0);
    expect(campaign?.bonus_spent).toBeLessThanOrEqual(PAST_CAMPAIGN.budget);
  });

  it("has Bronze, Silver and Gold, reached by exactly the active people whose points received qualify", async () => {
    const rows = await db.execute<{ name: string; received: string; reached: string[] }>(sql`
      select p.name,
             (select coalesce(sum(rr.amount), 0) from recognition_recipients rr
              where rr.org_id = p.org_id and rr.person_id = p.id
                and rr.recognition_id not in (select recognition_id from level_achievements
                                              where org_id = p.org_id and recognition_id is not null)) as received,
             array(select l.name from level_achievements a join levels l on l.id = a.level_id
                   where a.org_id = p.org_id and a.person_id = p.id order by l.threshold)::text[] as reached
      from people p where p.org_id = ${seeded.orgId}::uuid and p.active and not p.is_bot`);
    const ladder = [
      ["Bronze", 500],
      ["Silver", 1500],
      ["Gold", 4000],
    ] as const;
    for (const row of rows) {
      const qualifies = ladder
        .filter(([, threshold]) => Number(row.received) >= threshold)
        .map(([name]) => name);
      expect(row.reached, `${row.name}, ${row.received} received`).toEqual(qualifies);
    }
    expect(rows.filter((row) => row.reached.includes("Bronze")).length).toBeGreaterThanOrEqual(4);
    expect(rows.filter((row) => row.reached.includes("Silver")).length).toBeGreaterThanOrEqual(1);
  });

  it("celebrates birthdays and work anniversaries: a few in the feed, a few in the days ahead", async () => {
    const [org] = await db.execute<{
      birthday_points: number;
      anniversary_points: number;
      per_year: number;
    }>(sql`
      select birthday_points, anniversary_points, anniversary_points_per_year as per_year
      from organizations where id = ${seeded.orgId}::uuid`);
    expect(org).toEqual({ birthday_points: 50, anniversary_points: 100, per_year: 25 });
    const past = await db.execute<{ message: string; created_at: Date }>(sql`
      select r.message, r.created_at from celebrations c join recognitions r on r.id = c.recognition_id
      where c.org_id = ${seeded.orgId}::uuid order by r.created_at`);
    expect(past.map((row) => row.message)).toEqual([
      "Happy birthday, Hannah Schmidt!",
      "Happy 2nd work anniversary, Lucas Moreau!",
      "Happy birthday, Amara Osei!",
    ]);
    expect(past.every((row) => new Date(row.created_at) < NOW)).toBe(true);
    // Two birthdays and two anniversaries in the coming week: NOW is March 18th in New York.
    const ahead = await db.execute<{ name: string; birthday: string | null; hire_date: string | null }>(sql`
      select name, to_char(birthday, 'MM-DD') as birthday, to_char(hire_date, 'YYYY-MM-DD') as hire_date
      from people p where org_id = ${seeded.orgId}::uuid
        and not exists (select 1 from celebrations c where c.org_id = p.org_id and c.person_id = p.id)
        and (birthday is not null or hire_date is not null)
      order by name`);
    expect(ahead).toEqual([
      { name: "Emily Nguyen", birthday: "03-22", hire_date: null },
      { name: "Kenji Watanabe", birthday: null, hire_date: "2021-03-20" },
      { name: "Marcus Chen", birthday: null, hire_date: "2023-03-24" },
      { name: "Sofia Rossi", birthday: "03-19", hire_date: null },
    ]);
  });

  it("keeps the ledger consistent", async () => {
    await expectLedgerClean(db, seeded.orgId);
  });

  it("does nothing when run again", async () => {
    const before = await orgFootprint(db, seeded.orgId);
    expect(await needsDemoSeed(db)).toBe(false);
    const again = await seedDemo(db, () => new Date(NOW.getTime() + 40 * DAY_MS), providers);
    expect(again).toEqual({ ...seeded, alreadySeeded: true });
    expect(await orgFootprint(db, seeded.orgId)).toEqual(before);
  });

  it("finishes an interrupted seed without doubling anything", async () => {
    const before = await orgFootprint(db, seeded.orgId);
    // Without its completion mark the demo looks like a seed that stopped halfway.
    await db
      .delete(auditLog)
      .where(and(eq(auditLog.orgId, seeded.orgId), eq(auditLog.action, "organization.seed_demo")));
    expect(await needsDemoSeed(db)).toBe(true);
    const resumed = await seedDemo(db, clock, providers);
    expect(resumed).toEqual(seeded);
    expect(await orgFootprint(db, seeded.orgId)).toEqual(before);
  });
});

describe("the demo seed next to another org called acme", () => {
  let connection: Connection | undefined;
  afterAll(() => connection?.close());

  it("refuses and leaves that org alone", async () => {
    // A database of its own, since slugs are unique and the other tests' database holds the demo.
    connection = connect(databaseUrl(await ensureWorkerDatabase("_acme")), { max: 2 });
    const { orgId } = await createOrganization(
      connection.db,
      { kind: "operator" },
      { name: "Acme Corp", slug: "acme", admin: { name: "Real Admin", email: "admin@acme.test" } },
    );
    expect(await needsDemoSeed(connection.db)).toBe(false);
    await expect(seedDemo(connection.db, clock, providers)).rejects.toMatchObject({
      name: "DomainError",
      code: "conflict",
    });
    const staff = await connection.db.select().from(people).where(eq(people.orgId, orgId));
    expect(staff).toHaveLength(1);
  });
});
