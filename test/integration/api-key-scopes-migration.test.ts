import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import { describe, expect, inject, it } from "vitest";
import { hashApiKey, newApiKey } from "../../core/org/api-key-secret";
import { authenticateApiKey } from "../../core/org/authenticate-api-key";
import { API_SCOPES } from "../../core/shared/api-scopes";
import { connect } from "../../db/client";
import { migrationsFolder, runMigrations } from "../../db/migrate";
import { defined } from "../support/assertions";
import { adminDatabaseUrl, databaseUrl, workerDatabaseName } from "../support/database-urls";

/** The migrations as they were before keys had scopes: the folder cut just before api_key_scopes. */
async function migrationsBeforeScopes(): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), "plaudit-migrations-"));
  await cp(migrationsFolder, folder, { recursive: true });
  const journalFile = path.join(folder, "meta", "_journal.json");
  const journal = JSON.parse(await readFile(journalFile, "utf8")) as { entries: { tag: string }[] };
  const cut = journal.entries.findIndex((entry) => entry.tag.includes("_api_key_scopes"));
  expect(cut).toBeGreaterThan(0);
  await writeFile(journalFile, JSON.stringify({ ...journal, entries: journal.entries.slice(0, cut) }));
  return folder;
}

describe("the migration that gave API keys scopes", () => {
  it("gives a key made before it every scope, so its integration keeps working, and new keys no default", async () => {
    const name = workerDatabaseName(inject("testRunId"), `${process.env.VITEST_POOL_ID ?? "0"}scopes`);
    const admin = connect(adminDatabaseUrl, { max: 1 });
    await admin.sql.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.sql.unsafe(`create database "${name}"`);
    const connection = connect(databaseUrl(name), { max: 2 });
    const before = await migrationsBeforeScopes();
    try {
      await migrate(connection.db, { migrationsFolder: before });
      // Written in SQL, as the schema stood then: the use cases write today's schema.
      const [org] = await connection.sql<{ id: string }[]>`
        insert into organizations (name, slug) values ('Old Co', 'old-co') returning id`;
      const orgId = defined(org, "the org").id;
      const { key, prefix } = newApiKey();
      await connection.sql`
        insert into api_keys (org_id, name, prefix, secret_hash)
        values (${orgId}, 'Workday sync', ${prefix}, ${hashApiKey(key)})`;

      await runMigrations(connection.db);

      const { actor } = await authenticateApiKey(connection.db, key);
      expect(actor.apiKey.scopes).toEqual([...API_SCOPES]);
      await expect(
        connection.sql`
          insert into api_keys (org_id, name, prefix, secret_hash)
          values (${orgId}, 'No scopes', 'plaudit_x', ${hashApiKey(newApiKey().key)})`,
      ).rejects.toThrow(/scopes/);
    } finally {
      await connection.close();
      await admin.sql.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.close();
      await rm(before, { recursive: true, force: true });
    }
  });
});
