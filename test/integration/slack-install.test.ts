import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { GET as startInstall } from "../../app/api/slack/install/route";
import { GET as finishInstall } from "../../app/api/slack/oauth_redirect/route";
import { getBalances } from "../../core/giving/get-balances";
import { openSecret } from "../../core/shared/secret-box";
import type { Database } from "../../db/client";
import { auditLog, people, slackInstallations } from "../../db/schema";
import { INSTALL_STATE_TTL_MS, signInstallState, verifyInstallState } from "../../slack/install/oauth-state";
import manifest from "../../slack/manifest.json";
import type { FakeSlackInstall } from "../../testing/fake-slack";
import { slashCommand } from "../../testing/slack-requests";
import { defined, expectLedgerClean } from "../support/assertions";
import { workerDatabase } from "../support/database";
import { createTestOrg, type TestOrg, type TestPerson } from "../support/factories";
import { slackRoute } from "../support/slack-route";

vi.mock("next/server", () => import("../support/after-response").then((module) => module.nextServer));

/** The browser's session: the person signed in, or nobody. */
const browser = vi.hoisted(() => ({ personId: null as string | null }));
vi.mock("@/app/_lib/auth", () => ({
  auth: async () =>
    browser.personId ? { personId: browser.personId, expires: "2099-01-01T00:00:00Z" } : null,
}));

const CLIENT_ID = "1111.2222";
const CLIENT_SECRET = "client-secret";
const STATE_SECRET = "state-secret";

const database = workerDatabase();
const route = slackRoute({
  SLACK_BOT_TOKEN: undefined,
  SLACK_CLIENT_ID: CLIENT_ID,
  SLACK_CLIENT_SECRET: CLIENT_SECRET,
  SLACK_STATE_SECRET: STATE_SECRET,
  PLAUDIT_SECRET_KEY: "slack-install-test-key",
  AUTH_URL: undefined,
});

afterEach(() => {
  browser.personId = null;
  vi.unstubAllEnvs();
});

const newTeamId = () => `T${randomUUID().replace(/-/g, "").slice(0, 10).toUpperCase()}`;
const newCode = () => `code-${randomUUID()}`;

function workspace(fields: Partial<FakeSlackInstall> = {}): FakeSlackInstall {
  return {
    teamId: newTeamId(),
    teamName: "Acme Slack",
    botToken: `xoxb-${randomUUID()}`,
    botUserId: "UPLAUDIT",
    userId: "UADMIN",
    scope: "commands,chat:write,users:read",
    ...fields,
  };
}

function get(url: string): Request {
  return new Request(new URL(url, "http://localhost"));
}

function location(response: Response): URL {
  return new URL(defined(response.headers.get("location"), "location header"));
}

/** "Add to Slack" as `personId`: the state Plaudit sends the browser to Slack with. */
async function stateFor(personId: string): Promise<string> {
  browser.personId = personId;
  const response = await startInstall(get("/api/slack/install"));
  expect(response.status).toBe(302);
  return defined(location(response).searchParams.get("state"), "state");
}

/** Slack sends the browser back with a code for `install`, as if its admin clicked "Allow". */
function comeBack(state: string, install: FakeSlackInstall, code = newCode()): Promise<Response> {
  route().slack.addInstallCode(code, install);
  return finishInstall(get(`/api/slack/oauth_redirect?${new URLSearchParams({ code, state })}`));
}

async function installFor(org: TestOrg, install: FakeSlackInstall): Promise<Response> {
  return comeBack(await stateFor(org.admin.id), install);
}

async function emailOf(db: Database, personId: string): Promise<string> {
  const [person] = await db.select({ email: people.email }).from(people).where(eq(people.id, personId));
  return defined(person).email;
}

async function earned(db: Database, person: TestPerson): Promise<number> {
  return (await getBalances(db, person.actor)).earned.balance;
}

function installationsOf(db: Database, teamId: string) {
  return db.select().from(slackInstallations).where(eq(slackInstallations.teamId, teamId));
}

describe("Add to Slack", () => {
  it("sends an admin to Slack with the client id, the manifest's scopes, the redirect URL and a state naming them", async () => {
    const { db } = await database();
    const org = await createTestOrg(db);
    browser.personId = org.admin.id;

    const response = await startInstall(get("/api/slack/install"));

    expect(response.status).toBe(302);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const target = location(response);
    expect(target.origin + target.pathname).toBe("https://slack.com/oauth/v2/authorize");
    expect(target.searchParams.get("client_id")).toBe(CLIENT_ID);
    expect(target.searchParams.get("scope")?.split(",")).toEqual(manifest.oauth_config.scopes.bot);
    expect(target.searchParams.get("redirect_uri")).toBe("http://localhost/api/slack/oauth_redirect");
    expect(verifyInstallState(STATE_SECRET, defined(target.searchParams.get("state")))).toEqual({
      ok: true,
      orgId: org.id,
      personId: org.admin.id,
    });
  });

  it("uses AUTH_URL for the redirect URL when a proxy in front changes the host", async () => {
    const { db } = await database();
    const org = await createTestOrg(db);
    vi.stubEnv("AUTH_URL", "https://plaudit.acme.example");
    browser.personId = org.admin.id;
    const target = location(await startInstall(get("http://10.0.0.7:3000/api/slack/install")));
    expect(target.searchParams.get("redirect_uri")).toBe(
      "https://plaudit.acme.example/api/slack/oauth_redirect",
    );
  });

  it("refuses everyone but admins with a 403 page", async () => {
    const { db } = await database();
    const org = await createTestOrg(db);
    const employee = await org.addPerson();
    const manager = await org.addPerson({ roles: ["employee", "manager"] });
    const finance = await org.addPerson({ roles: ["employee", "finance"] });
    for (const person of [employee, manager, finance]) {
      browser.personId = person.id;
      const response = await startInstall(get("/api/slack/install"));
      expect(response.status).toBe(403);
      expect(response.headers.get("content-type")).toContain("text/html");
      expect(await response.text()).toContain("Only an admin of your organization can connect it to Slack.");
    }
  });

  it("sends a signed-out visitor to sign in and back, and a deactivated admin to the page that says so", async () => {
    const { db } = await database();
    const signedOut = await startInstall(get("/api/slack/install"));
    expect(signedOut.status).toBe(302);
    expect(location(signedOut).pathname).toBe("/signin");
    expect(location(signedOut).searchParams.get("callbackUrl")).toBe("/api/slack/install");

    const org = await createTestOrg(db);
    const formerAdmin = await org.addPerson({ roles: ["employee", "admin"], active: false });
    browser.personId = formerAdmin.id;
    const deactivated = await startInstall(get("/api/slack/install"));
    expect(location(deactivated).pathname + location(deactivated).search).toBe(
      "/signin/refused?reason=deactivated",
    );
  });

  it("is not offered when the deployment serves one workspace with its own bot token", async () => {
    const { db } = await database();
    const org = await createTestOrg(db);
    vi.stubEnv("SLACK_BOT_TOKEN", "xoxb-single");
    browser.personId = org.admin.id;
    const start = await startInstall(get("/api/slack/install"));
    expect(start.status).toBe(404);
    expect(await start.text()).toContain("SLACK_CLIENT_ID");
    const finish = await finishInstall(get("/api/slack/oauth_redirect?code=x&state=y"));
    expect(finish.status).toBe(404);
  });
});

describe("coming back from Slack", () => {
  it("exchanges the code, connects the workspace to the admin's org and opens the settings page", async () => {
    const { db } = await database();
    const org = await createTestOrg(db);
    const install = workspace();

    const response = await installFor(org, install);

    expect(response.status).toBe(302);
    expect(location(response).pathname + location(response).search).toBe("/admin/settings?slack=connected");
    const [exchange] = route().slack.callsTo("oauth.v2.access").slice(-1);
    expect(exchange?.args).toMatchObject({
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
      redirect_uri: "http://localhost/api/slack/oauth_redirect",
    });
    const [installation] = await installationsOf(db, install.teamId);
    expect(installation).toMatchObject({
      orgId: org.id,
      teamName: "Acme Slack",
      botUserId: "UPLAUDIT",
      // From auth.test: the exchange's answer names no bot id.
      botId: "BBOT",
      scopes: "commands,chat:write,users:read",
      installedBySlackUser: "UADMIN",
    });
    expect(openSecret(defined(installation).botTokenEncrypted)).toBe(install.botToken);
    expect(defined(installation).botTokenEncrypted).not.toContain(install.botToken);
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, org.id), eq(auditLog.action, "slack.install")));
    expect(audit).toMatchObject({ actorPersonId: org.admin.id, after: { teamId: install.teamId } });
  });

  it("serves that workspace's slash commands for that org afterwards, with its own bot token", async () => {
    const { db } = await database();
    const org = await createTestOrg(db);
    const [giver, receiver] = await org.addPeople(2);
    const install = workspace();
    const { post, settle, slack } = route();
    for (const [slackId, person] of [
      ["UGIVER", giver],
      ["URECEIVER", receiver],
    ] as const) {
      slack.addUser({
        id: slackId,
        name: defined(person).name,
        email: await emailOf(db, defined(person).id),
      });
    }
    const give = () =>
      post(
        slashCommand({ text: "<@URECEIVER|bo> 10 for the launch", userId: "UGIVER", teamId: install.teamId }),
      );

    const before = await give();
    await settle();
    expect(await before.text()).toBe("");
    expect(await earned(db, defined(receiver))).toBe(0);

    expect((await installFor(org, install)).status).toBe(302);
    const after = await give();
    await settle();

    expect(after.status).toBe(200);
    expect(await after.json()).toMatchObject({ text: expect.stringMatching(/^You gave 10 pts/) });
    expect(await earned(db, defined(receiver))).toBe(10);
    const announcement = slack.callsTo("chat.postMessage").find((call) => call.args.channel === "C0GENERAL");
    expect(announcement?.token).toBe(install.botToken);
    await expectLedgerClean(db, org.id);
  });

  it("updates the installation when the same org installs again", async () => {
    const { db } = await database();
    const org = await createTestOrg(db);
    const first = workspace();
    await installFor(org, first);
    const again = {
      ...first,
      botToken: `xoxb-${randomUUID()}`,
      scope: "commands,chat:write,users:read,im:write",
    };

    const response = await installFor(org, again);

    expect(location(response).search).toBe("?slack=connected");
    const rows = await installationsOf(db, first.teamId);
    expect(rows).toHaveLength(1);
    expect(openSecret(defined(rows[0]).botTokenEncrypted)).toBe(again.botToken);
    expect(rows[0]?.scopes).toBe(again.scope);
    const audits = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, org.id), eq(auditLog.action, "slack.install")));
    expect(audits).toHaveLength(2);
  });

  it("refuses a workspace already connected to another org, and leaves it where it was", async () => {
    const { db } = await database();
    const owner = await createTestOrg(db);
    const other = await createTestOrg(db);
    const install = workspace();
    await installFor(owner, install);

    const response = await installFor(other, { ...install, botToken: `xoxb-${randomUUID()}` });

    expect(response.status).toBe(409);
    expect(await response.text()).toContain(
      "This Slack workspace is already connected to another Plaudit organization.",
    );
    const rows = await installationsOf(db, install.teamId);
    expect(rows.map((row) => row.orgId)).toEqual([owner.id]);
    expect(openSecret(defined(rows[0]).botTokenEncrypted)).toBe(install.botToken);
  });

  it("refuses an altered or foreign state without asking Slack for anything", async () => {
    const { db } = await database();
    const org = await createTestOrg(db);
    const state = await stateFor(org.admin.id);
    const [payload, mac] = state.split(".");
    const otherOrg = await createTestOrg(db);
    const forOtherOrg = signInstallState("not-the-secret", { orgId: otherOrg.id, personId: org.admin.id });
    const exchangesBefore = route().slack.callsTo("oauth.v2.access").length;
    const install = workspace();

    for (const candidate of [`${payload}x.${mac}`, forOtherOrg, "", `${payload}`]) {
      const response = await comeBack(candidate, install);
      expect(response.status).toBe(400);
      expect(await response.text()).toContain(
        "This install link wasn&#39;t made by Plaudit, or it was altered",
      );
    }

    expect(route().slack.callsTo("oauth.v2.access")).toHaveLength(exchangesBefore);
    expect(await installationsOf(db, install.teamId)).toEqual([]);
  });

  it("refuses a state older than ten minutes", async () => {
    const { db } = await database();
    const org = await createTestOrg(db);
    browser.personId = org.admin.id;
    const stale = signInstallState(
      STATE_SECRET,
      { orgId: org.id, personId: org.admin.id },
      Date.now() - INSTALL_STATE_TTL_MS - 1_000,
    );
    const install = workspace();

    const response = await comeBack(stale, install);

    expect(response.status).toBe(400);
    expect(await response.text()).toContain("The install took more than 10 minutes");
    expect(await installationsOf(db, install.teamId)).toEqual([]);
  });

  it("lets only the admin who started the install finish it", async () => {
    const { db } = await database();
    const org = await createTestOrg(db);
    const otherAdmin = await org.addPerson({ roles: ["employee", "admin"] });
    const state = await stateFor(org.admin.id);
    const install = workspace();

    browser.personId = otherAdmin.id;
    const response = await comeBack(state, install);

    expect(response.status).toBe(403);
    expect(await response.text()).toContain("This install was started by someone else.");
    expect(await installationsOf(db, install.teamId)).toEqual([]);
  });

  it("sends a browser that lost its session to sign in, and back to finish", async () => {
    const { db } = await database();
    const org = await createTestOrg(db);
    const state = await stateFor(org.admin.id);
    browser.personId = null;

    const response = await comeBack(state, workspace(), "code-1");

    expect(location(response).pathname).toBe("/signin");
    expect(location(response).searchParams.get("callbackUrl")).toBe(
      `/api/slack/oauth_redirect?${new URLSearchParams({ code: "code-1", state })}`,
    );
  });

  it("says so when the admin cancels in Slack, or Slack refuses the code", async () => {
    const { db } = await database();
    const org = await createTestOrg(db);
    const state = await stateFor(org.admin.id);

    const canceled = await finishInstall(
      get(`/api/slack/oauth_redirect?${new URLSearchParams({ error: "access_denied", state })}`),
    );
    expect(canceled.status).toBe(400);
    expect(await canceled.text()).toContain("The install was canceled in Slack.");

    const unknownCode = await finishInstall(
      get(`/api/slack/oauth_redirect?${new URLSearchParams({ code: "never-issued", state })}`),
    );
    expect(unknownCode.status).toBe(400);
    expect(await unknownCode.text()).toContain("Slack refused the install (invalid_code).");
  });
});
