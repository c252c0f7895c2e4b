import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createKey } from "../../app/(app)/admin/api-keys/actions";
import * as billRoute from "../../app/api/v1/bills/[period]/route";
import * as billsRoute from "../../app/api/v1/bills/route";
import * as liabilityRoute from "../../app/api/v1/liability/route";
import { openApiDocument } from "../../app/api/v1/openapi";
import * as balancesRoute from "../../app/api/v1/people/[id]/balances/route";
import * as peopleRoute from "../../app/api/v1/people/route";
import * as recognitionsRoute from "../../app/api/v1/recognitions/route";
import * as redemptionsRoute from "../../app/api/v1/redemptions/route";
import * as rewardsRoute from "../../app/api/v1/rewards/route";
import { listBills } from "../../core/billing/list-bills";
import { grantPoints } from "../../core/giving/grant-points";
import { createApiKey } from "../../core/org/create-api-key";
import { listApiKeys } from "../../core/org/list-api-keys";
import { deactivatePerson } from "../../core/people/deactivate-person";
import type { Role } from "../../core/shared/actor";
import { API_SCOPES, type ApiScope } from "../../core/shared/api-scopes";
import type { Database } from "../../db/client";
import { apiKeys, people } from "../../db/schema";
import { type Answer, answer, apiRequest, type ErrorBody, expectError } from "../support/api-client";
import { appPoolOnWorkerDatabase } from "../support/app-database";
import { defined } from "../support/assertions";
import { workerDatabase } from "../support/database";
import { createTestOrg, key, type TestOrg, type TestPerson } from "../support/factories";
import { expectOrgUntouched } from "../support/footprint";
import { openRewardShop } from "../support/redemptions";

/** The admin signed in to the API keys page, for its create action. */
const browser = vi.hoisted(() => ({ personId: null as string | null }));
vi.mock("@/app/_lib/auth", () => ({
  auth: async () =>
    browser.personId ? { personId: browser.personId, expires: "2099-01-01T00:00:00Z" } : null,
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const database = workerDatabase();

appPoolOnWorkerDatabase();
afterEach(() => {
  browser.personId = null;
});

type Operation = `${"GET" | "POST"} ${string}`;

/** An org where every route has something to answer: a giver, an earner, a custom reward, this month's bill. */
async function furnishedOrg(db: Database) {
  const org = await createTestOrg(db);
  const [giver, ana] = (await org.addPeople(2)) as [TestPerson, TestPerson];
  const shop = await openRewardShop(db, org);
  const reward = await shop.addReward(10);
  await grantPoints(db, org.admin.actor, {
    recipientIds: [ana.id],
    amount: 100,
    message: "Welcome",
    idempotencyKey: key(),
  });
  // A custom reward handed over is a line (billed at 0) of this month's bill.
  await shop.fulfil(await shop.redeem(ana, reward));
  const [bill] = await listBills(db, org.admin.actor);
  return { org, giver, ana, reward, period: defined(bill).period };
}

type Furnished = Awaited<ReturnType<typeof furnishedOrg>>;

/** A valid request to each operation, and the status it answers when the key may make it. */
function requests(
  org: Furnished,
): Record<Operation, { send: (key: string) => Promise<Response>; ok: number }> {
  const { giver, ana, reward, period } = org;
  const idempotent = (route: string, apiKey: string, body: unknown) =>
    apiRequest(route, { key: apiKey, body, headers: { "idempotency-key": randomUUID() } });
  return {
    "GET /api/v1/people": { send: (k) => peopleRoute.GET(apiRequest("/people", { key: k })), ok: 200 },
    "POST /api/v1/people": {
      send: (k) =>
        peopleRoute.POST(
          apiRequest("/people", {
            key: k,
            body: { email: `new-${randomUUID()}@example.test`, name: "New Hire" },
          }),
        ),
      ok: 201,
    },
    "GET /api/v1/people/{id}/balances": {
      send: (k) =>
        balancesRoute.GET(apiRequest(`/people/${ana.id}/balances`, { key: k }), {
          params: Promise.resolve({ id: ana.id }),
        }),
      ok: 200,
    },
    "GET /api/v1/recognitions": {
      send: (k) => recognitionsRoute.GET(apiRequest("/recognitions", { key: k })),
      ok: 200,
    },
    "POST /api/v1/recognitions": {
      send: (k) =>
        recognitionsRoute.POST(
          idempotent("/recognitions", k, {
            giver_id: giver.id,
            recipient_ids: [ana.id],
            amount: 5,
            message: "Thanks",
          }),
        ),
      ok: 201,
    },
    "GET /api/v1/rewards": { send: (k) => rewardsRoute.GET(apiRequest("/rewards", { key: k })), ok: 200 },
    "GET /api/v1/redemptions": {
      send: (k) => redemptionsRoute.GET(apiRequest("/redemptions", { key: k })),
      ok: 200,
    },
    "POST /api/v1/redemptions": {
      send: (k) =>
        redemptionsRoute.POST(
          idempotent("/redemptions", k, { person_id: ana.id, custom_reward_id: reward.id }),
        ),
      ok: 201,
    },
    "GET /api/v1/bills": { send: (k) => billsRoute.GET(apiRequest("/bills", { key: k })), ok: 200 },
    "GET /api/v1/bills/{period}": {
      send: (k) =>
        billRoute.GET(apiRequest(`/bills/${period}`, { key: k }), { params: Promise.resolve({ period }) }),
      ok: 200,
    },
    "GET /api/v1/liability": {
      send: (k) => liabilityRoute.GET(apiRequest("/liability", { key: k })),
      ok: 200,
    },
  };
}

/** The one scope the OpenAPI document says each operation needs. */
function documentedScopes(): Record<Operation, ApiScope> {
  const scopes: Record<string, ApiScope> = {};
  for (const [route, operations] of Object.entries(openApiDocument.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      const security = (operation as { security?: Record<string, string[]>[] }).security;
      if (security?.length === 0) continue;
      expect(security, `${method} ${route}`).toHaveLength(1);
      const [scope, ...more] = defined(security?.[0]?.bearerAuth, `${method} ${route}'s scopes`);
      expect(more, `${method} ${route} needs one scope`).toEqual([]);
      expect((operation as { "x-required-scope"?: string })["x-required-scope"]).toBe(scope);
      scopes[`${method.toUpperCase()} ${route}`] = scope as ApiScope;
    }
  }
  return scopes;
}

describe("an API key's scopes, route by route", () => {
  it("names one scope for every operation but the document itself, and uses every scope", () => {
    const scopes = documentedScopes();
    expect(Object.keys(scopes)).toHaveLength(11);
    expect([...new Set(Object.values(scopes))].sort()).toEqual([...API_SCOPES].sort());
  });

  it.each(API_SCOPES.map((scope) => [scope]))(
    "lets a key with only %s through exactly the operations that need it, refusing the rest with 403",
    async (scope) => {
      const { db } = await database();
      const org = await furnishedOrg(db);
      const created = await createApiKey(db, org.org.admin.actor, { name: `Only ${scope}`, scopes: [scope] });
      const scopes = documentedScopes();
      const outcomes: Record<string, number> = {};
      for (const [operation, { send, ok }] of Object.entries(requests(org)) as [
        Operation,
        { send: (key: string) => Promise<Response>; ok: number },
      ][]) {
        if (scopes[operation] === scope) {
          const allowed = await answer<unknown>(send(created.key));
          expect(allowed.status, `${operation}: ${allowed.text}`).toBe(ok);
          outcomes[operation] = allowed.status;
        } else {
          const refused = await expectOrgUntouched(db, org.org.id, () =>
            answer<ErrorBody>(send(created.key)),
          );
          expectError(refused, 403, "forbidden");
          outcomes[operation] = refused.status;
        }
      }
      // At least one operation opened and at least one refused: the key is neither useless nor all-powerful.
      expect(Object.values(outcomes)).toContain(403);
      expect(Object.values(outcomes).some((status) => status !== 403)).toBe(true);
    },
  );
});

describe("a key allowed to write people, and the admin and finance roles", () => {
  async function hrSync(
    db: Database,
  ): Promise<{ org: TestOrg; send: (body: object) => Promise<Answer<unknown>> }> {
    const org = await createTestOrg(db);
    const created = await createApiKey(db, org.admin.actor, {
      name: "HR sync",
      scopes: ["people:read", "people:write"],
    });
    return {
      org,
      send: (body) => answer<unknown>(peopleRoute.POST(apiRequest("/people", { key: created.key, body }))),
    };
  }

  async function personRow(db: Database, orgId: string, email: string) {
    const [row] = await db
      .select({
        roles: people.roles,
        email: people.email,
        active: people.active,
        department: people.department,
      })
      .from(people)
      .where(and(eq(people.orgId, orgId), eq(people.email, email)));
    return row;
  }

  async function withRoles(db: Database, org: TestOrg, roles: Role[]) {
    const person = await org.addPerson({ roles });
    const [row] = await db.select({ email: people.email }).from(people).where(eq(people.id, person.id));
    return { ...person, email: defined(row).email };
  }

  it("can't make anyone an admin: a new person, or an employee; nothing changes and the answer says why", async () => {
    const { db } = await database();
    const { org, send } = await hrSync(db);
    const employee = await withRoles(db, org, ["employee"]);

    const created = await expectOrgUntouched(db, org.id, () =>
      send({ email: "mallory@example.test", name: "Mallory", roles: ["employee", "admin"] }),
    );
    const error = expectError(created, 403, "forbidden", "roles");
    expect(error.message).toBe(
      "Only an admin, in Plaudit, can give or take the admin or finance role; an API key can't.",
    );
    expect(await personRow(db, org.id, "mallory@example.test")).toBeUndefined();

    const promoted = await expectOrgUntouched(db, org.id, () =>
      send({ email: employee.email, roles: ["admin"], department: "Takeover" }),
    );
    expectError(promoted, 403, "forbidden", "roles");
    expect(await personRow(db, org.id, employee.email)).toMatchObject({
      roles: ["employee"],
      department: null,
    });

    const finance = await expectOrgUntouched(db, org.id, () =>
      send({ email: employee.email, roles: ["finance"] }),
    );
    expectError(finance, 403, "forbidden", "roles");
  });

  it("can't take the admin or finance role, change such a person's email, or reactivate them", async () => {
    const { db } = await database();
    const { org, send } = await hrSync(db);
    const admin = await withRoles(db, org, ["employee", "admin"]);
    const finance = await withRoles(db, org, ["employee", "finance"]);
    const leaver = await withRoles(db, org, ["employee", "finance"]);
    await deactivatePerson(db, org.admin.actor, { personId: leaver.id });

    for (const [body, field] of [
      [{ email: admin.email, roles: ["employee"] }, "roles"],
      [{ email: finance.email, roles: ["employee", "manager"] }, "roles"],
      [{ email: finance.email, external_id: "E-1", name: "Fin" }, null],
      [{ external_id: "E-1", email: "attacker@example.test" }, "email"],
      [{ email: leaver.email, active: true }, "active"],
    ] as const) {
      if (field === null) {
        expect((await send(body)).status).toBe(200);
        continue;
      }
      const refused = await expectOrgUntouched(db, org.id, () => send(body));
      expectError(refused, 403, "forbidden", field);
    }
    expect(await personRow(db, org.id, finance.email)).toMatchObject({ roles: ["employee", "finance"] });
    expect(await personRow(db, org.id, "attacker@example.test")).toBeUndefined();
    expect(await personRow(db, org.id, leaver.email)).toMatchObject({ active: false });
  });

  it("still syncs everything else: an admin's own roles sent back, a manager made, an admin deactivated", async () => {
    const { db } = await database();
    const { org, send } = await hrSync(db);
    const admin = await withRoles(db, org, ["employee", "admin"]);
    const employee = await withRoles(db, org, ["employee"]);

    expect(await send({ email: admin.email, roles: ["employee", "admin"], department: "Ops" })).toMatchObject(
      {
        status: 200,
      },
    );
    expect(await send({ email: employee.email, roles: ["employee", "manager"] })).toMatchObject({
      status: 200,
    });
    // Taking access away is what an HR sync must be able to do when someone leaves.
    expect(await send({ email: admin.email, active: false })).toMatchObject({ status: 200 });
    expect(await personRow(db, org.id, admin.email)).toMatchObject({
      roles: ["employee", "admin"],
      department: "Ops",
      active: false,
    });
    expect(await personRow(db, org.id, employee.email)).toMatchObject({ roles: ["employee", "manager"] });
  });
});

describe("the API keys page's create action", () => {
  function createForm(name: string, scopes: string[]): FormData {
    const form = new FormData();
    form.append("name", name);
    for (const scope of scopes) form.append("scopes", scope);
    return form;
  }

  it("creates a key with the scopes ticked, shows them once with the key, and lists them", async () => {
    const { db } = await database();
    const org = await createTestOrg(db);
    browser.personId = org.admin.id;
    const state = await createKey({ status: "idle" }, createForm("Payroll", ["finance:read", "people:read"]));
    expect(state).toMatchObject({ status: "ok", message: "Created “Payroll”." });
    const created = defined(state.created, "the new key");
    expect(created.scopes).toEqual(["people:read", "finance:read"]);
    const [listed] = await listApiKeys(db, org.admin.actor);
    expect(listed).toMatchObject({
      id: created.id,
      name: "Payroll",
      scopes: ["people:read", "finance:read"],
    });
  });

  it.each([
    [[] as string[], "scopes", "Choose at least one thing the key may do."],
    [["people:read", "admin"], "scopes.1", "Choose from the scopes listed."],
  ])("refuses the scopes %j beside the boxes, creating nothing", async (scopes, field, message) => {
    const { db } = await database();
    const org = await createTestOrg(db);
    browser.personId = org.admin.id;
    const state = await expectOrgUntouched(db, org.id, () =>
      createKey({ status: "idle" }, createForm("Payroll", scopes)),
    );
    expect(state).toMatchObject({ status: "error", fieldErrors: { [field]: message } });
    expect(state.created).toBeUndefined();
    expect(await db.select().from(apiKeys).where(eq(apiKeys.orgId, org.id))).toEqual([]);
  });

  it("refuses someone who isn't an admin", async () => {
    const { db } = await database();
    const org = await createTestOrg(db);
    browser.personId = (await org.addPerson({ roles: ["employee", "finance"] })).id;
    const state = await expectOrgUntouched(db, org.id, () =>
      createKey({ status: "idle" }, createForm("Mine", ["finance:read"])),
    );
    expect(state).toMatchObject({ status: "error", message: "You don't have permission to do that." });
  });
});
