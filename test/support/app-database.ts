import { afterAll, beforeAll } from "vitest";
import { closeDb } from "../../db/client";
import { ensureWorkerDatabase } from "./database";
import { databaseUrl } from "./database-urls";

/**
 * The app's own pool, which route handlers and server actions open from DATABASE_URL on first use,
 * pointed at this worker's database for the file's tests and closed after them.
 */
export function appPoolOnWorkerDatabase(): void {
  beforeAll(async () => {
    process.env.DATABASE_URL = databaseUrl(await ensureWorkerDatabase());
  });
  afterAll(closeDb);
}
