import { sql } from "drizzle-orm";
import type { Database } from "./client";
import journal from "./migrations/meta/_journal.json";

/** Where Drizzle's migrator records what it applied (its defaults). */
const APPLIED_MIGRATIONS = sql`drizzle.__drizzle_migrations`;
const UNDEFINED_TABLE = "42P01";

/**
 * How many of the migrations this code was built with the database has not had yet. Drizzle applies the
 * migrations newer than the newest it recorded, by the journal's timestamps, so this counts the same
 * way. A database never migrated has all of them pending.
 */
export async function countPendingMigrations(db: Database): Promise<number> {
  let newestApplied = Number.NEGATIVE_INFINITY;
  try {
    const [row] = await db.execute<{ newest: string | null }>(
      sql`select max(created_at)::text as newest from ${APPLIED_MIGRATIONS}`,
    );
    if (row?.newest) newestApplied = Number(row.newest);
  } catch (error) {
    if ((error as { cause?: { code?: unknown } }).cause?.code !== UNDEFINED_TABLE) throw error;
  }
  return journal.entries.filter((entry) => entry.when > newestApplied).length;
}
