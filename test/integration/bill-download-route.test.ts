import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { GET as download } from "../../app/(app)/finance/bills/[period]/download/route";
import { billCsvHeader } from "../../core/billing/bill-csv";
import { people } from "../../db/schema";
import { appPoolOnWorkerDatabase } from "../support/app-database";
import { defined } from "../support/assertions";
import { BILL_MONTH, billedOrg } from "../support/billed-org";
import { closeAt } from "../support/billing";
import { workerDatabase } from "../support/database";
import { pdfPages } from "../support/pdf-reader";
import { rewardsFixture } from "../support/rewards-fixture";

/** The browser's session: the person signed in, or nobody. */
const browser = vi.hoisted(() => ({ personId: null as string | null }));
vi.mock("@/app/_lib/auth", () => ({
  auth: async () =>
    browser.personId ? { personId: browser.personId, expires: "2099-01-01T00:00:00Z" } : null,
}));

const database = workerDatabase();
const fixture = rewardsFixture();

appPoolOnWorkerDatabase();
afterEach(() => {
  browser.personId = null;
});

/** The download as `personId` (nobody when null) asks for it. */
function get(personId: string | null, period: string, query = "", headers: Record<string, string> = {}) {
  browser.personId = personId;
  const request = new Request(`http://localhost/finance/bills/${period}/download${query}`, { headers });
  return download(request, { params: Promise.resolve({ period }) });
}

/** Every chunk of the body as it arrived. */
async function chunksOf(response: Response): Promise<Buffer[]> {
  const reader = defined(response.body, "body").getReader();
  const chunks: Buffer[] = [];
  for (let next = await reader.read(); !next.done; next = await reader.read())
    chunks.push(Buffer.from(next.value));
  return chunks;
}

async function financeOrg() {
  const { db } = await database();
  const org = await billedOrg(db, fixture);
  return { db, org, finance: org.finance };
}

describe("downloading a bill", () => {
  it("streams a closed bill's CSV as an attachment named for it, with its SHA-256 as ETag", async () => {
    const { db, org, finance } = await financeOrg();
    const closed = await closeAt(db, org, BILL_MONTH, new Date());
    const response = await get(finance.id, BILL_MONTH, "?format=csv");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="${closed.number}.csv"`);
    expect(response.headers.get("etag")).toBe(`"${closed.csvSha256}"`);
    expect(response.headers.get("cache-control")).toBe("private, no-cache");
    const chunks = await chunksOf(response);
    // Sent as it is read: the header row goes out on its own, before the lines are fetched.
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks[0]?.toString()).toBe(billCsvHeader());
    expect(createHash("sha256").update(Buffer.concat(chunks)).digest("hex")).toBe(closed.csvSha256);

    // Without a format it is the CSV.
    const plain = await get(finance.id, BILL_MONTH);
    expect(plain.headers.get("etag")).toBe(`"${closed.csvSha256}"`);
    await plain.arrayBuffer();
  });

  it("answers 304 to a client that has the closed bill's CSV, and sends it again to one that has not", async () => {
    const { db, org, finance } = await financeOrg();
    const closed = await closeAt(db, org, BILL_MONTH, new Date());
    for (const tag of [`"${closed.csvSha256}"`, `W/"${closed.csvSha256}"`, `"old", "${closed.csvSha256}"`]) {
      const cached = await get(finance.id, BILL_MONTH, "?format=csv", { "if-none-match": tag });
      expect(cached.status).toBe(304);
      expect(cached.headers.get("etag")).toBe(`"${closed.csvSha256}"`);
      expect(await cached.text()).toBe("");
    }
    const stale = await get(finance.id, BILL_MONTH, "?format=csv", {
      "if-none-match": `"${"0".repeat(64)}"`,
    });
    expect(stale.status).toBe(200);
    expect((await stale.text()).startsWith(billCsvHeader())).toBe(true);
  });

  it("serves the JSON, the PDF, payroll and the department totals, each under its own name", async () => {
    const { db, org, finance } = await financeOrg();
    const closed = await closeAt(db, org, BILL_MONTH, new Date());
    const number = defined(closed.number);
    const expected = {
      json: ["application/json", `${number}.json`],
      pdf: ["application/pdf", `${number}.pdf`],
      payroll: ["text/csv; charset=utf-8", `${number}-payroll.csv`],
      departments: ["text/csv; charset=utf-8", `${number}-departments.csv`],
    };
    const bodies: Record<string, Buffer> = {};
    for (const [format, [type, name]] of Object.entries(expected)) {
      const response = await get(finance.id, BILL_MONTH, `?format=${format}`);
      expect(response.status, format).toBe(200);
      expect(response.headers.get("content-type")).toBe(type);
      expect(response.headers.get("content-disposition")).toBe(`attachment; filename="${name}"`);
      // Only the CSV of the bill itself is the file its SHA-256 names.
      expect(response.headers.get("etag")).toBeNull();
      bodies[format] = Buffer.from(await response.arrayBuffer());
    }
    expect(JSON.parse(defined(bodies.json).toString()).bill.number).toBe(number);
    expect((await pdfPages(new Uint8Array(defined(bodies.pdf)))).join(" ")).toContain(number);
    expect(defined(bodies.payroll).toString()).toContain("Gia Giver");
    expect(defined(bodies.departments).toString()).toContain('"R&D, Labs"');
  });

  it("names a draft's file for the org and month, and never lets it be cached", async () => {
    const { org, finance } = await financeOrg();
    const response = await get(finance.id, BILL_MONTH, "?format=csv");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="${org.slug}-${BILL_MONTH}-draft.csv"`,
    );
    expect(response.headers.get("etag")).toBeNull();
    expect(response.headers.get("cache-control")).toBe("no-store");
    await response.arrayBuffer();
  });

  it("refuses employees and managers with 403, and answers 404 for another org's month", async () => {
    const { org, finance } = await financeOrg();
    const manager = await org.addPerson({ roles: ["employee", "manager"] });
    for (const personId of [defined(org.awkward[0]).id, manager.id]) {
      const refused = await get(personId, BILL_MONTH, "?format=pdf");
      expect(refused.status).toBe(403);
      expect(refused.headers.get("content-type")).toBe("text/html; charset=utf-8");
      expect(await refused.text()).toContain("<h1>You can&#39;t download bills</h1>");
    }
    // Another org's finance person, asking for a month only this org has a bill for.
    const { db } = await database();
    const other = await billedOrg(db, fixture, "2026-05");
    const outsider = await other.addPerson({ roles: ["employee", "finance"] });
    const missing = await get(outsider.id, BILL_MONTH, "?format=csv");
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain(`There is no bill for ${BILL_MONTH}`);
    expect((await get(finance.id, "2026-05", "?format=csv")).status).toBe(404);

    const unknown = await get(finance.id, BILL_MONTH, "?format=xlsx");
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain("Choose csv, json, pdf, payroll or departments.");
    expect((await get(finance.id, "2026-13")).status).toBe(400);
  });

  it("sends the signed-out to sign in and back, and the deactivated to the page that says so", async () => {
    const { db, finance } = await financeOrg();
    const signedOut = await get(null, BILL_MONTH, "?format=pdf");
    expect(signedOut.status).toBe(302);
    const location = new URL(defined(signedOut.headers.get("location")));
    expect(location.pathname).toBe("/signin");
    expect(location.searchParams.get("callbackUrl")).toBe(`/finance/bills/${BILL_MONTH}/download?format=pdf`);

    await db.update(people).set({ active: false }).where(eq(people.id, finance.id));
    const deactivated = await get(finance.id, BILL_MONTH);
    expect(deactivated.status).toBe(302);
    expect(deactivated.headers.get("location")).toContain("/signin/refused?reason=deactivated");
  });
});
