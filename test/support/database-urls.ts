/** The server tests run against; CI starts one on 127.0.0.1:5432 when none answers. */
export const adminDatabaseUrl =
  process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

/** Databases of one test run share a prefix, so runs side by side on one server never touch each other's. */
export function templateDatabase(runId: string): string {
  return `plaudit_test_${runId}_template`;
}

export function workerDatabaseName(runId: string, worker: string): string {
  return `plaudit_test_${runId}_w${worker}`;
}

export function databaseUrl(name: string): string {
  const url = new URL(adminDatabaseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
