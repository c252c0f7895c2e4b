import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { IDLE } from "../../app/_lib/form-state";
import { closeDb } from "../../db/client";
import { expectLedgerClean } from "../support/assertions";
import { ensureWorkerDatabase, workerDatabase } from "../support/database";
import { databaseUrl } from "../support/database-urls";
import { createTestOrg } from "../support/factories";
import { anyJson, anyText, dateText, fuzzParameters, idText, oddNumber } from "../support/fuzz";

/**
 * Every server action of the signed-in app, called by someone holding every role with fuzzed form
 * fields: each answers (a refusal comes back as its form's state) or ends in Next's redirect or
 * not-found signal, never an exception, and the ledger reconciles afterwards.
 */

const browser = vi.hoisted(() => ({ personId: null as string | null }));
vi.mock("@/app/_lib/auth", () => ({
  auth: async () =>
    browser.personId ? { personId: browser.personId, expires: "2099-01-01T00:00:00Z" } : null,
  signIn: async () => {},
  signOut: async () => {},
}));
// Outside a request there is no page cache to refresh.
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

const database = workerDatabase();

beforeAll(async () => {
  process.env.DATABASE_URL = databaseUrl(await ensureWorkerDatabase());
  for (const name of ["GIVES", "REDEMPTIONS"]) vi.stubEnv(`PLAUDIT_RATE_LIMIT_${name}`, "1000000/1m");
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await closeDb();
});

const APP_PAGES = path.resolve(import.meta.dirname, "../../app/(app)");

interface ActionModule {
  file: string;
  source: string;
}

function actionModules(): ActionModule[] {
  return readdirSync(APP_PAGES, { recursive: true, encoding: "utf8" })
    .filter((file) => path.basename(file) === "actions.ts")
    .map((file) => ({ file, source: readFileSync(path.join(APP_PAGES, file), "utf8") }));
}

/** The form fields a module reads, as its source names them. */
function fieldNames(source: string): string[] {
  const reads = source.matchAll(/(?:Field|texts|textList|\.get|\.getAll)\(\s*\w*,?\s*"(\w+)"/g);
  const idempotent = source.includes("formIdempotencyKey(") ? ["idempotencyKey"] : [];
  return [...new Set([...[...reads].map((match) => match[1] ?? ""), ...idempotent])].filter(Boolean);
}

/** Lookups typed as they are called from the browser: with anything at all, not only a form. */
function takesAnything(source: string, name: string): boolean {
  return new RegExp(`export async function ${name}\\(\\w+: unknown\\)`).test(source);
}

const modules = actionModules();
const actions = await Promise.all(
  modules.map(async ({ file, source }) => {
    const exported = (await import(path.join(APP_PAGES, file))) as Record<string, unknown>;
    return Object.entries(exported)
      .filter(
        (entry): entry is [string, (...args: unknown[]) => Promise<unknown>] =>
          typeof entry[1] === "function",
      )
      .map(([name, action]) => ({
        where: `${file}: ${name}`,
        action,
        fields: fieldNames(source),
        source,
        name,
      }));
  }),
).then((lists) => lists.flat());

/** What a person would type into the field, guessed from its name. */
function saneValue(field: string, knownIds: string[]): fc.Arbitrary<string> {
  if (field === "idempotencyKey") return fc.uuid();
  if (/ids?$/i.test(field)) return fc.constantFrom(...knownIds.slice(2));
  if (/amount|price|stock|days|threshold|value(money|minor)/i.test(field))
    return fc.integer({ min: 1, max: 20 }).map(String);
  if (/email/i.test(field)) return fc.stringMatching(/^[a-z]{1,10}@[a-z]{1,6}\.test$/);
  if (field === "values") return fc.constant("ownership");
  return fc.stringMatching(/^[A-Za-z][A-Za-z ]{0,20}$/);
}

function oddValue(knownIds: string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: idText(knownIds), weight: 2 },
    { arbitrary: oddNumber.map(String), weight: 1 },
    {
      arbitrary: fc.constantFrom("on", "true", "false", "OWNERSHIP", "USD", "tremendous", "admin"),
      weight: 1,
    },
    { arbitrary: dateText, weight: 1 },
    { arbitrary: anyText, weight: 3 },
  );
}

/**
 * Every field the action reads, filled in as a person would, then up to two of them changed to something
 * odd, left out or sent twice: one bad field at a time reaches past the first check.
 */
function formData(fields: string[], knownIds: string[]): fc.Arbitrary<FormData> {
  const sane = fc.tuple(
    ...fields.map((field) => saneValue(field, knownIds).map((value) => [field, value] as const)),
  );
  const changes =
    fields.length === 0
      ? fc.constant([])
      : fc.array(
          fc.tuple(
            fc.constantFrom(...fields),
            fc.option(oddValue(knownIds), { nil: undefined }),
            fc.boolean(),
          ),
          {
            maxLength: 2,
          },
        );
  const extra = fc.array(fc.tuple(anyText, anyText), { maxLength: 1 });
  return fc.tuple(sane, changes, extra).map(([filled, changed, others]) => {
    const form = new FormData();
    for (const [name, value] of filled) form.append(name, value);
    for (const [name, value, twice] of changed) {
      if (value === undefined) form.delete(name);
      else if (twice) form.append(name, value);
      else form.set(name, value);
    }
    for (const [name, value] of others) form.append(name, value);
    return form;
  });
}

/** Next's redirect() and notFound() end an action by throwing these, and the framework answers them. */
function isNextSignal(error: unknown): boolean {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return (
    typeof digest === "string" &&
    (digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_HTTP_ERROR_FALLBACK;404"))
  );
}

function expectAnswered(answer: unknown, what: string): void {
  const refusal = answer as { status?: unknown; message?: unknown } | undefined;
  if (refusal?.status === "error") {
    expect(typeof refusal.message, what).toBe("string");
    expect(String(refusal.message).trim().length, what).toBeGreaterThan(0);
  }
}

describe("server actions under fuzzed form fields", () => {
  it("finds the actions and the fields they read", () => {
    expect(actions.length).toBeGreaterThan(25);
    expect(actions.find((found) => found.name === "give")?.fields).toEqual(
      expect.arrayContaining(["recipientIds", "amount", "message", "values"]),
    );
  });

  it.each(actions.map((found) => [found.where, found] as const))(
    "%s answers whatever it is sent",
    async (where, found) => {
      const { db } = await database();
      const org = await createTestOrg(db);
      await org.addValues("ownership");
      const everyRole = await org.addPerson({ roles: ["employee", "manager", "admin", "finance"] });
      const colleagues = await org.addPeople(2, { managerId: everyRole.id });
      browser.personId = everyRole.id;
      const knownIds = [org.admin.id, everyRole.id, ...colleagues.map((person) => person.id)];
      const argument = takesAnything(found.source, found.name)
        ? fc.oneof(formData(found.fields, knownIds), anyText, anyJson)
        : formData(found.fields, knownIds);
      await fc.assert(
        fc.asyncProperty(argument, async (sent) => {
          const args = found.action.length >= 2 ? [IDLE, sent] : [sent];
          const what = `${where} ${JSON.stringify(sent instanceof FormData ? [...sent.entries()] : sent).slice(0, 400)}`;
          try {
            expectAnswered(await found.action(...args), what);
          } catch (error) {
            if (!isNextSignal(error)) throw new Error(`${what} threw: ${error}`, { cause: error });
          }
        }),
        fuzzParameters(20),
      );
      await expectLedgerClean(db, org.id);
    },
  );
});
