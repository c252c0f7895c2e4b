import { afterAll } from "vitest";
import { type Connection, connect } from "../../db/client";
import { adminDatabaseUrl, databaseUrl, TEMPLATE_DATABASE } from "./database-urls";

let workerConnection: Promise<Connection> | undefined;

async function openWorkerDatabase(): Promise<Connection> {
  // Each vitest worker gets its own clone of the migrated template; tests inside it isolate by org.
  const name = `plaudit_test_w${process.env.VITEST_POOL_ID ?? "0"}`;
  const admin = connect(adminDatabaseUrl, { max: 1 });
  try {
    const [exists] = await admin.sql`select 1 from pg_database where datname = ${name}`;
    if (!exists) await admin.sql.unsafe(`create database "${name}" template "${TEMPLATE_DATABASE}"`);
  } finally {
    await admin.close();
  }
  return connect(databaseUrl(name), { max: 20 });
}

/** The worker's database. Call at module level in a test file; the pool closes after the file. */
export function useTestDatabase(): () => Promise<Connection> {
  afterAll(async () => {
    const connection = await workerConnection;
    workerConnection = undefined;
    await connection?.close();
  });
  return () => {
    workerConnection ??= openWorkerDatabase();
    return workerConnection;
  };
}
