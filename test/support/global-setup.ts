import { connect } from "../../db/client";
import { runMigrations } from "../../db/migrate";
import { adminDatabaseUrl, databaseUrl, TEMPLATE_DATABASE } from "./database-urls";

/** Builds a migrated template database once per run; each worker clones it (see ./database.ts). */
export default async function setup(): Promise<void> {
  const admin = connect(adminDatabaseUrl, { max: 1 });
  try {
    const stale = await admin.sql<{ datname: string }[]>`
      select datname from pg_database where datname like 'plaudit_test_%'`;
    for (const { datname } of stale) {
      await admin.sql.unsafe(`drop database if exists "${datname}" with (force)`);
    }
    await admin.sql.unsafe(`create database "${TEMPLATE_DATABASE}"`);
  } finally {
    await admin.close();
  }
  const template = connect(databaseUrl(TEMPLATE_DATABASE), { max: 1 });
  try {
    await runMigrations(template.db);
  } finally {
    await template.close();
  }
}
