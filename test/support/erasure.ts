import { sql } from "drizzle-orm";
import { boostAllowance } from "../../core/allowances/boost-allowance";
import { commentOnRecognition } from "../../core/feed/comment-on-recognition";
import { grantPoints } from "../../core/giving/grant-points";
import { createCustomReward } from "../../core/rewards/create-custom-reward";
import { declineRedemption } from "../../core/rewards/decline-redemption";
import type { RedemptionView } from "../../core/rewards/redemption-view";
import type { Database, Executor } from "../../db/client";
import { authAccounts, authSessions, authUsers, slackInstallations } from "../../db/schema";
import { type BillingOrg, cardFulfilledAt, closeAt, createBillingOrg } from "./billing";
import { key, type TestPerson } from "./factories";
import { giveAt } from "./giving";
import type { RewardsFixture } from "./rewards-fixture";

/** A month long past whose bill is closed before the erasure, and the one after it, still open. */
export const CLOSED_MONTH = "2025-03";
export const OPEN_MONTH = "2025-04";

export interface ErasableOrg extends BillingOrg {
  /** The person whose erasure is asked for, with what identifies them. */
  zelie: TestPerson & { email: string; externalEmployeeId: string; slackUserId: string };
  manager: TestPerson;
  ben: TestPerson;
  carl: TestPerson;
  /** Asked for a reward that needs approval; the admin declined it with a reason that names her. */
  declined: RedemptionView;
}

/**
 * An org in which one person, Zélie, has left traces of every kind Plaudit keeps, each made the way the
 * product makes it: HR details and a Slack link, a sign-in identity with a session, gift cards on a
 * closed and an open bill (delivered as gift links), recognitions given and received and one that
 * mentions her, a spot award, a boost, a declined request (notices to approvers and to her, audit
 * entries) and the Slack workspace she installed.
 */
export async function erasableOrg(
  db: Database,
  fixture: RewardsFixture,
  options: { leaverPolicy?: "keep" | "forfeit" } = {},
): Promise<ErasableOrg> {
  const org = await createBillingOrg(db, fixture, {
    settings: { deliveryMethod: "link" },
    leaverPolicy: options.leaverPolicy,
  });
  const tag = key().slice(0, 8).toUpperCase();
  const manager = await org.hire({ name: "Mia Manager", roles: ["employee", "manager"] });
  const email = `zelie.q@${org.slug}.test`;
  const person = await org.hire({
    name: "Zélie Quartermaine",
    email,
    department: "R&D",
    costCenter: "CC-7",
    externalEmployeeId: `E-${tag}`,
    birthday: "1990-05-17",
    hireDate: "2020-01-06",
    managerId: manager.id,
  });
  const slackUserId = `U${tag}`;
  await db.execute(sql`
    update people set slack_team_id = ${`T${tag}`}, slack_user_id = ${slackUserId} where id = ${person.id}::uuid`);
  await db.insert(slackInstallations).values({
    orgId: org.id,
    teamId: `T${tag}`,
    botUserId: `B${tag}`,
    botTokenEncrypted: "sealed",
    installedBySlackUser: slackUserId,
  });
  const zelie = { ...person, email, externalEmployeeId: `E-${tag}`, slackUserId };
  await signInIdentity(db, zelie, `Zelie.Q@${org.slug}.test`);

  const ben = await org.hire({ name: "Ben Okafor" });
  const carl = await org.hire({ name: "Carl Dunn" });
  await cardFulfilledAt(db, fixture, org, zelie, new Date(`${CLOSED_MONTH}-10T15:00:00Z`));
  await closeAt(db, org, CLOSED_MONTH, new Date(`${OPEN_MONTH}-03T12:00:00Z`));
  await cardFulfilledAt(db, fixture, org, zelie, new Date(`${OPEN_MONTH}-10T15:00:00Z`));

  await giveAt(db, zelie, [ben], 5, { message: "Thanks Ben for the review" });
  await giveAt(db, ben, [zelie], 7, { message: "Zélie Quartermaine saved the launch" });
  await giveAt(db, ben, [zelie, carl], 3, { message: "Both of you: great pairing" });
  await giveAt(db, carl, [ben], 4, {
    message: `With help from zélie quartermaine, <@${slackUserId}|zelie> and ${email.toUpperCase()}: thanks`,
  });
  const other = await giveAt(db, carl, [ben], 2, { message: "Nothing about anyone else" });
  const aboutHer = await giveAt(db, ben, [zelie], 1, { message: "For the demo" });
  const comment = (by: TestPerson, recognitionId: string, body: string) =>
    commentOnRecognition(db, by.actor, { recognitionId, body, idempotencyKey: key() });
  await comment(zelie, other.recognitionId, "Agreed, well done Ben");
  await comment(carl, aboutHer.recognitionId, "She earned it");
  await comment(ben, other.recognitionId, "Zélie Quartermaine helped too");
  await grantPoints(db, org.admin.actor, {
    recipientIds: [zelie.id],
    amount: 40,
    message: "Great quarter, Zélie",
    idempotencyKey: key(),
  });
  await boostAllowance(db, org.admin.actor, {
    personId: zelie.id,
    amount: 10,
    reason: "Covering Zélie's on-call",
    idempotencyKey: key(),
  });
  const declined = await declinedRequest(db, org, zelie);
  return { ...org, zelie, manager, ben, carl, declined };
}

/** A sign-in through Slack, as the Auth.js adapter stores it: the identity, its account and a session. */
async function signInIdentity(db: Database, person: { slackUserId: string }, email: string) {
  // Named apart from her person (the profile's own name), so that the tables every org shares hold no
  // text another test's Zélie could also have left.
  const name = `Zélie Q. ${person.slackUserId}`;
  const [user] = await db
    .insert(authUsers)
    .values({ name, email, emailVerified: new Date(), image: "https://x.test/z.png" })
    .returning({ id: authUsers.id });
  if (!user) throw new Error("no sign-in identity");
  await db.insert(authAccounts).values({
    userId: user.id,
    type: "oidc",
    provider: "slack",
    providerAccountId: person.slackUserId,
    id_token: "token",
  });
  await db.insert(authSessions).values({
    userId: user.id,
    sessionToken: key(),
    expires: new Date(Date.now() + 86_400_000),
  });
}

/** A reward that waits for an admin's approval, asked for by `person` and declined with a reason. */
async function declinedRequest(db: Database, org: BillingOrg, person: TestPerson): Promise<RedemptionView> {
  const reward = await createCustomReward(db, org.admin.actor, {
    name: "Team lunch",
    pointsPrice: 20,
    requiresApproval: true,
  });
  const { redemption } = await org.redeem(
    person,
    { customRewardId: reward.id },
    {
      providers: () => {
        throw new Error("a custom reward never reaches a provider");
      },
    },
  );
  return declineRedemption(db, org.admin.actor, {
    redemptionId: redemption.id,
    reason: "Zélie Quartermaine already had one this quarter",
  });
}

/** What every table holds for one org (its rows, or the rows that name it), as text. */
export async function orgRowsAsText(db: Executor, orgId: string): Promise<Record<string, string[]>> {
  const tables = await db.execute<{ table_name: string; scoped: boolean }>(sql`
    select t.table_name,
           exists (select 1 from information_schema.columns c
                   where c.table_schema = 'public' and c.table_name = t.table_name and c.column_name = 'org_id') as scoped
    from information_schema.tables t
    where t.table_schema = 'public' and t.table_type = 'BASE TABLE'
    order by t.table_name`);
  const rows: Record<string, string[]> = {};
  for (const { table_name: table, scoped } of tables) {
    const filter = scoped
      ? sql`where t.org_id = ${orgId}::uuid`
      : table === "organizations"
        ? sql`where t.id = ${orgId}::uuid`
        : sql``;
    const found = await db.execute<{ row: string }>(
      sql`select to_jsonb(t)::text as row from ${sql.identifier(table)} t ${filter} order by 1`,
    );
    rows[table] = found.map((each) => each.row);
  }
  return rows;
}

/** The tables (and how many of their rows) whose text holds any of `needles`, in any case. */
export function tablesHolding(
  rows: Record<string, string[]>,
  needles: readonly string[],
): Record<string, number> {
  const lower = needles.map((needle) => needle.toLowerCase());
  const holding: Record<string, number> = {};
  for (const [table, texts] of Object.entries(rows)) {
    const count = texts.filter((text) => lower.some((needle) => text.toLowerCase().includes(needle))).length;
    if (count > 0) holding[table] = count;
  }
  return holding;
}
