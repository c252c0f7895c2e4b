import { afterAll, inject } from "vitest";
import { type Connection, connect } from "../../db/client";
import { adminDatabaseUrl, databaseUrl, templateDatabase, workerDatabaseName } from "./database-urls";

let workerConnection: Promise<Connection> | undefined;

/** The name of this worker's database, cloned from the run's migrated template on first use. */
export async function ensureWorkerDatabase(suffix = ""): Promise<string> {
  const runId = inject("testRunId");
  const name = workerDatabaseName(runId, `${process.env.VITEST_POOL_ID ?? "0"}${suffix}`);
  const admin = connect(adminDatabaseUrl, { max: 1 });
  try {
    const [exists] = await admin.sql`select 1 from pg_database where datname = ${name}`;
    if (!exists) await admin.sql.unsafe(`create database "${name}" template "${templateDatabase(runId)}"`);
  } finally {
    await admin.close();
  }
  return name;
}

/**
 * The worker's database. Call at module level in a test file; the pool closes after the file. Tests in
 * one worker share it and stay apart by creating their own orgs.
 */
export function workerDatabase(): () => Promise<Connection> {
  afterAll(async () => {
    const connection = await workerConnection;
    workerConnection = undefined;
    await connection?.close();
  });
  return () => {
    workerConnection ??= ensureWorkerDatabase().then((name) => connect(databaseUrl(name), { max: 20 }));
    return workerConnection;
  };
}
