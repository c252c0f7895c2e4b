import { type SQL, sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { arrayLiteral } from "../shared/sql-array";
import { type FactSource, flowFacts, valueFacts } from "./analytics-facts";
import type { MonthRange } from "./analytics-filters";
import type { AnalyticsScope } from "./analytics-scope";

/**
 * Which values were used and which departments recognise which. For the whole org (or one of its
 * departments) they come from the department rollups; a manager's line is a set of people the
 * rollups can't narrow to, so it is read from the line's own recognitions, through the indexes by
 * giver and by recipient.
 */

export interface ValueUse {
  valueId: string;
  name: string;
  retired: boolean;
  /** Recognitions given by the people counted that carried this value. */
  recognitions: number;
}

/** One end of a flow: a department, no department, someone outside the manager's line, the company. */
export type FlowEnd =
  | { kind: "department"; name: string }
  | { kind: "no_department" }
  | { kind: "outside" }
  | { kind: "company" };

export interface Flow {
  from: FlowEnd;
  to: FlowEnd;
  /** One per recipient. */
  recognitions: number;
  points: number;
}

const within = (column: SQL, range: MonthRange) =>
  sql`${column} >= ${range.start.toISOString()}::timestamptz and ${column} < ${range.end.toISOString()}::timestamptz`;

const members = (scope: AnalyticsScope) => arrayLiteral(scope.members ?? []);

export async function valueUses(
  db: Executor,
  scope: AnalyticsScope,
  source: FactSource,
  range: MonthRange,
): Promise<ValueUse[]> {
  const counts = scope.line
    ? // Each recognition's values by its key: a line gives a few thousand, of a million in the org.
      sql`select rv.value_id, count(*) as recognitions from recognitions r
        cross join lateral (select v.value_id from recognition_values v
          where v.recognition_id = r.id and v.org_id = r.org_id offset 0) rv
        where r.org_id = ${scope.orgId}::uuid and r.giver_id = any(${members(scope)}::uuid[])
          and ${within(sql`r.created_at`, range)}
        group by rv.value_id`
    : sql`select value_id, sum(recognitions) as recognitions from (${valueFacts(source)}) f
        ${scope.department === null ? sql`` : sql`where f.department = ${scope.department}`}
        group by value_id`;
  const rows = await db.execute<{
    value_id: string;
    name: string;
    retired: boolean;
    recognitions: string;
  }>(sql`
    select c.value_id, v.name, v.retired_at is not null as retired, c.recognitions
    from (${counts}) c join company_values v on v.org_id = ${scope.orgId}::uuid and v.id = c.value_id
    order by c.recognitions desc, v.name`);
  return rows.map((row) => ({
    valueId: row.value_id,
    name: row.name,
    retired: row.retired,
    recognitions: Number(row.recognitions),
  }));
}

/** Flows among the line and between it and everyone else, whose departments stay unnamed. */
function lineFlows(scope: AnalyticsScope, range: MonthRange): SQL {
  const visible = sql`(select unnest(${arrayLiteral(scope.line ?? [])}::uuid[]))`;
  const counted = sql`(select unnest(${members(scope)}::uuid[]))`;
  // Each branch carries what the count needs, so nothing is joined back to the million recipients.
  return sql`
    with touching as (
      select rr.recognition_id, rr.person_id, rr.amount, r.giver_id from recognition_recipients rr
      join recognitions r on r.org_id = rr.org_id and r.id = rr.recognition_id
      where rr.org_id = ${scope.orgId}::uuid and rr.person_id in ${counted} and ${within(sql`rr.created_at`, range)}
      union
      select rr.recognition_id, rr.person_id, rr.amount, r.giver_id from recognitions r
      join recognition_recipients rr on rr.org_id = r.org_id and rr.recognition_id = r.id
      where r.org_id = ${scope.orgId}::uuid and r.giver_id in ${counted} and ${within(sql`r.created_at`, range)}
    )
    select t.giver_id is null as from_company,
      case when t.giver_id is null then '' when t.giver_id in ${visible} then coalesce(g.department, '') end
        as giver_department,
      case when t.person_id in ${visible} then coalesce(p.department, '') end as recipient_department,
      count(*) as recognitions, sum(t.amount) as points
    from touching t
    left join people g on g.org_id = ${scope.orgId}::uuid and g.id = t.giver_id
    join people p on p.org_id = ${scope.orgId}::uuid and p.id = t.person_id
    group by 1, 2, 3`;
}

function orgFlows(scope: AnalyticsScope, source: FactSource): SQL {
  const department = scope.department;
  return sql`
    select from_company, giver_department, recipient_department, sum(recognitions) as recognitions,
      sum(points) as points
    from (${flowFacts(source)}) f
    ${
      department === null
        ? sql``
        : sql`where (not f.from_company and f.giver_department = ${department})
            or f.recipient_department = ${department}`
    }
    group by 1, 2, 3`;
}

const end = (department: string | null): FlowEnd =>
  department === null
    ? { kind: "outside" }
    : department === ""
      ? { kind: "no_department" }
      : { kind: "department", name: department };

/** Recognitions by the giver's department and the recipient's, most first. */
export async function departmentFlows(
  db: Executor,
  scope: AnalyticsScope,
  source: FactSource,
  range: MonthRange,
): Promise<Flow[]> {
  const rows = await db.execute<{
    from_company: boolean;
    giver_department: string | null;
    recipient_department: string | null;
    recognitions: string;
    points: string;
  }>(sql`
    select * from (${scope.line ? lineFlows(scope, range) : orgFlows(scope, source)}) f
    order by recognitions desc, giver_department, recipient_department`);
  return rows.map((row) => ({
    from: row.from_company ? { kind: "company" } : end(row.giver_department),
    to: end(row.recipient_department),
    recognitions: Number(row.recognitions),
    points: Number(row.points),
  }));
}
