import { readdirSync } from "node:fs";
import path from "node:path";
import { and, asc, count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "../../app/api/v1/openapi";
import * as openApiRoute from "../../app/api/v1/openapi.json/route";
import * as balancesRoute from "../../app/api/v1/people/[id]/balances/route";
import * as peopleRoute from "../../app/api/v1/people/route";
import * as recognitionsRoute from "../../app/api/v1/recognitions/route";
import { createCampaign } from "../../core/campaigns/create-campaign";
import { createApiKey } from "../../core/org/create-api-key";
import { revokeApiKey } from "../../core/org/revoke-api-key";
import { API_SCOPES } from "../../core/shared/api-scopes";
import { localDay } from "../../core/shared/periods";
import type { Database } from "../../db/client";
import { auditLog, organizations, people, recognitions } from "../../db/schema";
import { captureLogs } from "../../testing/captured-logs";
import {
  type Answer,
  answer,
  apiRequest,
  expectError,
  expectShape,
  orgWithKey,
  type PageOf,
} from "../support/api-client";
import { appPoolOnWorkerDatabase } from "../support/app-database";
import { defined, expectLedgerClean } from "../support/assertions";
import { workerDatabase } from "../support/database";
import { createTestOrg, key, type TestOrg } from "../support/factories";
import { expectOrgUntouched } from "../support/footprint";
import { giveAt } from "../support/giving";

const database = workerDatabase();

appPoolOnWorkerDatabase();

// ---------------------------------------------------------------------------------------------------
// What these routes answer, and a client for each.

interface PersonJson {
  id: string;
  name: string;
  email: string;
  external_id: string | null;
  roles: string[];
  manager_id: string | null;
  department: string | null;
  cost_center: string | null;
  active: boolean;
}

interface RecognitionJson {
  id: string;
  source: string;
  message: string;
  giver: { id: string; name: string } | null;
  recipients: { id: string; name: string; amount: number }[];
  values: string[];
  amount_per_recipient: number;
  total_amount: number;
  total_value: { minor: number; currency: string };
  campaign: unknown;
}

interface ReceiptJson {
  id: string;
  giver_id: string;
  recipient_ids: string[];
  amount_per_recipient: number;
  total_amount: number;
  allowance_remaining: number;
  bonus: unknown;
  budget_spent_campaign: string | null;
}

interface BalancesJson {
  person_id: string;
  allowance: { remaining: number; remaining_value: { minor: number; currency: string }; given: number };
  earned: { balance: number; balance_value: { minor: number; currency: string } };
}

const api = {
  listPeople: <Body = PageOf<PersonJson>>(key: string, query = "") =>
    answer<Body>(peopleRoute.GET(apiRequest(`/people${query}`, { key }))),
  upsertPerson: <Body = { data: PersonJson }>(key: string, body: unknown) =>
    answer<Body>(peopleRoute.POST(apiRequest("/people", { key, body }))),
  feed: <Body = PageOf<RecognitionJson>>(key: string, query = "") =>
    answer<Body>(recognitionsRoute.GET(apiRequest(`/recognitions${query}`, { key }))),
  give: <Body = { data: ReceiptJson }>(key: string, body: unknown, idempotencyKey: string | null = key) =>
    answer<Body>(
      recognitionsRoute.POST(
        apiRequest("/recognitions", {
          key,
          body,
          headers: idempotencyKey === null ? {} : { "idempotency-key": idempotencyKey },
        }),
      ),
    ),
  balances: <Body = { data: BalancesJson }>(key: string, id: string) =>
    answer<Body>(
      balancesRoute.GET(apiRequest(`/people/${id}/balances`, { key }), { params: Promise.resolve({ id }) }),
    ),
};

function adminEmail(org: TestOrg): string {
  return `admin@${org.slug}.test`;
}

async function recognitionCount(db: Database, orgId: string): Promise<number> {
  const [row] = await db.select({ total: count() }).from(recognitions).where(eq(recognitions.orgId, orgId));
  return defined(row).total;
}

const NOWHERE = "00000000-0000-4000-8000-000000000000";

// ---------------------------------------------------------------------------------------------------

describe("integration API: authentication", () => {
  it("answers 401 to a missing, malformed, unknown or revoked key on every route, writing nothing", async () => {
    const { db } = await database();
    const { org, apiKey } = await orgWithKey(db);
    const [ana, ben] = await org.addPeople(2);
    const revoked = await createApiKey(db, org.admin.actor, { name: "Old", scopes: [...API_SCOPES] });
    await revokeApiKey(db, org.admin.actor, { id: revoked.id });
    const give = {
      giver_id: defined(ana).id,
      recipient_ids: [defined(ben).id],
      amount: 5,
      message: "Thanks",
    };

    const headerSets: Record<string, string>[] = [
      {},
      { authorization: apiKey },
      { authorization: `Basic ${apiKey}` },
      { authorization: "Bearer" },
      { authorization: `Bearer plaudit_${"A".repeat(43)}` },
      { authorization: `Bearer ${revoked.key}` },
    ];
    for (const headers of headerSets) {
      const send = (route: string, body?: unknown) =>
        apiRequest(route, { body, headers: { ...headers, "idempotency-key": key() } });
      const answers = await expectOrgUntouched(db, org.id, () =>
        Promise.all([
          answer(peopleRoute.GET(send("/people"))),
          answer(peopleRoute.POST(send("/people", { email: "new@example.test", name: "New" }))),
          answer(recognitionsRoute.GET(send("/recognitions"))),
          answer(recognitionsRoute.POST(send("/recognitions", give))),
          answer(
            balancesRoute.GET(send(`/people/${defined(ana).id}/balances`), {
              params: Promise.resolve({ id: defined(ana).id }),
            }),
          ),
        ]),
      );
      for (const refused of answers) {
        expectError(refused, 401, "unauthenticated");
        expect(refused.headers.get("www-authenticate")).toMatch(/^Bearer/);
        expect(refused.text).not.toContain(revoked.key);
        expect(refused.text).not.toContain(apiKey);
      }
    }
    expect((await api.listPeople(apiKey)).status).toBe(200);
  });
});

describe("integration API: request validation", () => {
  it("names the problem with a body that is not a JSON object", async () => {
    const { db } = await database();
    const { org, apiKey } = await orgWithKey(db);
    const post = (rawBody: string) =>
      answer(peopleRoute.POST(apiRequest("/people", { key: apiKey, rawBody })));

    await expectOrgUntouched(db, org.id, async () => {
      const broken = expectError(await post('{"email": "a@example.test",'), 400, "invalid");
      expect(broken.message).toMatch(/^The request body is not valid JSON: /);
      expect(expectError(await post("[]"), 400, "invalid").message).toBe(
        "The request body must be a JSON object.",
      );
      expect(expectError(await post("null"), 400, "invalid").message).toBe(
        "The request body must be a JSON object.",
      );
      expect(expectError(await post(""), 400, "invalid").message).toBe(
        "Send a JSON object in the request body.",
      );
    });
  });

  it("names the field that is missing, of the wrong type or unknown, and writes nothing", async () => {
    const { db } = await database();
    const { org, apiKey } = await orgWithKey(db);
    const [ana, ben] = await org.addPeople(2);
    const valid = {
      giver_id: defined(ana).id,
      recipient_ids: [defined(ben).id],
      amount: 5,
      message: "Thanks",
    };
    const cases: [body: unknown, field: string][] = [
      [{ ...valid, message: undefined }, "message"],
      [{ ...valid, amount: "ten" }, "amount"],
      [{ ...valid, amount: 2.5 }, "amount"],
      [{ ...valid, recipient_ids: defined(ben).id }, "recipient_ids"],
      [{ ...valid, recipient_ids: ["not-a-uuid"] }, "recipient_ids.0"],
      [{ ...valid, recipient_ids: [] }, "recipient_ids"],
      [{ ...valid, giver_id: undefined }, "giver_id"],
      [{ ...valid, values: "ownership" }, "values"],
      [{ ...valid, recipientIds: [defined(ben).id] }, "recipientIds"],
      [{ ...valid, source: "web" }, "source"],
    ];
    await expectOrgUntouched(db, org.id, async () => {
      for (const [body, field] of cases) {
        expectError(await api.give(apiKey, body, key()), 400, "invalid", field);
      }
    });
    const unknown = expectError(
      await api.give(apiKey, { ...valid, recipientIds: [] }, key()),
      400,
      "invalid",
      "recipientIds",
    );
    expect(unknown.message).toBe(
      'Unknown field "recipientIds"; the fields are giver_id, recipient_ids, amount, message, values.',
    );

    const personCases: [body: unknown, field: string][] = [
      [{ email: "not-an-email", name: "Ana" }, "email"],
      [{ name: "No Key" }, "email"],
      [{ external_id: "E404", name: "No Email" }, "email"],
      [{ email: "new@example.test" }, "name"],
      [{ email: "new@example.test", name: "New", active: "yes" }, "active"],
      [{ email: "new@example.test", name: "New", roles: ["boss"] }, "roles.0"],
      [{ email: "new@example.test", name: "New", hire_date: "31/03/2026" }, "hire_date"],
      [{ email: "new@example.test", name: "x".repeat(201) }, "name"],
      [{ email: "new@example.test", name: "New", externalId: "E1" }, "externalId"],
    ];
    await expectOrgUntouched(db, org.id, async () => {
      for (const [body, field] of personCases) {
        expectError(await api.upsertPerson(apiKey, body), 400, "invalid", field);
      }
    });
  });

  it("names the query parameter or path id that is malformed", async () => {
    const { db } = await database();
    const { apiKey } = await orgWithKey(db);
    expectError(await api.listPeople(apiKey, "?limit=abc"), 400, "invalid", "limit");
    expectError(await api.listPeople(apiKey, "?limit=201"), 400, "invalid", "limit");
    expectError(await api.listPeople(apiKey, "?limit=0"), 400, "invalid", "limit");
    expectError(await api.listPeople(apiKey, "?active=yes"), 400, "invalid", "active");
    expectError(await api.listPeople(apiKey, "?cursor=garbage"), 400, "invalid", "cursor");
    expectError(await api.feed(apiKey, "?limit=101"), 400, "invalid", "limit");
    expectError(await api.feed(apiKey, "?cursor=garbage"), 400, "invalid", "cursor");
    expectError(await api.balances(apiKey, "not-a-uuid"), 400, "invalid", "id");
  });

  it("requires an Idempotency-Key header to give, and gives nothing without one", async () => {
    const { db } = await database();
    const { org, apiKey } = await orgWithKey(db);
    const [ana, ben] = await org.addPeople(2);
    const body = {
      giver_id: defined(ana).id,
      recipient_ids: [defined(ben).id],
      amount: 5,
      message: "Thanks",
    };
    await expectOrgUntouched(db, org.id, async () => {
      for (const idempotencyKey of [null, "", "has space", "k".repeat(151)]) {
        const refused = expectError(
          await api.give(apiKey, body, idempotencyKey),
          400,
          "invalid",
          "Idempotency-Key",
        );
        expect(refused.message).toContain("Idempotency-Key header");
      }
    });
  });

  it("answers an unexpected failure with a generic 500 that reveals nothing", async () => {
    const { db } = await database();
    const { apiKey } = await orgWithKey(db);
    const logs = captureLogs();
    try {
      const failing = new ReadableStream({
        pull(controller) {
          controller.error(new Error("socket closed near secret-token-123"));
        },
      });
      const request = new Request("http://test/api/v1/people", {
        method: "POST",
        headers: { authorization: `Bearer ${apiKey}` },
        body: failing,
        duplex: "half",
      } as RequestInit);
      const failed = await answer(peopleRoute.POST(request));
      expect(failed.status).toBe(500);
      expect(failed.body).toEqual({
        error: { code: "internal", message: "Something went wrong on our side; try again later." },
      });
      expect(logs.entries()).toContainEqual(
        expect.objectContaining({ level: "error", component: "api", msg: "An API request failed" }),
      );
    } finally {
      logs.stop();
    }
  });
});

describe("integration API: giving", () => {
  it("gives on the named person's behalf as an api recognition, shown in the feed and balances", async () => {
    const { db } = await database();
    const { org, apiKey } = await orgWithKey(db, { defaultMonthlyAllowance: 100 });
    await org.addValues("ownership", "teamwork");
    const ana = await org.addPerson({ name: "Ana" });
    const [ben, cal] = await org.addPeople(2);

    const given = await api.give(
      apiKey,
      {
        giver_id: ana.id,
        recipient_ids: [defined(cal).id, defined(ben).id, defined(ben).id],
        amount: 15,
        message: "  Shipped the launch  ",
        values: ["#Ownership"],
      },
      "launch-2026-03",
    );

    expect(given.status, given.text).toBe(201);
    expect(given.headers.get("idempotent-replayed")).toBeNull();
    expectShape(given.body.data, "GiveReceipt");
    expect(given.body.data).toMatchObject({
      giver_id: ana.id,
      recipient_ids: [defined(ben).id, defined(cal).id].sort(),
      amount_per_recipient: 15,
      total_amount: 30,
      allowance_remaining: 70,
      source: "api",
    });

    const feed = await api.feed(apiKey);
    expect(feed.status).toBe(200);
    const [item] = feed.body.data;
    expectShape(defined(item), "Recognition");
    expect(item).toMatchObject({
      id: given.body.data.id,
      source: "api",
      message: "Shipped the launch",
      giver: { id: ana.id, name: "Ana" },
      values: ["ownership"],
      total_amount: 30,
      total_value: { minor: 300, currency: "USD" },
    });
    expect(defined(item).recipients.map((recipient) => recipient.amount)).toEqual([15, 15]);

    const balances = await api.balances(apiKey, ana.id);
    expect(balances.body.data.allowance).toMatchObject({ remaining: 70, given: 30 });
    expect((await api.balances(apiKey, defined(ben).id)).body.data.earned.balance).toBe(15);
    await expectLedgerClean(db, org.id);
  });

  it("says what a running campaign added, in the receipt and the feed", async () => {
    const { db } = await database();
    const { org, apiKey } = await orgWithKey(db, { defaultMonthlyAllowance: 100 });
    const [ana, ben] = await org.addPeople(2);
    const campaign = await createCampaign(db, org.admin.actor, {
      name: "Customer Week",
      startsOn: localDay(new Date(), "UTC"),
      multiplier: 3,
    });

    const given = await api.give(apiKey, {
      giver_id: defined(ana).id,
      recipient_ids: [defined(ben).id],
      amount: 10,
      message: "Renewal saved",
    });

    expect(given.status, given.text).toBe(201);
    expectShape(given.body.data, "GiveReceipt");
    expect(given.body.data).toMatchObject({
      total_amount: 10,
      allowance_remaining: 90,
      bonus: { campaign_id: campaign.id, campaign_name: "Customer Week", multiplier: 3, per_recipient: 20 },
      budget_spent_campaign: null,
    });
    const [item] = (await api.feed(apiKey)).body.data;
    expectShape(defined(item), "Recognition");
    expect(item).toMatchObject({
      campaign: { id: campaign.id, name: "Customer Week", multiplier: 3, bonus_per_recipient: 20 },
      recipients: [expect.objectContaining({ amount: 30 })],
    });
    expect((await api.balances(apiKey, defined(ben).id)).body.data.earned.balance).toBe(30);
  });

  it("gives once for ten identical requests sent at once, answering all ten identically", async () => {
    const { db } = await database();
    const { org, apiKey } = await orgWithKey(db, { defaultMonthlyAllowance: 100 });
    const [ana, ben, cal] = await org.addPeople(3);
    const body = {
      giver_id: defined(ana).id,
      recipient_ids: [defined(ben).id, defined(cal).id],
      amount: 10,
      message: "Thanks for the weekend on-call",
    };
    const idempotencyKey = key();

    const answers = await Promise.all(
      Array.from({ length: 10 }, () => api.give(apiKey, body, idempotencyKey)),
    );

    for (const each of answers) {
      expect(each.status, each.text).toBe(201);
      expect(each.text).toBe(defined(answers[0]).text);
    }
    expect(answers.filter((each) => each.headers.get("idempotent-replayed") === "true")).toHaveLength(9);
    expect(await recognitionCount(db, org.id)).toBe(1);
    const balances = await api.balances(apiKey, defined(ana).id);
    expect(balances.body.data.allowance).toMatchObject({ remaining: 80, given: 20 });
    await expectLedgerClean(db, org.id);

    // A later repeat still answers the same.
    const later = await api.give(apiKey, body, idempotencyKey);
    expect(later.text).toBe(defined(answers[0]).text);
    expect(await recognitionCount(db, org.id)).toBe(1);
  });

  it("refuses the same key with a different body as idempotency_conflict, writing nothing", async () => {
    const { db } = await database();
    const { org, apiKey } = await orgWithKey(db);
    const [ana, ben] = await org.addPeople(2);
    const body = {
      giver_id: defined(ana).id,
      recipient_ids: [defined(ben).id],
      amount: 10,
      message: "Thanks",
    };
    const first = await api.give(apiKey, body, "order-17");
    expect(first.status).toBe(201);

    const [cal] = await org.addPeople(1);
    const changedBodies = [
      { ...body, amount: 11 },
      { ...body, message: "Thanks!" },
      { ...body, recipient_ids: [defined(cal).id] },
    ];
    await expectOrgUntouched(db, org.id, async () => {
      for (const changed of changedBodies) {
        const refused = expectError(await api.give(apiKey, changed, "order-17"), 409, "idempotency_conflict");
        expect(refused.message).toContain("new idempotency key");
      }
    });
    // Spelling out the default (no values) is the same request.
    const sameAgain = await api.give(apiKey, { ...body, values: [] }, "order-17");
    expect(sameAgain.status).toBe(201);
    expect(sameAgain.text).toBe(first.text);
    // Keys are the API's own: the same text used by another org is a different key.
    const other = await orgWithKey(db);
    const [dee, eve] = await other.org.addPeople(2);
    const elsewhere = await api.give(
      other.apiKey,
      { ...body, giver_id: defined(dee).id, recipient_ids: [defined(eve).id] },
      "order-17",
    );
    expect(elsewhere.status).toBe(201);
    expect(await recognitionCount(db, org.id)).toBe(1);
  });

  it("answers each giving rule's refusal with 422, its message and field, writing nothing", async () => {
    const { db } = await database();
    const { org, apiKey } = await orgWithKey(db, {
      defaultMonthlyAllowance: 100,
      maxPointsPerRecognition: 60,
    });
    await org.addValues("ownership");
    const [ana, ben, cal] = await org.addPeople(3);
    const gone = await org.addPerson({ name: "Gone", active: false });
    const bot = await org.addPerson({ name: "Botty", isBot: true });
    const stranger = await (await createTestOrg(db)).addPerson();
    const base = {
      giver_id: defined(ana).id,
      recipient_ids: [defined(ben).id],
      amount: 10,
      message: "Thanks",
    };
    const cases: { body: object; code: string; field?: string; message: RegExp }[] = [
      {
        body: { ...base, recipient_ids: [defined(ben).id, defined(cal).id], amount: 60 },
        code: "insufficient_allowance",
        field: "amount",
        message: /you have 100 pts · \$10\.00 left this month/,
      },
      {
        body: { ...base, amount: 61 },
        code: "amount_out_of_range",
        field: "amount",
        message: /between 1 and 60/,
      },
      {
        body: { ...base, recipient_ids: [defined(ana).id] },
        code: "self_give",
        field: "recipient_ids",
        message: /yourself/,
      },
      {
        body: { ...base, recipient_ids: [gone.id] },
        code: "recipient_inactive",
        field: "recipient_ids",
        message: /Gone/,
      },
      {
        body: { ...base, recipient_ids: [bot.id] },
        code: "recipient_is_bot",
        field: "recipient_ids",
        message: /Botty/,
      },
      {
        body: { ...base, recipient_ids: [stranger.id] },
        code: "recipient_not_found",
        field: "recipient_ids",
        message: /isn't in your organization/,
      },
      {
        body: { ...base, recipient_ids: [NOWHERE] },
        code: "recipient_not_found",
        field: "recipient_ids",
        message: /isn't in your organization/,
      },
      {
        body: { ...base, message: "   " },
        code: "message_required",
        field: "message",
        message: /Add a message/,
      },
      {
        body: { ...base, values: ["#synergy"] },
        code: "unknown_value",
        field: "values",
        message: /#synergy/,
      },
      {
        body: { ...base, giver_id: gone.id },
        code: "giver_inactive",
        field: "giver_id",
        message: /giver_id/,
      },
      {
        body: { ...base, giver_id: stranger.id },
        code: "giver_inactive",
        field: "giver_id",
        message: /giver_id/,
      },
    ];
    await expectOrgUntouched(db, org.id, async () => {
      for (const { body, code, field, message } of cases) {
        const refused = expectError(await api.give(apiKey, body, key()), 422, code, field);
        expect(refused.message).toMatch(message);
      }
    });

    await db.update(organizations).set({ valuesMode: "required" }).where(eq(organizations.id, org.id));
    expectError(await api.give(apiKey, base, key()), 422, "value_required", "values");
    await db.update(organizations).set({ valuesMode: "off" }).where(eq(organizations.id, org.id));
    expectError(
      await api.give(apiKey, { ...base, values: ["ownership"] }, key()),
      422,
      "values_disabled",
      "values",
    );
    expect(await recognitionCount(db, org.id)).toBe(0);
  });

  it("keeps no key for a refused give: the corrected request succeeds with the same key", async () => {
    const { db } = await database();
    const { org, apiKey } = await orgWithKey(db);
    const [ana, ben] = await org.addPeople(2);
    const body = {
      giver_id: defined(ana).id,
      recipient_ids: [defined(ben).id],
      amount: 500,
      message: "Thanks",
    };
    expectError(await api.give(apiKey, body, "retry-me"), 422, "amount_out_of_range", "amount");
    const corrected = await api.give(apiKey, { ...body, amount: 50 }, "retry-me");
    expect(corrected.status, corrected.text).toBe(201);
    expect(await recognitionCount(db, org.id)).toBe(1);
  });
});

describe("integration API: people", () => {
  it("creates a person by email (201), then updates them by email (200)", async () => {
    const { db } = await database();
    const { org, apiKey } = await orgWithKey(db);

    const created = await api.upsertPerson(apiKey, {
      email: "Mia@Example.test",
      name: "Mia Manager",
      roles: ["manager"],
      manager_email: adminEmail(org),
      department: "Sales",
      cost_center: "CC-7",
      external_id: "E-100",
      hire_date: "2024-02-29",
      birthday: "1990-04-02",
    });
    expect(created.status, created.text).toBe(201);
    expectShape(created.body.data, "Person");
    expect(created.body.data).toMatchObject({
      // The birth year is kept for the HR system that sent it, and never shown.
      birthday: "--04-02",
      hire_date: "2024-02-29",
      email: "mia@example.test",
      name: "Mia Manager",
      roles: ["employee", "manager"],
      manager_id: org.admin.id,
      department: "Sales",
      cost_center: "CC-7",
      external_id: "E-100",
      active: true,
    });

    const updated = await api.upsertPerson(apiKey, {
      email: "mia@example.test",
      department: "Marketing",
      cost_center: null,
      roles: [],
      manager_email: null,
    });
    expect(updated.status, updated.text).toBe(200);
    expect(updated.body.data).toMatchObject({
      id: created.body.data.id,
      name: "Mia Manager",
      department: "Marketing",
      cost_center: null,
      roles: ["employee"],
      manager_id: null,
      external_id: "E-100",
    });

    // Sending it again changes nothing and writes no audit entry.
    const audits = () => db.select({ id: auditLog.id }).from(auditLog).where(eq(auditLog.orgId, org.id));
    const before = (await audits()).length;
    const again = await api.upsertPerson(apiKey, { email: "mia@example.test", department: "Marketing" });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(updated.body);
    expect((await audits()).length).toBe(before);

    const listed = await api.listPeople(apiKey, "?email=MIA@example.test");
    expect(listed.body.data).toEqual([updated.body.data]);
  });

  it("writes nothing of an upsert whose last step is refused", async () => {
    const { db } = await database();
    const { org, apiKey } = await orgWithKey(db);

    // Renaming the only admin succeeds as a step, but deactivating them is refused: neither happens.
    const refused = await api.upsertPerson(apiKey, {
      email: adminEmail(org),
      name: "Renamed",
      active: false,
    });
    expectError(refused, 409, "conflict", "active");
    const [admin] = await db.select().from(people).where(eq(people.id, org.admin.id));
    expect(defined(admin)).toMatchObject({ name: "Admin", active: true });
    const audits = await db.select().from(auditLog).where(eq(auditLog.orgId, org.id));
    expect(audits.filter((entry) => entry.action === "person.update")).toEqual([]);
  });

  it("matches by external id first, so an HR record can change its email", async () => {
    const { db } = await database();
    const { org, apiKey } = await orgWithKey(db);
    const created = await api.upsertPerson(apiKey, {
      external_id: "E-7",
      email: "old@example.test",
      name: "Old",
    });
    expect(created.status).toBe(201);

    const renamed = await api.upsertPerson(apiKey, {
      external_id: "E-7",
      email: "new@example.test",
      name: "New",
    });
    expect(renamed.status, renamed.text).toBe(200);
    expect(renamed.body.data).toMatchObject({
      id: created.body.data.id,
      email: "new@example.test",
      name: "New",
    });
    expect((await api.listPeople(apiKey, "?external_id=E-7")).body.data.map((person) => person.id)).toEqual([
      created.body.data.id,
    ]);
    const [total] = await db.select({ total: count() }).from(people).where(eq(people.orgId, org.id));
    expect(defined(total).total).toBe(2);
  });

  it("refuses clashes: someone else's email or external id (409), an unknown manager (404)", async () => {
    const { db } = await database();
    const { org, apiKey } = await orgWithKey(db);
    await api.upsertPerson(apiKey, { external_id: "E-1", email: "one@example.test", name: "One" });
    await api.upsertPerson(apiKey, { external_id: "E-2", email: "two@example.test", name: "Two" });

    await expectOrgUntouched(db, org.id, async () => {
      expectError(
        await api.upsertPerson(apiKey, { external_id: "E-2", email: "one@example.test" }),
        409,
        "conflict",
        "email",
      );
      const taken = expectError(
        await api.upsertPerson(apiKey, { external_id: "E-3", email: "one@example.test" }),
        409,
        "conflict",
        "external_id",
      );
      expect(taken.message).toContain('"E-1"');
      expectError(
        await api.upsertPerson(apiKey, { email: "one@example.test", manager_email: "nobody@example.test" }),
        404,
        "not_found",
        "manager_email",
      );
      expectError(
        await api.upsertPerson(apiKey, { email: "one@example.test", manager_email: "one@example.test" }),
        400,
        "invalid",
        "manager_email",
      );
      expectError(
        await api.upsertPerson(apiKey, { email: adminEmail(org), active: false }),
        409,
        "conflict",
        "active",
      );
    });
  });

  it("deactivates under the leaver policy with active false and reactivates with active true", async () => {
    const { db } = await database();
    const { org, apiKey } = await orgWithKey(db, { leaverPolicy: "forfeit" });
    const giver = await org.addPerson();
    const leaver = await api.upsertPerson(apiKey, { email: "leaver@example.test", name: "Lee" });
    const leaverId = leaver.body.data.id;
    const thanks = { giver_id: giver.id, recipient_ids: [leaverId], amount: 25, message: "Farewell" };
    expect((await api.give(apiKey, thanks, key())).status).toBe(201);
    expect((await api.balances(apiKey, leaverId)).body.data.earned.balance).toBe(25);

    const deactivated = await api.upsertPerson(apiKey, { email: "leaver@example.test", active: false });
    expect(deactivated.status, deactivated.text).toBe(200);
    expect(deactivated.body.data.active).toBe(false);
    expect((await api.balances(apiKey, leaverId)).body.data.earned.balance).toBe(0);
    const [deactivation] = await db
      .select({ after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.orgId, org.id), eq(auditLog.action, "person.deactivate")));
    expect(defined(deactivation).after).toMatchObject({ leaverPolicy: "forfeit", forfeited: 25 });
    await expectLedgerClean(db, org.id);

    expect((await api.listPeople(apiKey, "?active=false")).body.data.map((person) => person.id)).toEqual([
      leaverId,
    ]);
    const back = await api.upsertPerson(apiKey, { email: "leaver@example.test", active: true });
    expect(back.body.data.active).toBe(true);
    expect((await api.listPeople(apiKey, "?active=false")).body.data).toEqual([]);

    // Someone the HR system sends as already gone is added, then left inactive.
    const alumnus = await api.upsertPerson(apiKey, { email: "al@example.test", name: "Al", active: false });
    expect(alumnus.status, alumnus.text).toBe(201);
    expect(alumnus.body.data.active).toBe(false);
    await expectLedgerClean(db, org.id);
  });

  it("pages through everyone by name exactly once, and filters by search and state", async () => {
    const { db } = await database();
    const { org, apiKey } = await orgWithKey(db);
    await org.addPeople(22);
    const gone = await org.addPerson({ name: "Zed Gone", active: false });
    // Same name twice: the id breaks the tie, so neither is skipped at a page boundary.
    await org.addPerson({ name: "Person 5" });

    const seen: PersonJson[] = [];
    let cursor: string | null = "";
    let pages = 0;
    while (cursor !== null) {
      const page: Answer<PageOf<PersonJson>> = await api.listPeople(
        apiKey,
        `?limit=5${cursor ? `&cursor=${cursor}` : ""}`,
      );
      expect(page.status, page.text).toBe(200);
      expect(page.body.data.length).toBeLessThanOrEqual(5);
      seen.push(...page.body.data);
      cursor = page.body.next_cursor;
      pages += 1;
    }
    // Every person once, in the database's own name order (its collation, not JavaScript's).
    const byName = await db
      .select({ id: people.id })
      .from(people)
      .where(eq(people.orgId, org.id))
      .orderBy(asc(people.name), asc(people.id));
    expect(seen.map((person) => person.id)).toEqual(byName.map((person) => person.id));
    expect(byName).toHaveLength(25);
    expect(pages).toBe(5);
    const names = seen.map((person) => person.name);

    expect((await api.listPeople(apiKey, "?active=false")).body.data.map((person) => person.id)).toEqual([
      gone.id,
    ]);
    expect((await api.listPeople(apiKey, "?active=true&limit=200")).body.data).toHaveLength(seen.length - 1);
    const search = await api.listPeople(apiKey, "?q=person%201");
    expect(search.body.data.map((person) => person.name)).toEqual(
      names.filter((name) => name.toLowerCase().includes("person 1")),
    );
    expect((await api.listPeople(apiKey, "?q=%25")).body.data).toEqual([]);
  });
});

describe("integration API: org isolation", () => {
  it("treats another org's ids as missing and never lists its people or recognitions", async () => {
    const { db } = await database();
    const mine = await orgWithKey(db);
    const theirs = await orgWithKey(db);
    const [ana, ben] = await mine.org.addPeople(2);
    const [dee, eve] = await theirs.org.addPeople(2);
    await giveAt(db, defined(dee), [defined(eve)], 5, { message: "Their secret thanks" });
    await giveAt(db, defined(ana), [defined(ben)], 5, { message: "Our thanks" });

    const foreign = await api.balances(mine.apiKey, defined(dee).id);
    const missing = await api.balances(mine.apiKey, NOWHERE);
    expectError(foreign, 404, "not_found");
    expect(foreign.text).toBe(missing.text);

    const feed = await api.feed(mine.apiKey, "?limit=100");
    expect(feed.body.data.map((item) => item.message)).toEqual(["Our thanks"]);
    expect(feed.text).not.toContain(defined(dee).id);

    const everyone = await api.listPeople(mine.apiKey, "?limit=200");
    const theirIds = [defined(dee).id, defined(eve).id, theirs.org.admin.id];
    expect(everyone.body.data.some((person) => theirIds.includes(person.id))).toBe(false);
    expect((await api.listPeople(mine.apiKey, `?email=${adminEmail(theirs.org)}`)).body.data).toEqual([]);

    // Upserting their admin's email adds someone to this org and leaves theirs alone.
    const added = await expectOrgUntouched(db, theirs.org.id, () =>
      api.upsertPerson(mine.apiKey, { email: adminEmail(theirs.org), name: "Namesake" }),
    );
    expect(added.status).toBe(201);
    expect(added.body.data.id).not.toBe(theirs.org.admin.id);
  });
});

describe("integration API: feed", () => {
  it("pages the feed with keyset cursors, each recognition once, and filters by value and department", async () => {
    const { db } = await database();
    const { org, apiKey } = await orgWithKey(db, { defaultMonthlyAllowance: 1000 });
    await org.addValues("ownership", "teamwork");
    const giver = await org.addPerson();
    const sales = await org.addPerson({ department: "Sales" });
    const ops = await org.addPerson({ department: "Ops" });
    const ids: string[] = [];
    for (let index = 0; index < 7; index++) {
      const recipient = index % 2 === 0 ? sales : ops;
      // A minute apart: gives within one millisecond would share a timestamp and sort by id instead.
      const given = await giveAt(db, giver, [recipient], 1 + index, {
        at: new Date(Date.UTC(2026, 5, 1, 12, index)),
        values: [index < 3 ? "ownership" : "teamwork"],
      });
      ids.push(given.recognitionId);
    }

    const seen: string[] = [];
    let cursor: string | null = "";
    while (cursor !== null) {
      const page: Answer<PageOf<RecognitionJson>> = await api.feed(
        apiKey,
        `?limit=3${cursor ? `&cursor=${cursor}` : ""}`,
      );
      expect(page.status, page.text).toBe(200);
      seen.push(...page.body.data.map((item) => item.id));
      cursor = page.body.next_cursor;
    }
    expect(seen).toEqual([...ids].reverse());

    const ownership = await api.feed(apiKey, "?value=%23Ownership");
    expect(ownership.body.data.map((item) => item.id)).toEqual(ids.slice(0, 3).reverse());
    const opsFeed = await api.feed(apiKey, "?department=Ops");
    expect(opsFeed.body.data.map((item) => item.id)).toEqual([ids[5], ids[3], ids[1]]);
  });
});

describe("integration API: balances", () => {
  it("shows allowance left and earned points with their money value in the org's currency", async () => {
    const { db } = await database();
    const { org, apiKey } = await orgWithKey(db, {
      defaultMonthlyAllowance: 90,
      pointValuePoints: 3,
      pointValueMinor: 100,
      currency: "EUR",
    });
    const [ana, ben] = await org.addPeople(2);
    await giveAt(db, defined(ana), [defined(ben)], 10);

    const giverBalances = await api.balances(apiKey, defined(ana).id);
    expect(giverBalances.status).toBe(200);
    expectShape(giverBalances.body.data, "Balances");
    expect(giverBalances.body.data.allowance).toEqual({
      remaining: 80,
      remaining_value: { minor: 2667, currency: "EUR" },
      total: 90,
      given: 10,
    });
    const recipient = await api.balances(apiKey, defined(ben).id);
    expect(recipient.body.data.earned).toEqual({
      balance: 10,
      balance_value: { minor: 333, currency: "EUR" },
    });
  });
});

describe("integration API: OpenAPI document", () => {
  const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];
  const V1 = path.resolve(import.meta.dirname, "../../app/api/v1");

  /** `METHOD /path` for every handler a route file under app/api/v1 exports. */
  async function implementedOperations(): Promise<string[]> {
    const files = readdirSync(V1, { recursive: true, encoding: "utf8" }).filter(
      (file) => path.basename(file) === "route.ts",
    );
    const operations: string[] = [];
    for (const file of files) {
      const route = `/api/v1/${path.dirname(file)}`.replace(/\[(\w+)\]/g, "{$1}");
      const module = (await import(path.join(V1, file))) as Record<string, unknown>;
      for (const method of HTTP_METHODS) {
        if (typeof module[method] === "function") operations.push(`${method} ${route}`);
      }
    }
    return operations.sort();
  }

  it("is served as OpenAPI 3.1 JSON describing exactly the routes that exist", async () => {
    const served = await answer<typeof openApiDocument>(Promise.resolve(openApiRoute.GET()));
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toContain("application/json");
    const document = served.body;
    expect(document.openapi).toBe("3.1.0");
    expect(document.components.securitySchemes.bearerAuth).toMatchObject({ type: "http", scheme: "bearer" });

    const described = Object.entries(document.paths)
      .flatMap(([route, operations]) =>
        Object.keys(operations).map((method) => `${method.toUpperCase()} ${route}`),
      )
      .sort();
    const implemented = await implementedOperations();
    expect(implemented).toContain("POST /api/v1/recognitions");
    expect(described).toEqual(implemented);

    const give = document.paths["/api/v1/recognitions"].post;
    expect(give.parameters).toContainEqual(
      expect.objectContaining({ name: "Idempotency-Key", in: "header", required: true }),
    );
    expect(document.components.schemas.Error.properties.error.required).toEqual(["code", "message"]);
  });

  it("refers only to components it defines", () => {
    const refs = JSON.stringify(openApiDocument).match(/"\$ref":"[^"]+"/g) ?? [];
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of refs) {
      const [, section, name] = defined(/#\/components\/(\w+)\/(\w+)/.exec(ref), ref);
      const components = openApiDocument.components as Record<string, Record<string, unknown>>;
      expect(components[defined(section)]?.[defined(name)], ref).toBeDefined();
    }
  });
});
