import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { IDLE } from "../../app/_lib/form-state";
import { describeEntry, idsToName } from "../../app/(app)/admin/audit/describe-entry";
import { erase } from "../../app/(app)/admin/people/[personId]/actions";
import { listAuditLog } from "../../core/org/list-audit-log";
import { getDisplayNames } from "../../core/people/get-display-names";
import { appPoolOnWorkerDatabase } from "../support/app-database";
import { defined } from "../support/assertions";
import { workerDatabase } from "../support/database";
import { createTestOrg } from "../support/factories";

/** The browser's session: the person signed in. */
const browser = vi.hoisted(() => ({ personId: null as string | null }));
vi.mock("@/app/_lib/auth", () => ({
  auth: async () =>
    browser.personId ? { personId: browser.personId, expires: "2099-01-01T00:00:00Z" } : null,
}));
/** The pages the action asked Next to render afresh. */
const revalidated = vi.hoisted(() => [] as string[]);
vi.mock("next/cache", () => ({ revalidatePath: (path: string) => revalidated.push(path) }));

const database = workerDatabase();

appPoolOnWorkerDatabase();
afterEach(() => {
  browser.personId = null;
  revalidated.length = 0;
});

/** The erase dialog submitted by `personId`, as the browser posts it. */
function submit(personId: string, fields: Record<string, string>) {
  browser.personId = personId;
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  return erase(IDLE, form);
}

async function nameOf(personId: string): Promise<string> {
  const { db } = await database();
  const [row] = await db.execute<{ name: string }>(sql`select name from people where id = ${personId}::uuid`);
  return defined(row).name;
}

describe("the Erase personal data dialog", () => {
  it("puts a wrong confirmation beside its field and erases nothing", async () => {
    const { db } = await database();
    const org = await createTestOrg(db);
    const ana = await org.addPerson({ name: "Ana Souza" });

    const state = await submit(org.admin.id, { personId: ana.id, confirmation: "Ana" });

    expect(state).toMatchObject({
      status: "error",
      fieldErrors: { confirmation: "That is not their name or email." },
    });
    expect(await nameOf(ana.id)).toBe("Ana Souza");
    expect(revalidated).toEqual([]);
  });

  it("erases once confirmed, refreshes the pages, and the audit log tells it without naming them", async () => {
    const { db } = await database();
    const org = await createTestOrg(db);
    const ana = await org.addPerson({ name: "Ana Souza" });
    const placeholder = `Erased person ${ana.id.slice(0, 6)}`;

    const state = await submit(org.admin.id, { personId: ana.id, confirmation: "ana souza" });

    expect(state).toMatchObject({
      status: "ok",
      message: `Personal data erased: they are ${placeholder} from now on.`,
    });
    expect(await nameOf(ana.id)).toBe(placeholder);
    expect(revalidated).toEqual(["/(app)"]);

    const { entries } = await listAuditLog(db, org.admin.actor, { limit: 1 });
    const entry = defined(entries[0]);
    const names = await getDisplayNames(db, org.admin.actor, idsToName([entry]));
    const described = describeEntry(entry, {
      names,
      timeZone: "UTC",
      pointValue: { points: 10, minor: 100, currency: "USD" },
    });
    expect(described).toMatchObject({ verb: "erased the personal data of", target: placeholder });
    expect(described.changes.map((change) => change.label)).toContain("Sign-in identities removed");
    expect(JSON.stringify(described)).not.toContain("Ana");
  });

  it("tells anyone but an admin of the org that they may not, or that there is no such person", async () => {
    const { db } = await database();
    const org = await createTestOrg(db);
    const other = await createTestOrg(db);
    const ana = await org.addPerson({ name: "Ana Souza" });
    const ben = await org.addPerson({ name: "Ben Okafor" });
    const fields = { personId: ana.id, confirmation: "Ana Souza" };

    expect(await submit(ben.id, fields)).toMatchObject({
      status: "error",
      message: "You don't have permission to do that.",
    });
    expect(await submit(other.admin.id, fields)).toMatchObject({
      status: "error",
      message: "That person isn't in your organization.",
    });
    expect(await submit(org.admin.id, { personId: org.admin.id, confirmation: "Admin" })).toMatchObject({
      status: "error",
      message: "You can't erase your own personal data; ask another admin.",
    });
    expect(await nameOf(ana.id)).toBe("Ana Souza");
  });
});
