import { performance } from "node:perf_hooks";
import { drizzle } from "drizzle-orm/postgres-js";
import type postgres from "postgres";
import type { Database } from "../../db/client";
import * as schema from "../../db/schema";

export function formatMs(value: number): string {
  return `${value.toFixed(2)} ms`;
}

/** One statement exactly as Drizzle sent it: text with $n placeholders, and its parameters. */
export interface Statement {
  query: string;
  params: unknown[];
}

export interface StatementRecorder {
  /** A Drizzle handle on the same pool that records every statement it sends. */
  db: Database;
  /** Runs `work` and returns what it returned with the statements it sent, in order. */
  record<T>(work: (db: Database) => Promise<T>): Promise<{ result: T; statements: Statement[] }>;
}

/**
 * Records statements through Drizzle's logger rather than rebuilding them, so that what gets timed and
 * explained is byte for byte what the use case sends. Meant for one caller at a time.
 */
export function statementRecorder(sql: postgres.Sql): StatementRecorder {
  let recording: Statement[] | null = null;
  const db = drizzle(sql, {
    schema,
    logger: {
      logQuery(query, params) {
        recording?.push({ query, params });
      },
    },
  });
  return {
    db,
    async record(work) {
      recording = [];
      try {
        const result = await work(db);
        return { result, statements: recording };
      } finally {
        recording = null;
      }
    },
  };
}

/** Sends the statement as Drizzle does for raw SQL: unnamed, so it is parsed and planned on every call. */
function send(sql: postgres.Sql, statement: Statement) {
  return sql.unsafe(statement.query, statement.params as postgres.ParameterOrJSON<never>[]);
}

/**
 * Client-side milliseconds per call, one call at a time, until `budgetMs` has passed or `maxRuns` calls
 * have run (but at least `minRuns`). Includes the loopback round trip and planning, as the app pays them.
 */
export async function timeStatement(
  sql: postgres.Sql,
  statement: Statement,
  { budgetMs = 2000, minRuns = 10, maxRuns = 500 } = {},
): Promise<number[]> {
  await send(sql, statement);
  const latencies: number[] = [];
  const deadline = performance.now() + budgetMs;
  while (latencies.length < maxRuns && (latencies.length < minRuns || performance.now() < deadline)) {
    const began = performance.now();
    await send(sql, statement);
    latencies.push(performance.now() - began);
  }
  return latencies;
}

/** `EXPLAIN (ANALYZE, BUFFERS)` of the statement with its parameters, as text. */
export async function explainAnalyze(sql: postgres.Sql, statement: Statement): Promise<string> {
  const rows = await sql.unsafe<{ "QUERY PLAN": string }[]>(
    `explain (analyze, buffers) ${statement.query}`,
    statement.params as postgres.ParameterOrJSON<never>[],
  );
  return rows.map((row) => row["QUERY PLAN"]).join("\n");
}
