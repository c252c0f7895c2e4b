import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as billRoute from "../../app/api/v1/bills/[period]/route";
import * as billsRoute from "../../app/api/v1/bills/route";
import * as liabilityRoute from "../../app/api/v1/liability/route";
import { getLiability } from "../../core/billing/get-liability";
import { grantPoints } from "../../core/giving/grant-points";
import { createApiKey } from "../../core/org/create-api-key";
import { revokeApiKey } from "../../core/org/revoke-api-key";
import type { Database } from "../../db/client";
import { auditLog } from "../../db/schema";
import { answer, apiRequest, expectError, expectShape, orgWithKey } from "../support/api-client";
import { appPoolOnWorkerDatabase } from "../support/app-database";
import { defined } from "../support/assertions";
import { AWKWARD_NAMES, BILL_MONTH, billedOrg } from "../support/billed-org";
import { closeAt } from "../support/billing";
import { workerDatabase } from "../support/database";
import { key } from "../support/factories";
import { rewardsFixture } from "../support/rewards-fixture";

const database = workerDatabase();
const fixture = rewardsFixture();

appPoolOnWorkerDatabase();

interface BillSummaryJson {
  period: string;
  status: string;
  number: string | null;
  lines: number;
  points: number;
  billed: { minor: number; currency: string };
}

interface BillFileJson {
  data: {
    bill: { number: string | null; status: string; totals: { billed_amount: string } };
    lines: { line: number; person: { name: string }; billed_amount: string }[];
  };
}

const api = {
  bills: (apiKey?: string) => billsRoute.GET(apiRequest("/bills", { key: apiKey })),
  bill: (apiKey: string | undefined, period: string, query = "", headers: Record<string, string> = {}) =>
    billRoute.GET(apiRequest(`/bills/${period}${query}`, { key: apiKey, headers }), {
      params: Promise.resolve({ period }),
    }),
  liability: (apiKey?: string, query = "") =>
    liabilityRoute.GET(apiRequest(`/liability${query}`, { key: apiKey })),
};

/** An org with a bill for BILL_MONTH (closed unless told otherwise) and an API key. */
async function billingOrgWithKey(db: Database, close = true) {
  const org = await billedOrg(db, fixture);
  const closed = close ? await closeAt(db, org, BILL_MONTH, new Date()) : null;
  const { key: apiKey } = await createApiKey(db, org.admin.actor, {
    name: "Accounting sync",
    scopes: ["finance:read"],
  });
  return { org, closed, apiKey };
}

describe("finance API: who may call it", () => {
  it("answers 401 without a valid key on every finance route", async () => {
    const { db } = await database();
    const { org, apiKey } = await billingOrgWithKey(db, false);
    const revoked = await createApiKey(db, org.admin.actor, { name: "old", scopes: ["finance:read"] });
    await revokeApiKey(db, org.admin.actor, { id: revoked.id });
    for (const credential of [undefined, "plaudit_not-a-real-key", revoked.key]) {
      for (const response of [
        api.bills(credential),
        api.bill(credential, BILL_MONTH),
        api.liability(credential),
      ]) {
        const refused = await answer(response);
        expectError(refused, 401, "unauthenticated");
        expect(refused.headers.get("www-authenticate")).toBe('Bearer realm="plaudit"');
      }
    }
    // The key itself reads them: bills and the liability are for the org's own integrations.
    expect((await api.bills(apiKey)).status).toBe(200);
  });

  it("keeps every org's bills to its own keys", async () => {
    const { db } = await database();
    const { apiKey } = await billingOrgWithKey(db);
    const { apiKey: otherKey } = await orgWithKey(db);
    const listed = await answer<{ data: BillSummaryJson[] }>(api.bills(otherKey));
    expect(listed.body.data).toEqual([]);
    expectError(await answer(api.bill(otherKey, BILL_MONTH)), 404, "not_found", "period");
    expectError(await answer(api.bill(otherKey, BILL_MONTH, "?format=csv")), 404, "not_found", "period");
    expect((await answer<{ data: BillSummaryJson[] }>(api.bills(apiKey))).body.data).toHaveLength(1);
  });
});

describe("finance API: bills", () => {
  it("lists the org's bills with their lines and what they bill", async () => {
    const { db } = await database();
    const { closed, apiKey } = await billingOrgWithKey(db);
    const listed = await answer<{ data: BillSummaryJson[]; next_cursor: null }>(api.bills(apiKey));
    expect(listed.status).toBe(200);
    expect(listed.headers.get("cache-control")).toBe("no-store");
    expect(listed.body.next_cursor).toBeNull();
    const [bill] = listed.body.data;
    expectShape(bill, "BillSummary");
    expect(bill).toMatchObject({
      period: BILL_MONTH,
      status: "closed",
      number: closed?.number,
      lines: 13,
      billed: { minor: 6000, currency: "USD" },
    });
  });

  it("answers one bill as streamed JSON in the API's envelope, with every line", async () => {
    const { db } = await database();
    const { org, closed, apiKey } = await billingOrgWithKey(db);
    const response = await api.bill(apiKey, BILL_MONTH);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(response.headers.get("etag")).toBeNull();
    const parsed = JSON.parse(await response.text()) as BillFileJson;
    expectShape(parsed.data, "BillFile");
    expect(parsed.data.bill).toMatchObject({ number: closed?.number, status: "closed" });
    expect(parsed.data.bill.totals.billed_amount).toBe("60.00");
    expect(parsed.data.lines.map((line) => line.line)).toEqual(Array.from({ length: 13 }, (_, i) => i + 1));
    expect(parsed.data.lines.map((line) => line.person.name)).toEqual(
      expect.arrayContaining([...AWKWARD_NAMES]),
    );

    const exports = await db
      .select({ after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.orgId, org.id), eq(auditLog.action, "bill.export")));
    expect(exports.map((entry) => entry.after)).toEqual([{ number: closed?.number, format: "json" }]);
  });

  it("answers the CSV with its SHA-256 as ETag, and 304 when the caller has it", async () => {
    const { db } = await database();
    const { closed, apiKey } = await billingOrgWithKey(db);
    const sha = defined(closed?.csvSha256);
    const response = await api.bill(apiKey, BILL_MONTH, "?format=csv");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("etag")).toBe(`"${sha}"`);
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="${closed?.number}.csv"`);
    const body = Buffer.from(await response.arrayBuffer());
    expect(createHash("sha256").update(body).digest("hex")).toBe(sha);

    const cached = await api.bill(apiKey, BILL_MONTH, "?format=csv", { "if-none-match": `"${sha}"` });
    expect(cached.status).toBe(304);
    expect(await cached.text()).toBe("");
  });

  it("refuses a bad month or format naming the parameter, and a month without a bill with 404", async () => {
    const { db } = await database();
    const { apiKey } = await billingOrgWithKey(db, false);
    expectError(await answer(api.bill(apiKey, BILL_MONTH, "?format=pdf")), 400, "invalid", "format");
    expectError(await answer(api.bill(apiKey, "2026-13")), 400, "invalid", "period");
    expectError(await answer(api.bill(apiKey, "2019-01")), 404, "not_found", "period");
    // A draft is there to read, marked open, without a number.
    const draft = JSON.parse(await (await api.bill(apiKey, BILL_MONTH)).text()) as BillFileJson;
    expect(draft.data.bill).toMatchObject({ number: null, status: "open" });
  });
});

describe("finance API: the liability", () => {
  it("answers what is owed now, or as of an instant, with money values", async () => {
    const { db } = await database();
    const { org, apiKey } = await orgWithKey(db);
    const ana = await org.addPerson({ name: "Ana", department: "Sales" });
    const before = new Date(Date.now() - 1000).toISOString();
    await grantPoints(db, org.admin.actor, {
      recipientIds: [ana.id],
      amount: 120,
      message: "Launch",
      idempotencyKey: key(),
    });
    const now = await answer<{ data: Record<string, unknown> }>(api.liability(apiKey));
    expect(now.status).toBe(200);
    expectShape(now.body.data, "Liability");
    expect(now.body.data).toMatchObject({
      earned: 120,
      earned_value: { minor: 1200, currency: "USD" },
      held: 0,
      outstanding: 120,
      outstanding_value: { minor: 1200, currency: "USD" },
      by_department: [{ department: "Sales", people: 1, earned: 120, held: 0 }],
    });
    const then = await answer<{ data: { as_of: string; outstanding: number } }>(
      api.liability(apiKey, `?as_of=${encodeURIComponent(before)}`),
    );
    expect(then.body.data).toMatchObject({ as_of: before, outstanding: 0 });
    const core = await getLiability(db, org.system, { asOf: before });
    expect(then.body.data.outstanding).toBe(core.outstanding);
  });

  it("refuses an instant without its offset, one that is not a date, and one still to come", async () => {
    const { db } = await database();
    const { apiKey } = await orgWithKey(db);
    for (const asOf of ["2026-03-01T00:00:00", "yesterday", "2999-01-01T00:00:00Z"]) {
      expectError(await answer(api.liability(apiKey, `?as_of=${asOf}`)), 400, "invalid", "as_of");
    }
  });
});
