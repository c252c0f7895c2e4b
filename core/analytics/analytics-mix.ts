import { type SQL, sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { arrayLiteral } from "../shared/sql-array";
import { type FactSource, flowFacts, valueFacts } from "./analytics-facts";
import type { MonthRange } from "./analytics-filters";
import type { AnalyticsScope } from "./analytics-scoping";
import { perMonth } from "./analytics-series";

/**
 * Which values were used and which departments recognise which. For the whole org (or one of its
 * departments) they come from the department rollups; a manager's line is a set of people the
 * department rollups can't narrow to, so what the line gave is read from its own recognitions, through
 * the index by giver, and what it received from the person rollups.
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

/**
 * Flows among the line and between it and everyone else, whose departments stay unnamed. Only what the
 * line gave is read recognition by recipient (through the index by giver); what the people counted
 * received comes from the person rollups, less its company part and what the line gave them: the rest
 * came from outside.
 */
function lineFlows(scope: AnalyticsScope, source: FactSource, range: MonthRange): SQL {
  const visible = sql`(select unnest(${arrayLiteral(scope.line ?? [])}::uuid[]))`;
  const counted = sql`(select unnest(${members(scope)}::uuid[]))`;
  const org = sql`${scope.orgId}::uuid`;
  return sql`
    with given as materialized (
      select r.giver_id, rr.person_id, rr.amount, rr.person_id in ${visible} as inside
      from recognitions r
      join recognition_recipients rr on rr.org_id = r.org_id and rr.recognition_id = r.id
      where r.org_id = ${org} and r.giver_id in ${visible} and ${within(sql`r.created_at`, range)}
    ), received as (
      select person_id, sum(rc) as rc, sum(rp) as rp, sum(cc) as cc, sum(cp) as cp
      from (${perMonth(scope, source)}) m group by person_id
    ), from_line as (
      select person_id, count(*) as n, sum(amount) as points from given
      where person_id in ${counted} group by person_id
    ), flows as (
      select false as from_company, coalesce(g.department, '') as giver_department,
        case when x.inside then coalesce(p.department, '') end as recipient_department,
        count(*) as recognitions, sum(x.amount) as points
      from given x
      join people g on g.org_id = ${org} and g.id = x.giver_id
      join people p on p.org_id = ${org} and p.id = x.person_id
      where x.giver_id in ${counted} or x.person_id in ${counted}
      group by 1, 2, 3
      union all
      select true, '', coalesce(p.department, ''), sum(r.cc), sum(r.cp)
      from received r join people p on p.org_id = ${org} and p.id = r.person_id
      where r.cc > 0 group by 3
      union all
      select false, null, coalesce(p.department, ''), sum(r.rc - r.cc - coalesce(l.n, 0)),
        sum(r.rp - r.cp - coalesce(l.points, 0))
      from received r join people p on p.org_id = ${org} and p.id = r.person_id
      left join from_line l on l.person_id = r.person_id
      where r.rc - r.cc - coalesce(l.n, 0) > 0 group by 3
    )
    select * from flows`;
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
    select * from (${scope.line ? lineFlows(scope, source, range) : orgFlows(scope, source)}) f
    order by recognitions desc, giver_department, recipient_department`);
  return rows.map((row) => ({
    from: row.from_company ? { kind: "company" } : end(row.giver_department),
    to: end(row.recipient_department),
    recognitions: Number(row.recognitions),
    points: Number(row.points),
  }));
}
