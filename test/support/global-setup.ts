import { randomBytes } from "node:crypto";
import type { TestProject } from "vitest/node";
import { connect } from "../../db/client";
import { runMigrations } from "../../db/migrate";
import { adminDatabaseUrl, databaseUrl, templateDatabase } from "./database-urls";

declare module "vitest" {
  export interface ProvidedContext {
    testRunId: string;
  }
}

function redactPassword(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = "***";
  return parsed.toString();
}

async function dropRunDatabases(runId: string): Promise<void> {
  const admin = connect(adminDatabaseUrl, { max: 1 });
  try {
    const databases = await admin.sql<{ datname: string }[]>`
      select datname from pg_database where datname like ${`plaudit_test_${runId}_%`}`;
    for (const { datname } of databases) {
      await admin.sql.unsafe(`drop database if exists "${datname}" with (force)`);
    }
  } finally {
    await admin.close();
  }
}

/** Builds a migrated template database once per run; each worker clones it (see ./database.ts). */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const runId = randomBytes(4).toString("hex");
  const admin = connect(adminDatabaseUrl, { max: 1 });
  try {
    await admin.sql`select 1`.catch((error: unknown) => {
      throw new Error(
        `No PostgreSQL answers at ${redactPassword(adminDatabaseUrl)} (${String(error)}). Start one, or set ` +
          "TEST_DATABASE_URL to a superuser URL; on Debian, `bash .ci/run` installs and starts one.",
      );
    });
    await admin.sql.unsafe(`create database "${templateDatabase(runId)}"`);
  } finally {
    await admin.close();
  }
  const template = connect(databaseUrl(templateDatabase(runId)), { max: 1 });
  try {
    await runMigrations(template.db);
  } finally {
    await template.close();
  }
  project.provide("testRunId", runId);
  return () => dropRunDatabases(runId);
}
