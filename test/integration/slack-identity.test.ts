import { randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { drizzle } from "drizzle-orm/postgres-js";
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createPerson } from "../../core/people/create-person";
import { openSecret, sealSecret } from "../../core/shared/secret-box";
import { findSlackWorkspace } from "../../core/slack-identity/find-slack-workspace";
import { resolveSlackPerson } from "../../core/slack-identity/resolve-slack-person";
import { resolveSlackRecipients } from "../../core/slack-identity/resolve-slack-recipients";
import { saveSlackInstallation } from "../../core/slack-identity/save-slack-installation";
import type {
  DescribeSlackUser,
  SlackProfile,
  SlackWorkspaceRef,
} from "../../core/slack-identity/slack-profile";
import { type Connection, connect, type Database } from "../../db/client";
import * as schema from "../../db/schema";
import { auditLog, people, slackInstallations } from "../../db/schema";
import { defined, expectDomainError } from "../support/assertions";
import { ensureWorkerDatabase, workerDatabase } from "../support/database";
import { databaseUrl } from "../support/database-urls";
import { createTestOrg, type TestOrg } from "../support/factories";
import { expectRefusedWithoutWrites, orgFootprint } from "../support/footprint";

const database = workerDatabase();

const SECRET_KEY = "slack-identity-test-key";
beforeEach(() => {
  vi.stubEnv("PLAUDIT_SECRET_KEY", SECRET_KEY);
  vi.stubEnv("AUTH_SECRET", undefined);
});
afterEach(() => {
  vi.unstubAllEnvs();
});

/** A Slack team id no other test uses, so workspaces of different tests never meet. */
const newTeamId = () => `T${randomUUID().slice(0, 10).toUpperCase()}`;
const newUserId = () => `U${randomUUID().slice(0, 10).toUpperCase()}`;

async function orgWithWorkspace(db: Database, settings: { slackAutoProvision?: boolean } = {}) {
  const org = await createTestOrg(db, settings);
  const workspace: SlackWorkspaceRef = { orgId: org.id, teamId: newTeamId() };
  return { org, workspace };
}

/** A person with a known email, added the way an admin adds one. */
async function personWithEmail(db: Database, org: TestOrg, email: string, name = "Ana Lima") {
  const { person } = await createPerson(db, org.admin.actor, { name, email });
  return person;
}

async function slackIdsOf(db: Database, personId: string) {
  const [row] = await db
    .select({ teamId: people.slackTeamId, userId: people.slackUserId })
    .from(people)
    .where(eq(people.id, personId));
  return defined(row, "person");
}

async function link(db: Database, personId: string, workspace: SlackWorkspaceRef, userId: string) {
  await db
    .update(people)
    .set({ slackTeamId: workspace.teamId, slackUserId: userId })
    .where(eq(people.id, personId));
}

/** Slack's answer about any user it is asked about: nothing but what `says` sets. */
function slackSays(says: Partial<SlackProfile>): DescribeSlackUser {
  return async () => ({ email: null, name: null, isBot: false, deleted: false, ...says });
}

/** A Slack user whose profile Slack gives when asked. */
function slackUser(userId: string, says: Partial<SlackProfile>) {
  return { userId, describeUser: slackSays(says) };
}

/** For a user the stored Slack id must answer for: Slack is never asked. */
const notAsked: DescribeSlackUser = async (userId) => {
  throw new Error(`Slack was asked about ${userId}`);
};

async function peopleOf(db: Database, orgId: string) {
  return db
    .select({ id: people.id, name: people.name, email: people.email, roles: people.roles })
    .from(people)
    .where(eq(people.orgId, orgId));
}

describe("resolveSlackPerson", () => {
  it("(a) finds the person holding the Slack id with one query on the Slack id index, without asking Slack", async () => {
    const { db, sql: client } = await database();
    const { org, workspace } = await orgWithWorkspace(db);
    const ana = await org.addPerson({ name: "Ana", roles: ["employee", "manager"] });
    const userId = newUserId();
    await link(db, ana.id, workspace, userId);

    const queries: { query: string; params: unknown[] }[] = [];
    const logged = drizzle(client, {
      schema,
      logger: { logQuery: (query, params) => queries.push({ query, params }) },
    });
    const describeUser = vi.fn(notAsked);
    const result = await resolveSlackPerson(logged, workspace, { userId, describeUser });

    expect(describeUser).not.toHaveBeenCalled();
    expect(result).toEqual({
      status: "linked",
      actor: { kind: "person", orgId: org.id, personId: ana.id, roles: ["employee", "manager"] },
      person: { id: ana.id, name: "Ana" },
      newlyLinked: false,
      provisioned: false,
    });
    expect(queries).toHaveLength(1);
    // Forbidding sequential scans shows whether the query can use the partial unique index at all.
    const { query, params } = defined(queries[0]);
    const plan = await client.begin(async (tx) => {
      await tx`set local enable_seqscan = off`;
      return tx.unsafe(`explain ${query}`, params as string[]);
    });
    expect(JSON.stringify(plan)).toContain("people_slack_user_unique");
  });

  it("(a) refuses a linked person who has been deactivated", async () => {
    const { db } = await database();
    const { org, workspace } = await orgWithWorkspace(db);
    const leaver = await org.addPerson({ active: false });
    const userId = newUserId();
    await link(db, leaver.id, workspace, userId);

    const result = await resolveSlackPerson(
      db,
      workspace,
      slackUser(userId, { email: "whoever@example.test" }),
    );
    expect(result).toEqual({
      status: "unknown",
      reason: "deactivated",
      message: "Your Plaudit account has been deactivated.",
    });
  });

  it("(b) links the active person with the Slack email, whatever its case, once", async () => {
    const { db } = await database();
    const { org, workspace } = await orgWithWorkspace(db);
    const ana = await personWithEmail(db, org, `ana@${org.slug}.test`);
    const userId = newUserId();

    const first = await resolveSlackPerson(
      db,
      workspace,
      slackUser(userId, { email: `  Ana@${org.slug.toUpperCase()}.TEST `, name: "Ana L." }),
    );
    expect(first).toMatchObject({
      status: "linked",
      actor: { kind: "person", orgId: org.id, personId: ana.id, roles: ["employee"] },
      person: { id: ana.id, name: "Ana Lima" },
      newlyLinked: true,
      provisioned: false,
    });
    expect(await slackIdsOf(db, ana.id)).toEqual({ teamId: workspace.teamId, userId });

    const again = await resolveSlackPerson(db, workspace, { userId, describeUser: notAsked });
    expect(again).toMatchObject({ status: "linked", person: { id: ana.id }, newlyLinked: false });

    const entries = await db
      .select({
        action: auditLog.action,
        actor: auditLog.actorPersonId,
        before: auditLog.before,
        after: auditLog.after,
      })
      .from(auditLog)
      .where(
        and(eq(auditLog.orgId, org.id), eq(auditLog.targetId, ana.id), eq(auditLog.action, "person.update")),
      );
    expect(entries).toEqual([
      {
        action: "person.update",
        actor: null,
        before: { slackTeamId: null, slackUserId: null },
        after: { slackTeamId: workspace.teamId, slackUserId: userId },
      },
    ]);
  });

  it("(b) never moves a person linked to another Slack account", async () => {
    const { db } = await database();
    const { org, workspace } = await orgWithWorkspace(db, { slackAutoProvision: true });
    const email = `ana@${org.slug}.test`;
    const ana = await personWithEmail(db, org, email);
    const firstAccount = newUserId();
    await link(db, ana.id, workspace, firstAccount);
    const before = await orgFootprint(db, org.id);

    const result = await resolveSlackPerson(db, workspace, slackUser(newUserId(), { email, name: "Ana" }));
    expect(result).toEqual({
      status: "unknown",
      reason: "not_in_org",
      message: `Your email (${email}) is already linked to another Slack account in Plaudit. Ask an admin to sort it out.`,
    });
    expect(await slackIdsOf(db, ana.id)).toEqual({ teamId: workspace.teamId, userId: firstAccount });
    expect(await orgFootprint(db, org.id)).toEqual(before);
  });

  it("(b) neither links nor adds a deactivated person found by email", async () => {
    const { db } = await database();
    const { org, workspace } = await orgWithWorkspace(db, { slackAutoProvision: true });
    const email = `leaver@${org.slug}.test`;
    const leaver = await personWithEmail(db, org, email);
    await db.update(people).set({ active: false }).where(eq(people.id, leaver.id));
    const before = await orgFootprint(db, org.id);

    const result = await resolveSlackPerson(db, workspace, slackUser(newUserId(), { email, name: "Leaver" }));
    expect(result).toMatchObject({ status: "unknown", reason: "deactivated" });
    expect(await slackIdsOf(db, leaver.id)).toEqual({ teamId: null, userId: null });
    expect(await orgFootprint(db, org.id)).toEqual(before);
  });

  it("(c) adds an unknown Slack user as an employee when the org allows it, once", async () => {
    const { db } = await database();
    const { org, workspace } = await orgWithWorkspace(db, { slackAutoProvision: true });
    const userId = newUserId();
    const email = `new.hire@${org.slug}.test`;

    const result = await resolveSlackPerson(
      db,
      workspace,
      slackUser(userId, { email: email.toUpperCase(), name: " New Hire " }),
    );
    if (result.status !== "linked") throw new Error(`expected a linked person, got ${result.reason}`);
    expect(result).toMatchObject({ provisioned: true, newlyLinked: true, person: { name: "New Hire" } });

    const [created] = await db.select().from(people).where(eq(people.id, result.person.id));
    expect(defined(created)).toMatchObject({
      orgId: org.id,
      name: "New Hire",
      email,
      roles: ["employee"],
      active: true,
      isBot: false,
      slackTeamId: workspace.teamId,
      slackUserId: userId,
    });
    expect(result.actor).toEqual({
      kind: "person",
      orgId: org.id,
      personId: result.person.id,
      roles: ["employee"],
    });

    const entries = await db
      .select({ action: auditLog.action, actor: auditLog.actorPersonId })
      .from(auditLog)
      .where(and(eq(auditLog.orgId, org.id), eq(auditLog.targetId, result.person.id)))
      .orderBy(auditLog.id);
    expect(entries).toEqual([
      { action: "person.create", actor: null },
      { action: "person.update", actor: null },
    ]);

    const again = await resolveSlackPerson(db, workspace, slackUser(userId, { email, name: "New Hire" }));
    expect(again).toMatchObject({ status: "linked", person: { id: result.person.id }, provisioned: false });
    expect(await peopleOf(db, org.id)).toHaveLength(2);
  });

  it("(d) tells an unknown Slack user how to get in when the org does not add people itself", async () => {
    const { db } = await database();
    const { org, workspace } = await orgWithWorkspace(db);
    const before = await orgFootprint(db, org.id);

    const result = await resolveSlackPerson(
      db,
      workspace,
      slackUser(newUserId(), { email: "ana@acme.com", name: "Ana" }),
    );
    expect(result).toEqual({
      status: "unknown",
      reason: "not_in_org",
      message:
        "You're not in Plaudit yet. Ask an admin to add you with the email you use in Slack (ana@acme.com).",
    });
    expect(await orgFootprint(db, org.id)).toEqual(before);
  });

  it("(d) tells a user Slack says it doesn't have that it can't tell who they are, and adds no one", async () => {
    const { db } = await database();
    const { org, workspace } = await orgWithWorkspace(db, { slackAutoProvision: true });
    const before = await orgFootprint(db, org.id);

    const result = await resolveSlackPerson(db, workspace, {
      userId: newUserId(),
      describeUser: async () => null,
    });
    expect(result).toEqual({
      status: "unknown",
      reason: "not_in_slack",
      message: "Slack doesn't know this account, so Plaudit can't tell who it is.",
    });
    expect(await orgFootprint(db, org.id)).toEqual(before);
  });

  it("(d) adds no one without an email, without a name, or with a name a person cannot have", async () => {
    const { db } = await database();
    const { org, workspace } = await orgWithWorkspace(db, { slackAutoProvision: true });
    const before = await orgFootprint(db, org.id);
    const email = `someone@${org.slug}.test`;

    const noEmail = await resolveSlackPerson(
      db,
      workspace,
      slackUser(newUserId(), { email: " ", name: "Ana" }),
    );
    expect(noEmail).toMatchObject({ status: "unknown", reason: "no_email" });
    if (noEmail.status === "unknown") expect(noEmail.message).toContain("Ask an admin");

    const noName = await resolveSlackPerson(db, workspace, slackUser(newUserId(), { email, name: null }));
    expect(noName).toMatchObject({ status: "unknown", reason: "not_in_org" });

    const tooLong = await resolveSlackPerson(
      db,
      workspace,
      slackUser(newUserId(), { email, name: "A".repeat(201) }),
    );
    expect(tooLong).toMatchObject({ status: "unknown", reason: "not_in_org" });
    expect(await orgFootprint(db, org.id)).toEqual(before);
  });

  it("never links or adds a bot, and refuses a bot person", async () => {
    const { db } = await database();
    const { org, workspace } = await orgWithWorkspace(db, { slackAutoProvision: true });
    const before = await orgFootprint(db, org.id);

    const slackBot = await resolveSlackPerson(
      db,
      workspace,
      slackUser(newUserId(), { email: `bot@${org.slug}.test`, name: "Deploy bot", isBot: true }),
    );
    expect(slackBot).toMatchObject({ status: "unknown", reason: "bot" });
    expect(await orgFootprint(db, org.id)).toEqual(before);

    const botPerson = await org.addPerson({ isBot: true });
    const [row] = await db.select({ email: people.email }).from(people).where(eq(people.id, botPerson.id));
    const byEmail = await resolveSlackPerson(
      db,
      workspace,
      slackUser(newUserId(), { email: defined(row).email, name: "Bot" }),
    );
    expect(byEmail).toMatchObject({ status: "unknown", reason: "bot" });
    expect(await slackIdsOf(db, botPerson.id)).toEqual({ teamId: null, userId: null });

    const botUserId = newUserId();
    await link(db, botPerson.id, workspace, botUserId);
    expect(
      await resolveSlackPerson(db, workspace, { userId: botUserId, describeUser: notAsked }),
    ).toMatchObject({
      status: "unknown",
      reason: "bot",
    });
  });

  it("never adds a user Slack has deactivated", async () => {
    const { db } = await database();
    const { org, workspace } = await orgWithWorkspace(db, { slackAutoProvision: true });
    const before = await orgFootprint(db, org.id);
    const result = await resolveSlackPerson(
      db,
      workspace,
      slackUser(newUserId(), { email: `gone@${org.slug}.test`, name: "Gone", deleted: true }),
    );
    expect(result).toMatchObject({ status: "unknown", reason: "deactivated" });
    expect(await orgFootprint(db, org.id)).toEqual(before);
  });

  it("adds one person when five first requests from a new user arrive at once", async () => {
    const { db } = await database();
    const { org, workspace } = await orgWithWorkspace(db, { slackAutoProvision: true });
    const email = `rush@${org.slug}.test`;
    const user = slackUser(newUserId(), { email, name: "Rush" });

    const results = await Promise.all(
      Array.from({ length: 5 }, () => resolveSlackPerson(db, workspace, user)),
    );
    const ids = new Set(
      results.map((result) => (result.status === "linked" ? result.person.id : result.reason)),
    );
    expect(ids.size).toBe(1);
    expect(results.filter((result) => result.status === "linked" && result.provisioned)).toHaveLength(1);
    const added = (await peopleOf(db, org.id)).filter((person) => person.email === email);
    expect(added.map((person) => person.id)).toEqual([...ids]);
  });

  it("links once when five first requests of a known person arrive at once", async () => {
    const { db } = await database();
    const { org, workspace } = await orgWithWorkspace(db);
    const email = `ana@${org.slug}.test`;
    const ana = await personWithEmail(db, org, email);
    const userId = newUserId();

    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        resolveSlackPerson(db, workspace, slackUser(userId, { email, name: "Ana" })),
      ),
    );
    expect(results.every((result) => result.status === "linked" && result.person.id === ana.id)).toBe(true);
    expect(results.filter((result) => result.status === "linked" && result.newlyLinked)).toHaveLength(1);
    const links = await db
      .select({ id: auditLog.id })
      .from(auditLog)
      .where(and(eq(auditLog.targetId, ana.id), eq(auditLog.action, "person.update")));
    expect(links).toHaveLength(1);
  });

  it("resolves only people of the workspace's org, even with an email and Slack id another org has", async () => {
    const { db } = await database();
    const { org: orgA, workspace } = await orgWithWorkspace(db);
    const orgB = await createTestOrg(db, { slackAutoProvision: true });
    const email = `shared-${randomUUID().slice(0, 8)}@example.test`;
    const anaA = await personWithEmail(db, orgA, email);
    const anaB = await personWithEmail(db, orgB, email);
    const userId = newUserId();
    // The same Slack ids stored on org B's person must not make it org A's.
    await link(db, anaB.id, workspace, userId);

    // Org B's link does not answer for org A: Slack is asked, and the email finds org A's person.
    const describeUser = vi.fn(slackSays({ email, name: "Ana" }));
    expect(await resolveSlackRecipients(db, workspace, { userIds: [userId], describeUser })).toEqual({
      status: "found",
      recipients: [{ slackUserId: userId, personId: anaA.id }],
    });
    expect(describeUser).toHaveBeenCalledOnce();
    const result = await resolveSlackPerson(db, workspace, { userId, describeUser: notAsked });
    expect(result).toMatchObject({ status: "linked", person: { id: anaA.id }, actor: { orgId: orgA.id } });

    // Someone only org B has is a stranger to org A, and org B's auto-provisioning does not apply.
    const onlyB = await personWithEmail(db, orgB, `only-b-${randomUUID().slice(0, 8)}@example.test`, "Bea");
    const stranger = await resolveSlackPerson(
      db,
      workspace,
      slackUser(newUserId(), { email: onlyB.email, name: "Bea" }),
    );
    expect(stranger).toMatchObject({ status: "unknown", reason: "not_in_org" });
    expect(await peopleOf(db, orgA.id)).toHaveLength(2);
    expect(await slackIdsOf(db, onlyB.id)).toEqual({ teamId: null, userId: null });
    expect(await slackIdsOf(db, anaB.id)).toEqual({ teamId: workspace.teamId, userId });
  });
});

describe("resolveSlackRecipients", () => {
  it("maps linked Slack users to people in the order given, each once, in one query without asking Slack", async () => {
    const { db, sql: client } = await database();
    const { org, workspace } = await orgWithWorkspace(db);
    const [ana, ben, leaver] = await org.addPeople(3);
    const [anaId, benId, leaverId] = Array.from({ length: 3 }, newUserId);
    await link(db, defined(ana).id, workspace, defined(anaId));
    await link(db, defined(ben).id, workspace, defined(benId));
    await link(db, defined(leaver).id, workspace, defined(leaverId));
    await db
      .update(people)
      .set({ active: false })
      .where(eq(people.id, defined(leaver).id));

    let queries = 0;
    const logged = drizzle(client, { schema, logger: { logQuery: () => queries++ } });
    const describeUser = vi.fn(notAsked);
    const userIds = [benId, anaId, benId, leaverId].map((id) => defined(id));
    expect(await resolveSlackRecipients(logged, workspace, { userIds, describeUser })).toEqual({
      status: "found",
      recipients: [
        { slackUserId: benId, personId: defined(ben).id },
        { slackUserId: anaId, personId: defined(ana).id },
        // Still returned: the give refuses a deactivated person with a reason the giver can act on.
        { slackUserId: leaverId, personId: defined(leaver).id },
      ],
    });
    expect(queries).toBe(1);
    expect(describeUser).not.toHaveBeenCalled();
    expect(await resolveSlackRecipients(db, workspace, { userIds: [], describeUser })).toEqual({
      status: "found",
      recipients: [],
    });
  });

  it("asks Slack about the others only, links them by email, and stops at the first it cannot place", async () => {
    const { db } = await database();
    const { org, workspace } = await orgWithWorkspace(db);
    const ben = await org.addPerson();
    const sam = await personWithEmail(db, org, `sam@${org.slug}.test`, "Sam");
    const [benId, samId, otherTeamId, botId, strangerId] = [
      newUserId(),
      newUserId(),
      newUserId(),
      newUserId(),
      newUserId(),
    ];
    await link(db, ben.id, workspace, benId);
    // The same user id in another workspace of the org is another Slack account.
    const other = await org.addPerson();
    await link(db, other.id, { orgId: org.id, teamId: newTeamId() }, otherTeamId);
    const profiles = new Map<string, Partial<SlackProfile>>([
      [samId, { email: sam.email, name: "Sam" }],
      [botId, { email: `bot@${org.slug}.test`, name: "Bot", isBot: true }],
    ]);
    const describeUser = vi.fn(async (userId: string) => {
      const says = profiles.get(userId);
      // As users.info answers for a user it doesn't know: an error, which places nobody.
      if (!says) throw new Error("user_not_found");
      return slackSays(says)(userId);
    });
    const resolve = (userIds: string[]) => resolveSlackRecipients(db, workspace, { userIds, describeUser });

    expect(await resolve([benId, samId])).toEqual({
      status: "found",
      recipients: [
        { slackUserId: benId, personId: ben.id },
        { slackUserId: samId, personId: sam.id },
      ],
    });
    expect(describeUser.mock.calls).toEqual([[samId]]);
    expect(await slackIdsOf(db, sam.id)).toEqual({ teamId: workspace.teamId, userId: samId });

    expect(await resolve([benId, otherTeamId, strangerId])).toEqual({
      status: "unknown",
      slackUserId: otherTeamId,
      reason: "no_email",
    });
    expect(await resolve([botId, benId])).toEqual({ status: "unknown", slackUserId: botId, reason: "bot" });
    expect(describeUser.mock.calls).toEqual([[samId], [otherTeamId], [botId]]);
  });
});

describe("findSlackWorkspace", () => {
  let own: Connection | undefined;
  afterAll(() => own?.close());

  it("in single-workspace mode picks the only org, the org named by slug, and refuses to guess", async () => {
    // A database of its own: the shared one holds every other test's orgs.
    own = connect(databaseUrl(await ensureWorkerDatabase("_slack_single")), { max: 2 });
    const db = own.db;
    const teamId = newTeamId();
    expect(await findSlackWorkspace(db, { teamId, singleWorkspace: {} })).toBeNull();

    const first = await createTestOrg(db);
    expect(await findSlackWorkspace(db, { teamId, singleWorkspace: { orgSlug: null } })).toEqual({
      orgId: first.id,
      teamId,
    });

    const second = await createTestOrg(db);
    const ambiguous = await expectDomainError(
      findSlackWorkspace(db, { teamId, singleWorkspace: {} }),
      "invalid",
    );
    expect(ambiguous.message).toBe("Set SLACK_ORG to the slug of the org this Slack workspace belongs to.");
    expect(await findSlackWorkspace(db, { teamId, singleWorkspace: { orgSlug: second.slug } })).toEqual({
      orgId: second.id,
      teamId,
    });
    const unknownSlug = await expectDomainError(
      findSlackWorkspace(db, { teamId, singleWorkspace: { orgSlug: "no-such-org" } }),
      "invalid",
    );
    expect(unknownSlug.message).toContain('"no-such-org"');
  });

  it("in multi-workspace mode finds the installation of the team, or nothing", async () => {
    const { db } = await database();
    const org = await createTestOrg(db);
    const teamId = newTeamId();
    expect(await findSlackWorkspace(db, { teamId })).toBeNull();

    await saveSlackInstallation(db, org.admin.actor, installation(teamId, "xoxb-first"));
    const found = defined(await findSlackWorkspace(db, { teamId }));
    expect(found).toMatchObject({
      orgId: org.id,
      teamId,
      installation: { botUserId: "UBOT", botId: "BBOT" },
    });
    expect(openSecret(defined(found.installation).botTokenEncrypted)).toBe("xoxb-first");
  });
});

function installation(teamId: string, botToken: string) {
  return {
    teamId,
    teamName: "Acme",
    enterpriseId: null,
    botUserId: "UBOT",
    botId: "BBOT",
    botToken,
    scopes: "commands,chat:write,users:read,users:read.email",
    installedBySlackUser: "UADMIN",
  };
}

describe("saveSlackInstallation", () => {
  it("stores the token sealed, updates the row on a re-install, and logs neither token", async () => {
    const { db } = await database();
    const org = await createTestOrg(db);
    const teamId = newTeamId();

    const first = await saveSlackInstallation(db, org.admin.actor, installation(teamId, "xoxb-first-token"));
    expect(first.reinstalled).toBe(false);
    expect(first.installation).toMatchObject({ orgId: org.id, teamId, teamName: "Acme", botUserId: "UBOT" });
    const second = await saveSlackInstallation(db, org.admin.actor, {
      ...installation(teamId, "xoxb-second-token"),
      teamName: "Acme Inc",
    });
    expect(second.reinstalled).toBe(true);
    expect(second.installation.id).toBe(first.installation.id);

    const rows = await db.select().from(slackInstallations).where(eq(slackInstallations.teamId, teamId));
    expect(rows).toHaveLength(1);
    const row = defined(rows[0]);
    expect(row.teamName).toBe("Acme Inc");
    expect(row.botTokenEncrypted).toMatch(/^v1\./);
    expect(row.botTokenEncrypted).not.toContain("second-token");
    expect(openSecret(row.botTokenEncrypted)).toBe("xoxb-second-token");

    const entries = await db
      .select({ actor: auditLog.actorPersonId, before: auditLog.before, after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.orgId, org.id), eq(auditLog.action, "slack.install")))
      .orderBy(auditLog.id);
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({
      actor: org.admin.id,
      before: null,
      after: { teamId, teamName: "Acme" },
    });
    expect(entries[1]).toMatchObject({ before: { teamName: "Acme" }, after: { teamName: "Acme Inc" } });
    const logged = JSON.stringify(entries);
    expect(logged).not.toContain("token");
    expect(logged).not.toContain(row.botTokenEncrypted);
  });

  it("keeps a workspace with the org that connected it first", async () => {
    const { db } = await database();
    const orgA = await createTestOrg(db);
    const orgB = await createTestOrg(db);
    const teamId = newTeamId();
    await saveSlackInstallation(db, orgA.admin.actor, installation(teamId, "xoxb-a"));

    const refused = await expectRefusedWithoutWrites(db, [orgA.id, orgB.id], "conflict", () =>
      saveSlackInstallation(db, orgB.admin.actor, installation(teamId, "xoxb-b")),
    );
    expect(refused.message).toBe(
      "This Slack workspace is already connected to another Plaudit organization.",
    );
    const workspace = defined(await findSlackWorkspace(db, { teamId }));
    expect(workspace.orgId).toBe(orgA.id);
    expect(openSecret(defined(workspace.installation).botTokenEncrypted)).toBe("xoxb-a");
  });

  it("lets the operator connect a named org, and only admins of the org otherwise", async () => {
    const { db } = await database();
    const org = await createTestOrg(db);
    const other = await createTestOrg(db);
    const [employee] = await org.addPeople(1);
    const operator = { kind: "operator" } as const;

    const saved = await saveSlackInstallation(db, operator, {
      ...installation(newTeamId(), "xoxb-op"),
      orgId: org.id,
    });
    expect(saved.installation.orgId).toBe(org.id);

    const orgs = [org.id, other.id];
    await expectRefusedWithoutWrites(db, orgs, "invalid", () =>
      saveSlackInstallation(db, operator, installation(newTeamId(), "xoxb-x")),
    );
    await expectRefusedWithoutWrites(db, orgs, "not_found", () =>
      saveSlackInstallation(db, operator, { ...installation(newTeamId(), "xoxb-x"), orgId: randomUUID() }),
    );
    await expectRefusedWithoutWrites(db, orgs, "forbidden", () =>
      saveSlackInstallation(db, other.admin.actor, { ...installation(newTeamId(), "xoxb-x"), orgId: org.id }),
    );
    await expectRefusedWithoutWrites(db, orgs, "forbidden", () =>
      saveSlackInstallation(db, defined(employee).actor, installation(newTeamId(), "xoxb-x")),
    );
    await expectRefusedWithoutWrites(db, orgs, "forbidden", () =>
      saveSlackInstallation(db, org.system, installation(newTeamId(), "xoxb-x")),
    );
    await expectRefusedWithoutWrites(db, orgs, "invalid", () =>
      saveSlackInstallation(db, org.admin.actor, installation(newTeamId(), "not-a-bot-token")),
    );
    // The footprint leaves installations out: count them.
    const installed = await db
      .select({ orgId: slackInstallations.orgId })
      .from(slackInstallations)
      .where(inArray(slackInstallations.orgId, orgs));
    expect(installed).toEqual([{ orgId: org.id }]);
  });
});

describe("the secret box", () => {
  it("opens what it sealed, with a fresh IV every time", () => {
    const secret = "xoxb-1234-5678-abcdef · ünïcode";
    const sealed = sealSecret(secret);
    expect(sealed).toMatch(/^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]+$/);
    expect(sealed).not.toContain("xoxb");
    expect(openSecret(sealed)).toBe(secret);
    expect(sealSecret(secret)).not.toBe(sealed);
  });

  it.each([1, 2, 3])("refuses a secret with a flipped byte in part %i", (part) => {
    const parts = sealSecret("xoxb-tamper-me").split(".");
    const bytes = Buffer.from(defined(parts[part]), "base64url");
    bytes[0] = defined(bytes[0]) ^ 0x01;
    parts[part] = bytes.toString("base64url");
    expect(() => openSecret(parts.join("."))).toThrow(/could not be opened/);
  });

  it("refuses what is not a sealed secret, or was sealed with another key", () => {
    expect(() => openSecret("xoxb-plain-token")).toThrow(/Not a sealed secret/);
    expect(() => openSecret(`v2.${sealSecret("x").slice(3)}`)).toThrow(/Not a sealed secret/);
    const sealed = sealSecret("xoxb-key-bound");
    vi.stubEnv("PLAUDIT_SECRET_KEY", "another-key");
    expect(() => openSecret(sealed)).toThrow(/could not be opened/);
  });

  it("falls back to AUTH_SECRET, and says what to set when neither is", () => {
    vi.stubEnv("PLAUDIT_SECRET_KEY", undefined);
    vi.stubEnv("AUTH_SECRET", SECRET_KEY);
    const sealed = sealSecret("xoxb-fallback");
    vi.stubEnv("AUTH_SECRET", undefined);
    vi.stubEnv("PLAUDIT_SECRET_KEY", SECRET_KEY);
    expect(openSecret(sealed)).toBe("xoxb-fallback");

    vi.stubEnv("PLAUDIT_SECRET_KEY", undefined);
    expect(() => sealSecret("xoxb-nowhere")).toThrow(/Set PLAUDIT_SECRET_KEY \(or AUTH_SECRET\)/);
    expect(() => openSecret(sealed)).toThrow(/Set PLAUDIT_SECRET_KEY/);
  });
});
