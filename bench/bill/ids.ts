import type postgres from "postgres";

/**
 * Takes `count` consecutive ids from a table's id sequence and returns the first. The seed numbers its
 * rows itself from there, so that one set-based statement can point at rows another one writes (an
 * entry at its transaction, a transaction at its account) without looking anything up.
 */
export async function reserveIds(
  sql: postgres.TransactionSql,
  table: string,
  count: number,
): Promise<number> {
  if (count < 1) return 0;
  const [row] = await sql<{ first: string }[]>`
    select setval(pg_get_serial_sequence(${table}, 'id'), nextval(pg_get_serial_sequence(${table}, 'id')) + ${count} - 1)
      - ${count} + 1 as first`;
  if (!row) throw new Error(`no ids reserved for ${table}`);
  return Number(row.first);
}
