import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { IDLE } from "../../app/_lib/form-state";
import { findManagers } from "../../app/(app)/admin/people/actions";
import { appPoolOnWorkerDatabase } from "../support/app-database";
import { workerDatabase } from "../support/database";
import { createTestOrg } from "../support/factories";

/** The browser's session: the person signed in, or nobody. */
const browser = vi.hoisted(() => ({ personId: null as string | null }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("@/app/_lib/auth", () => ({
  auth: async () =>
    browser.personId ? { personId: browser.personId, expires: "2099-01-01T00:00:00Z" } : null,
  signIn: async () => {},
  signOut: async () => {},
}));

const database = workerDatabase();

appPoolOnWorkerDatabase();
afterEach(() => {
  browser.personId = null;
});

const APP = path.resolve(import.meta.dirname, "../../app");

/** Every module of server actions under app/: the functions anyone signed in can call with anything. */
function actionModules(): string[] {
  return readdirSync(APP, { recursive: true, encoding: "utf8" })
    .filter((file) => /\.tsx?$/.test(file))
    .filter((file) => /^\s*["']use server["']/.test(readFileSync(path.join(APP, file), "utf8")))
    .map((file) => path.join(APP, file));
}

/** A refusal as each kind of action tells it: a form's error state, a lookup's, or a connection check's. */
function refusalOf(answer: unknown): string | undefined {
  const shaped = answer as { status?: string; ok?: boolean; message?: string } | undefined;
  const refused = shaped?.status === "error" || shaped?.ok === false;
  return refused ? shaped?.message : undefined;
}

async function employee() {
  const { db } = await database();
  const org = await createTestOrg(db);
  return org.addPerson({ name: "Eve Employee", roles: ["employee"] });
}

describe("server actions called by someone they refuse", () => {
  it("answer the manager search with why, rather than failing", async () => {
    browser.personId = (await employee()).id;
    const answer = await findManagers("admin");
    expect(answer).toEqual({ status: "error", message: expect.stringMatching(/\S/) });
  });

  it("all answer, and every one an employee may not use answers a refusal, whatever they are sent", async () => {
    browser.personId = (await employee()).id;
    const modules = actionModules();
    expect(modules.length).toBeGreaterThan(10);
    const outcomes: Record<string, string> = {};
    for (const file of modules) {
      const actions = (await import(file)) as Record<string, unknown>;
      for (const [name, action] of Object.entries(actions)) {
        if (typeof action !== "function") continue;
        // Forms take (previous state, form data); the others a form or a text.
        const args = action.length >= 2 ? [IDLE, new FormData()] : [new FormData()];
        const answer = await (action as (...args: unknown[]) => Promise<unknown>)(...args);
        const refusal = refusalOf(answer);
        outcomes[`${path.relative(APP, file)}: ${name}`] =
          refusal === undefined ? String((answer as { status?: string }).status) : "refused";
      }
    }
    const refused = Object.keys(outcomes).filter((where) => outcomes[where] === "refused");
    expect(refused.length).toBeGreaterThan(20);
    // Searching colleagues to thank is open to everyone (an empty search finds them all), and so are
    // marking one's own notifications read and saving one's own reminder choices.
    expect(Object.entries(outcomes).filter(([, outcome]) => outcome !== "refused")).toEqual([
      [path.join("(app)", "_give", "actions.ts: searchPeople"), "ok"],
      [path.join("(app)", "notifications", "actions.ts: markAllRead"), "ok"],
      [path.join("(app)", "settings", "actions.ts: savePreferences"), "ok"],
    ]);
  });
});
