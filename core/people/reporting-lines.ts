import { sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { arrayLiteral } from "../shared/sql-array";

/**
 * Which of `personIds` report to `managerId`, directly or through managers below them. Walks the
 * chain upwards from each person; the depth cap stops a malformed cycle from looping.
 */
export async function reportsAmong(
  db: Executor,
  orgId: string,
  managerId: string,
  personIds: readonly string[],
): Promise<Set<string>> {
  if (personIds.length === 0) return new Set();
  const rows = await db.execute<{ id: string }>(sql`
    with recursive chain(person_id, manager_id, depth) as (
      select p.id, p.manager_id, 1 from people p
      where p.org_id = ${orgId}::uuid and p.id = any(${arrayLiteral(personIds)}::uuid[])
      union all
      select c.person_id, m.manager_id, c.depth + 1 from chain c
      join people m on m.org_id = ${orgId}::uuid and m.id = c.manager_id
      where c.depth < 50
    )
    select distinct person_id as id from chain where manager_id = ${managerId}::uuid`);
  return new Set(rows.map((row) => row.id));
}
