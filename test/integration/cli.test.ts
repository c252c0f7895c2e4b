import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { grantPoints } from "../../core/giving/grant-points";
import { type Connection, connect } from "../../db/client";
import { organizations, people } from "../../db/schema";
import { defined } from "../support/assertions";
import { ensureWorkerDatabase } from "../support/database";
import { databaseUrl } from "../support/database-urls";

const root = path.resolve(import.meta.dirname, "../..");
const tsx = path.join(root, "node_modules", ".bin", "tsx");
const run = promisify(execFile);

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

// The CLI gets a database of its own, so that what it prints depends on nothing other tests write.
let url: string;
let connection: Connection;
let workDir: string;

beforeAll(async () => {
  url = databaseUrl(await ensureWorkerDatabase("_cli"));
  connection = connect(url, { max: 1 });
  workDir = await mkdtemp(path.join(tmpdir(), "plaudit-cli-"));
});

afterAll(async () => {
  await connection?.close();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

async function cli(args: string[], env: Record<string, string | undefined> = {}): Promise<Outcome> {
  try {
    const { stdout, stderr } = await run(tsx, ["scripts/cli.ts", ...args], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: url, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: unknown; stdout?: string; stderr?: string };
    if (typeof failed.code !== "number") throw error;
    return { code: failed.code, stdout: failed.stdout ?? "", stderr: failed.stderr ?? "" };
  }
}

async function csvFile(name: string, text: string): Promise<string> {
  const file = path.join(workDir, name);
  await writeFile(file, text);
  return file;
}

async function orgPeople(slug: string) {
  return connection.db
    .select({ email: people.email })
    .from(people)
    .innerJoin(organizations, eq(organizations.id, people.orgId))
    .where(eq(organizations.slug, slug));
}

const createOrgArgs = (slug: string) => [
  "create-org",
  "--name",
  "CLI Org",
  "--slug",
  slug,
  "--time-zone",
  "Europe/Berlin",
  "--currency",
  "eur",
  "--admin-name",
  "Ada Admin",
  "--admin-email",
  `ada@${slug}.test`,
];

describe("the operator CLI", { timeout: 60_000 }, () => {
  it("creates an org, and refuses a taken slug without a stack trace", async () => {
    const created = await cli(createOrgArgs("cli-org"));
    expect(created).toMatchObject({ code: 0, stderr: "" });
    expect(created.stdout).toMatch(/^Created organization cli-org \([0-9a-f-]{36}\)\./);
    const [org] = await connection.db.select().from(organizations).where(eq(organizations.slug, "cli-org"));
    expect(org).toMatchObject({ timeZone: "Europe/Berlin", currency: "EUR" });
    expect(await orgPeople("cli-org")).toEqual([{ email: "ada@cli-org.test" }]);

    const again = await cli(createOrgArgs("cli-org"));
    expect(again.code).toBe(1);
    expect(again.stderr).toBe('error: An organization with the slug "cli-org" already exists.\n');
  });

  it("prints row errors with line numbers, writes nothing and exits 1", async () => {
    await cli(createOrgArgs("cli-import"));
    const file = await csvFile(
      "people.csv",
      "name,email,manager_email\r\nBo,bo@cli-import.test,ada@cli-import.test\r\nCy,cy-at-example,bo@cli-import.test\r\n",
    );
    const outcome = await cli(["import-people", "--org", "cli-import", file]);
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toBe(
      `${file}:3: email: "cy-at-example" is not a valid email address.\n` +
        "1 of 2 rows have errors; nothing was written.\n",
    );
    expect(await orgPeople("cli-import")).toHaveLength(1);

    await writeFile(file, "name,email,manager_email\nBo,bo@cli-import.test,ada@cli-import.test\n");
    const fixed = await cli(["import-people", "--org", "cli-import", file]);
    expect(fixed).toMatchObject({ code: 0, stderr: "" });
    expect(fixed.stdout).toBe(`Imported ${file}: created 1, updated 0, left 0 unchanged.\n`);
    expect(await orgPeople("cli-import")).toHaveLength(2);
  });

  // Six runs of the CLI, each starting a process.
  it("erases a person on request, after a dry run, only when told --yes", { timeout: 150_000 }, async () => {
    await cli(createOrgArgs("cli-erase"));
    const file = await csvFile("erase.csv", "name,email\nBo Brown,bo@cli-erase.test\n");
    await cli(["import-people", "--org", "cli-erase", file]);
    const [bo] = await connection.db.select().from(people).where(eq(people.email, "bo@cli-erase.test"));
    const { id, orgId } = defined(bo);
    const [ada] = await connection.db.select().from(people).where(eq(people.email, "ada@cli-erase.test"));
    const admin = { kind: "person", orgId, personId: defined(ada).id, roles: ["employee", "admin"] } as const;
    await grantPoints(connection.db, admin, {
      recipientIds: [id],
      amount: 30,
      message: "For Bo Brown's launch",
      idempotencyKey: "cli-erase",
    });
    const args = ["erase-person", "--org", "cli-erase", "--email", "bo@cli-erase.test"];

    const unconfirmed = await cli(args);
    expect(unconfirmed.code).toBe(2);
    expect(unconfirmed.stderr).toMatch(
      /^error: Erasing can't be undone: add --yes to erase, or --dry-run to see what would change\.\n/,
    );
    const placeholder = `"Erased person ${id.slice(0, 6)}" <erased-${id}@erased.invalid>`;
    const dryRun = await cli([...args, "--dry-run"]);
    expect(dryRun).toMatchObject({ code: 0, stderr: "" });
    expect(dryRun.stdout).toBe(
      [
        `Dry run: would erase bo@cli-erase.test in cli-erase: from now on ${placeholder}.`,
        "Deactivated first; the org's leaver policy keeps their earned points.",
        "Replaced: 1 recognition message, 1 ledger memo and 1 audit entry.",
        "Removed: nothing.",
        "Kept: the ledger and every amount.",
        "Nothing was written.",
        "",
      ].join("\n"),
    );
    expect(await orgPeople("cli-erase")).toContainEqual({ email: "bo@cli-erase.test" });

    const erased = await cli([...args, "--yes"]);
    expect(erased).toMatchObject({ code: 0, stderr: "" });
    expect(erased.stdout).toBe(
      dryRun.stdout
        .replace("Dry run: would erase", "Erased")
        .replace("Nothing was written.", "Recorded in the audit log. This can't be undone."),
    );
    const [after] = await connection.db.select().from(people).where(eq(people.id, id));
    expect(after).toMatchObject({ name: `Erased person ${id.slice(0, 6)}`, active: false });

    const again = await cli([...args, "--yes"]);
    expect(again.code).toBe(1);
    expect(again.stderr).toBe("error: No one with the email bo@cli-erase.test is in your organization.\n");
    const byPlaceholder = await cli([...args.slice(0, 3), "--email", `erased-${id}@erased.invalid`, "--yes"]);
    expect(byPlaceholder).toMatchObject({ code: 0, stderr: "" });
    expect(byPlaceholder.stdout).toMatch(/was erased on \d{4}-\d\d-\d\dT[\d:.]+Z; nothing changed\.\n$/);
  });

  it("reports a consistent ledger with exit 0", async () => {
    const outcome = await cli(["check-ledger"]);
    expect(outcome).toMatchObject({ code: 0, stderr: "" });
    expect(outcome.stdout).toMatch(/^ledger ok: \d+ organizations?, \d+ accounts?, /);
  });

  it("exits 2 for a wrong invocation or a missing DATABASE_URL", async () => {
    const missing = await cli(["import-people", "people.csv"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^error: --org is required\.\nusage: npm run cli -- import-people /);

    expect((await cli(["frobnicate"])).code).toBe(2);

    const unset = await cli(["check-ledger"], { DATABASE_URL: undefined });
    expect(unset.code).toBe(2);
    expect(unset.stderr).toMatch(/^error: DATABASE_URL is not set/);
  });
});
