import { type SQL, sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { reportingLine } from "../people/reporting-lines";
import type { Actor } from "../shared/actor";
import { DomainError } from "../shared/errors";
import { arrayLiteral } from "../shared/sql-array";

/**
 * Whom an actor's analytics are about. An admin sees the whole org; a manager their reporting line
 * (everyone under them, at any depth, themselves not included) and nothing of anyone else: a
 * recognition between someone of the line and someone outside it counts, but the outsider shows only
 * as "outside". Departments are people's current ones.
 */
export interface AnalyticsScope {
  orgId: string;
  /** The manager's reporting line; null when the actor sees the whole org. */
  line: string[] | null;
  /** The department the figures are narrowed to, if any. */
  department: string | null;
  /** The departments there are to narrow to: of the org, or of the line. */
  departments: string[];
  /** Who is counted: the line narrowed to the department (null: the org's people, by `department`). */
  members: string[] | null;
}

async function departmentsOf(db: Executor, orgId: string, line: string[] | null): Promise<string[]> {
  const rows = await db.execute<{ department: string }>(sql`
    select distinct p.department, lower(p.department) from people p
    where p.org_id = ${orgId}::uuid and not p.is_bot and trim(coalesce(p.department, '')) <> ''
      ${line ? sql`and p.id = any(${arrayLiteral(line)}::uuid[])` : sql``}
    -- The database collation sorts by byte, which would put "marketing" after "Sales".
    order by lower(p.department), p.department`);
  return rows.map((row) => row.department);
}

/** The scope of an actor already authorised to view analytics. */
export async function analyticsScope(
  db: Executor,
  actor: Actor,
  department: string | undefined,
): Promise<AnalyticsScope> {
  if (actor.kind !== "person") throw new DomainError("forbidden", "Analytics are for people to read.");
  const { orgId, personId } = actor;
  const line = actor.roles.includes("admin")
    ? null
    : (await reportingLine(db, orgId, personId)).filter((id) => id !== personId);
  const departments = await departmentsOf(db, orgId, line);
  const chosen = department ? department : null;
  if (chosen !== null && !departments.includes(chosen)) {
    throw new DomainError("invalid", "Choose a department from the list.", { field: "department" });
  }
  let members = line;
  if (line && chosen !== null && line.length > 0) {
    const rows = await db.execute<{ id: string }>(sql`
      select p.id from people p
      where p.org_id = ${orgId}::uuid and p.id = any(${arrayLiteral(line)}::uuid[])
        and p.department = ${chosen}`);
    members = rows.map((row) => row.id);
  }
  return { orgId, line, department: chosen, departments, members };
}

/** Whether the person in `column` is counted. */
export function inScope(scope: AnalyticsScope, column: SQL): SQL {
  if (scope.members) return sql`${column} = any(${arrayLiteral(scope.members)}::uuid[])`;
  if (scope.department === null) return sql`true`;
  return sql`${column} in (select d.id from people d
    where d.org_id = ${scope.orgId}::uuid and d.department = ${scope.department})`;
}
