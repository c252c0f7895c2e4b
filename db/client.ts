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
  /** How long opening a connection may take before the query waiting for it fails (default 10 s). */
  connectTimeoutMs?: number;
  /** PostgreSQL's `statement_timeout` for every statement on these connections; 0 (the default) is none. */
  statementTimeoutMs?: number;
}

/** Idle connections are closed after this, so a pool sized for a burst gives its server connections back. */
const IDLE_TIMEOUT_SECONDS = 60;
/** The longest a query waits before its connection tries the server again after failing to reach it. */
const MAX_RECONNECT_DELAY_SECONDS = 0.5;

/**
 * postgres.js's own delay before reconnecting, capped. Uncapped it grows to 20 s after a few failures, and
 * a query waits out the whole delay before its connection even tries: while the database is away a
 * request would hang for that long instead of failing at once, and would go on hanging for up to 20 s
 * after it is back.
 */
function reconnectDelay(retries: number): number {
  return Math.min((0.5 + Math.random() / 2) * (3 ** retries / 100), MAX_RECONNECT_DELAY_SECONDS);
}

/** The only place that opens database connections. */
export function connect(url: string, options: ConnectOptions = {}): Connection {
  const sql = postgres(url, {
    max: options.max ?? 10,
    prepare: options.prepare ?? true,
    onnotice: () => {},
    connect_timeout: (options.connectTimeoutMs ?? 10_000) / 1000,
    idle_timeout: IDLE_TIMEOUT_SECONDS,
    backoff: reconnectDelay,
    connection: {
      application_name: "plaudit",
      // No JIT: Plaudit's statements are short, and a plan whose estimate passes jit_above_cost (a bill's
      // line pages, with their per-credit count) spent ~180 ms compiling to run in 3 ms.
      jit: "off",
      statement_timeout: options.statementTimeoutMs ?? 0,
    },
  });
  return { db: drizzle(sql, { schema }), sql, close: () => sql.end({ timeout: 5 }) };
}

export function databaseUrlFromEnv(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set. Run `npm start` for the embedded database, or set it.");
  return url;
}

/**
 * Who a connection works for, which decides how long a statement may run. A web request nobody waits for
 * past a few seconds must not hold a connection for minutes; background work closes bills and syncs
 * catalogs; the operator's commands (migrations, imports, ledger checks over everything) run as long as
 * they need and are stopped with Ctrl-C.
 */
export type ConnectionUse = "app" | "worker" | "operator";

const STATEMENT_TIMEOUT_MS: Record<ConnectionUse, number> = { app: 15_000, worker: 60_000, operator: 0 };
const CONNECT_TIMEOUT_MS = 3_000;

function millisecondsFromEnv(name: string, fallback: number): number {
  const text = process.env[name];
  if (text === undefined || text === "") return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`${name} must be a whole number of milliseconds, not "${text}".`);
  }
  return value;
}

/** The timeouts of a connection for `use`, from the environment where the operator set them. */
function timeoutsFor(use: ConnectionUse): Pick<ConnectOptions, "connectTimeoutMs" | "statementTimeoutMs"> {
  return {
    connectTimeoutMs: millisecondsFromEnv("PLAUDIT_DB_CONNECT_TIMEOUT_MS", CONNECT_TIMEOUT_MS),
    statementTimeoutMs:
      use === "app"
        ? millisecondsFromEnv("PLAUDIT_DB_STATEMENT_TIMEOUT_MS", STATEMENT_TIMEOUT_MS.app)
        : STATEMENT_TIMEOUT_MS[use],
  };
}

export function connectFromEnv(use: ConnectionUse): Connection {
  const embedded = process.env.PLAUDIT_EMBEDDED_DB === "1";
  return connect(databaseUrlFromEnv(), {
    ...timeoutsFor(use),
    ...(embedded ? { max: 1, prepare: false } : {}),
  });
}

// On globalThis rather than in a module variable: the server bundles this module into several chunks, each
// with its own copy of module state, and the embedded database takes exactly one connection per process.
const processWide = globalThis as typeof globalThis & { plauditConnection?: Connection };

/** The app's connection pool, opened on first use so that importing this module (as `next build` does) never connects. */
export function getDb(): Database {
  processWide.plauditConnection ??= connectFromEnv("app");
  return processWide.plauditConnection.db;
}

/** Closes the app's pool; the next `getDb()` opens a new one (for shutdown, and for tests that switch databases). */
export async function closeDb(): Promise<void> {
  const connection = processWide.plauditConnection;
  processWide.plauditConnection = undefined;
  await connection?.close();
}
