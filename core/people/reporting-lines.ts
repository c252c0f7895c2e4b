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

/**
 * The ids of the people who report to `managerId`: directly, or through any depth of managers below
 * them. UNION (not UNION ALL) drops anyone already reached, so a malformed cycle ends the walk.
 */
export async function reportingLine(
  db: Executor,
  orgId: string,
  managerId: string,
  scope: "direct" | "all" = "all",
): Promise<string[]> {
  const direct = sql`select p.id from people p where p.org_id = ${orgId}::uuid and p.manager_id = ${managerId}::uuid`;
  const walk =
    scope === "direct"
      ? direct
      : sql`${direct}
        union
        select p.id from line join people p on p.org_id = ${orgId}::uuid and p.manager_id = line.id`;
  const rows = await db.execute<{ id: string }>(
    sql`with recursive line(id) as (${walk}) select id from line`,
  );
  return rows.map((row) => row.id);
}
