import { drizzle, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema";

export type Database = PostgresJsDatabase<typeof schema> & { $client: postgres.Sql };
/** A Drizzle handle inside `db.transaction(...)`; core use cases accept either. */
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
export type Executor = Database | Transaction;

/**
 * The postgres.js client behind a handle, inside a transaction too, for what Drizzle does not offer:
 * rows as arrays (`.values()`), which a million-line export reads far faster than as objects. Reaches
 * into Drizzle's session, in this one place.
 */
export function sqlOf(db: Executor): postgres.Sql {
  if ("$client" in db) return db.$client;
  return (db as unknown as { session: { client: postgres.Sql } }).session.client;
}

export interface Connection {
  db: Database;
  sql: postgres.Sql;
  close: () => Promise<void>;
}

export interface ConnectOptions {
  /** Pool size; the embedded PGlite server serves one connection at a time. */
  max?: number;
  /** The embedded server cannot keep prepared statements across its single shared session. */
  prepare?: boolean;
}

/** The only place that opens database connections. */
export function connect(url: string, options: ConnectOptions = {}): Connection {
  const sql = postgres(url, {
    max: options.max ?? 10,
    prepare: options.prepare ?? true,
    onnotice: () => {},
    // No JIT: Plaudit's statements are short, and a plan whose estimate passes jit_above_cost (a bill's
    // line pages, with their per-credit count) spent ~180 ms compiling to run in 3 ms.
    connection: { application_name: "plaudit", jit: "off" },
  });
  return { db: drizzle(sql, { schema }), sql, close: () => sql.end({ timeout: 5 }) };
}

export function databaseUrlFromEnv(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set. Run `npm start` for the embedded database, or set it.");
  return url;
}

export function connectFromEnv(): Connection {
  const embedded = process.env.PLAUDIT_EMBEDDED_DB === "1";
  return connect(databaseUrlFromEnv(), embedded ? { max: 1, prepare: false } : {});
}

// On globalThis rather than in a module variable: the server bundles this module into several chunks, each
// with its own copy of module state, and the embedded database takes exactly one connection per process.
const processWide = globalThis as typeof globalThis & { plauditConnection?: Connection };

/** The app's connection pool, opened on first use so that importing this module (as `next build` does) never connects. */
export function getDb(): Database {
  processWide.plauditConnection ??= connectFromEnv();
  return processWide.plauditConnection.db;
}

/** Closes the app's pool; the next `getDb()` opens a new one (for shutdown, and for tests that switch databases). */
export async function closeDb(): Promise<void> {
  const connection = processWide.plauditConnection;
  processWide.plauditConnection = undefined;
  await connection?.close();
}
