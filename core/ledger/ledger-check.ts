import type { SQL } from "drizzle-orm";

/** One invariant: a query returning the rows that break it, with the org column to scope it by. */
export interface LedgerCheck {
  name: string;
  /** The org column of the query's main table, for scoping to one org. */
  orgColumn: string;
  query: (orgFilter: SQL) => SQL;
}
