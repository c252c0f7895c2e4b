import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { give, searchPeople } from "../../app/(app)/_give/actions";
import FeedPage from "../../app/(app)/page";
import * as peopleRoute from "../../app/api/v1/people/route";
import * as recognitionsRoute from "../../app/api/v1/recognitions/route";
import * as redemptionsRoute from "../../app/api/v1/redemptions/route";
import { getLeaderboard } from "../../core/feed/get-leaderboard";
import { getBalances } from "../../core/giving/get-balances";
import { importPeople } from "../../core/people/import-people";
import { updatePerson } from "../../core/people/update-person";
import { createCompanyValue } from "../../core/values/create-company-value";
import type { Database } from "../../db/client";
import { answer, apiRequest, type ErrorBody, expectError, orgWithKey } from "../support/api-client";
import { appPoolOnWorkerDatabase } from "../support/app-database";
import { defined, expectDomainError, expectLedgerClean } from "../support/assertions";
import { workerDatabase } from "../support/database";
import type { TestOrg, TestPerson } from "../support/factories";
import { expectOrgUntouched } from "../support/footprint";
import { giveAt } from "../support/giving";

/** The browser's session: the person signed in. */
const browser = vi.hoisted(() => ({ personId: null as string | null }));
vi.mock("@/app/_lib/auth", () => ({
  auth: async () =>
    browser.personId ? { personId: browser.personId, expires: "2099-01-01T00:00:00Z" } : null,
}));
// Outside a request there is no cache to revalidate.
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const database = workerDatabase();

appPoolOnWorkerDatabase();
afterEach(() => {
  browser.personId = null;
});

const NUL = "\u0000";

async function apiOrg(db: Database) {
  const { org, apiKey } = await orgWithKey(db);
  await org.addValues("craft");
  const [giver, ana] = await org.addPeople(2);
  return { org, apiKey, giver: defined(giver), ana: defined(ana) };
}

function apiGive(apiKey: string, body: unknown) {
  return answer<ErrorBody & { data: { recipient_ids: string[]; total_amount: number } }>(
    recognitionsRoute.POST(
      apiRequest("/recognitions", { key: apiKey, body, headers: { "idempotency-key": randomUUID() } }),
    ),
  );
}

function apiGet(route: { GET: (request: Request) => Promise<Response> }, path: string, apiKey: string) {
  return answer<ErrorBody>(route.GET(apiRequest(path, { key: apiKey })));
}

/** The give form as the browser posts it, as `personId`. */
function giveForm(personId: string, fields: { recipientIds: string[]; message: string; values?: string[] }) {
  browser.personId = personId;
  const form = new FormData();
  for (const id of fields.recipientIds) form.append("recipientIds", id);
  for (const value of fields.values ?? []) form.append("values", value);
  form.set("amount", "10");
  form.set("message", fields.message);
  form.set("idempotencyKey", randomUUID());
  return give({ status: "idle" }, form);
}

/** A keyset cursor as the API hands them out, with its content replaced. */
const cursorOf = (content: string) => Buffer.from(content).toString("base64url");

describe("text holding a control character", () => {
  it("API: a give with a NUL byte in its message or a value is refused with 400 naming the field", async () => {
    const { db } = await database();
    const { org, apiKey, giver, ana } = await apiOrg(db);
    const give = { giver_id: giver.id, recipient_ids: [ana.id], amount: 10 };

    await expectOrgUntouched(db, org.id, async () => {
      expectError(await apiGive(apiKey, { ...give, message: `great${NUL}demo` }), 400, "invalid", "message");
      expectError(
        await apiGive(apiKey, { ...give, message: "great demo", values: [`craft${NUL}`] }),
        400,
        "invalid",
        "values.0",
      );
    });
  });

  it("API: people searched or upserted with a NUL byte, and the feed filtered by one: 400 naming it", async () => {
    const { db } = await database();
    const { org, apiKey } = await apiOrg(db);

    await expectOrgUntouched(db, org.id, async () => {
      for (const parameter of ["q", "email", "external_id"]) {
        expectError(await apiGet(peopleRoute, `/people?${parameter}=%00`, apiKey), 400, "invalid", parameter);
      }
      for (const parameter of ["value", "department"]) {
        const refused = await apiGet(recognitionsRoute, `/recognitions?${parameter}=a%00b`, apiKey);
        expectError(refused, 400, "invalid", parameter);
      }
      const upsert = peopleRoute.POST(
        apiRequest("/people", { key: apiKey, body: { email: `mia@${org.slug}.test`, name: `Mia${NUL}` } }),
      );
      expectError(await answer(upsert), 400, "invalid", "name");
    });
  });

  it("web: the give form with a NUL byte shows the error under the field, and gives nothing", async () => {
    const { db } = await database();
    const { org, giver, ana } = await apiOrg(db);

    const refused = await expectOrgUntouched(db, org.id, async () => [
      await giveForm(giver.id, { recipientIds: [ana.id], message: `great${NUL}demo` }),
      await giveForm(giver.id, { recipientIds: [ana.id], message: "great demo", values: [`${NUL}craft`] }),
    ]);

    expect(refused.map((state) => state.status === "error" && state.fieldErrors)).toEqual([
      { message: "Remove the control characters (such as a NUL byte) from this text." },
      { "values.0": "Remove the control characters (such as a NUL byte) from this text." },
    ]);
  });

  it("web: the people search says why it can't search for a NUL byte", async () => {
    const { db } = await database();
    const { giver } = await apiOrg(db);
    browser.personId = giver.id;

    expect(await searchPeople(NUL)).toEqual({
      status: "error",
      message: "Remove the control characters (such as a NUL byte) from this text.",
    });
  });

  it("web: the feed filtered by ?value=%00 answers the not-found page, as any filter that can't be", async () => {
    const { db } = await database();
    const { giver } = await apiOrg(db);
    browser.personId = giver.id;

    for (const params of [{ value: NUL }, { department: `Sales${NUL}` }]) {
      await expect(FeedPage({ searchParams: Promise.resolve(params) })).rejects.toMatchObject({
        digest: "NEXT_HTTP_ERROR_FALLBACK;404",
      });
    }
    await expectDomainError(getLeaderboard(db, giver.actor, { value: NUL }), "invalid");
  });

  it("admin forms: a value's description and a person's details with a NUL byte are refused by field", async () => {
    const { db } = await database();
    const { org, ana } = await apiOrg(db);

    await expectOrgUntouched(db, org.id, async () => {
      const refusals = [
        createCompanyValue(db, org.admin.actor, { name: "focus", description: `Eyes${NUL} on the goal` }),
        updatePerson(db, org.admin.actor, { personId: ana.id, department: `Sa${NUL}les` }),
        updatePerson(db, org.admin.actor, { personId: ana.id.toUpperCase(), name: `Ana${NUL}` }),
      ];
      const fields = [];
      for (const refusal of refusals)
        fields.push((await expectDomainError(refusal, "invalid")).details.field);
      expect(fields).toEqual(["description", "department", "name"]);
    });
  });

  it("CSV import: a cell holding a NUL byte is an error on its row and column, and nothing is imported", async () => {
    const { db } = await database();
    const { org } = await apiOrg(db);
    const csv = `name,email,department\nMia,mia@${org.slug}.test,Sa${NUL}les\nLeo,leo@${org.slug}.test,Sales\n`;

    const result = await expectOrgUntouched(db, org.id, () =>
      importPeople(db, org.admin.actor, { csv, dryRun: false }),
    );

    expect(result.written).toBe(false);
    expect(result.rows.flatMap((row) => row.errors.map((error) => ({ line: row.line, ...error })))).toEqual([
      {
        line: 2,
        column: "department",
        message: "Remove the control characters (such as a NUL byte) from this text.",
      },
    ]);
  });
});

describe("page links that were tampered with", () => {
  it("refuses a recognitions cursor whose offset no time zone has (+99:00) with 400, not a failure", async () => {
    const { db } = await database();
    const { apiKey, org, giver, ana } = await apiOrg(db);
    await giveAt(db, giver, [ana], 1);

    for (const cursor of [
      cursorOf(`2026-01-01T00:00:00.123456+99:00|${randomUUID()}`),
      cursorOf(`2026-01-01T00:00:00+16:00|${randomUUID()}`),
      cursorOf(`2026-01-01T00:00:00${NUL}|${randomUUID()}`),
      `abc${NUL}`,
    ]) {
      const refused = await apiGet(
        recognitionsRoute,
        `/recognitions?cursor=${encodeURIComponent(cursor)}`,
        apiKey,
      );
      expectError(refused, 400, "invalid", "cursor");
    }
    // The furthest offsets PostgreSQL takes still read as a place in the feed.
    const edge = cursorOf(`2026-01-01T00:00:00-15:59|${randomUUID()}`);
    expect((await apiGet(recognitionsRoute, `/recognitions?cursor=${edge}`, apiKey)).status).toBe(200);
    await expectLedgerClean(db, org.id);
  });

  it("refuses a people cursor holding a NUL byte, and a redemptions cursor whose time is not one, with 400", async () => {
    const { db } = await database();
    const { apiKey } = await apiOrg(db);

    const people = cursorOf(JSON.stringify([`Ana${NUL}`, randomUUID()]));
    expectError(await apiGet(peopleRoute, `/people?cursor=${people}`, apiKey), 400, "invalid", "cursor");
    for (const time of ["1", "2026-02-30T00:00:00.000Z", "2026-01-01T00:00:00.000+99:00"]) {
      const redemptions = cursorOf(`${time}|${randomUUID()}`);
      const refused = await apiGet(redemptionsRoute, `/redemptions?cursor=${redemptions}`, apiKey);
      expectError(refused, 400, "invalid", "cursor");
    }
  });
});

describe("ids that differ only in case", () => {
  async function expectThankedOnce(db: Database, org: TestOrg, ana: TestPerson) {
    expect((await getBalances(db, ana.actor)).earned.balance).toBe(10);
    await expectLedgerClean(db, org.id);
  }

  it("API: recipient_ids naming one person twice, once in capitals, thanks them once", async () => {
    const { db } = await database();
    const { org, apiKey, giver, ana } = await apiOrg(db);

    const given = await apiGive(apiKey, {
      giver_id: giver.id,
      recipient_ids: [ana.id, ana.id.toUpperCase()],
      amount: 10,
      message: "great demo",
    });

    expect(given.status, given.text).toBe(201);
    expect(given.body.data).toMatchObject({ recipient_ids: [ana.id], total_amount: 10 });
    await expectThankedOnce(db, org, ana);
  });

  it("web: the give form naming one person twice, once in capitals, thanks them once", async () => {
    const { db } = await database();
    const { org, giver, ana } = await apiOrg(db);

    const state = await giveForm(giver.id, {
      recipientIds: [ana.id.toUpperCase(), ana.id],
      message: "great demo",
    });

    expect(state).toMatchObject({ status: "ok", message: `You gave 10 pts · $1.00 to ${ana.name}.` });
    await expectThankedOnce(db, org, ana);
  });
});
