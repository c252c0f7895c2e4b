import { type SQL, sql } from "drizzle-orm";
import type { Executor } from "../../db/client";

/**
 * The facts analytics are made of, in the shapes of the monthly rollups, read either from the rollups
 * or straight from the recognitions. The same SQL sums a stretch of recognitions into the rollups
 * (analytics-rollups.ts) and reads the stretch after the watermark, so the two can never disagree.
 */

/** The month of the org (`date`, its first day) that a time column falls in. */
const monthOf = (column: SQL, timeZone: string) =>
  sql`date_trunc('month', ${column} at time zone ${timeZone})::date`;

/** [from, to) of a time column, both ISO instants. */
const within = (column: SQL, from: Date, to: Date) =>
  sql`${column} >= ${from.toISOString()}::timestamptz and ${column} < ${to.toISOString()}::timestamptz`;

export interface Stretch {
  orgId: string;
  timeZone: string;
  from: Date;
  to: Date;
}

/**
 * What each person gave and received, per month (a person may come twice in a month: once as giver,
 * once as recipient). Add-ons count in the points given, not as recognitions of their own.
 */
export function rawPersonFacts({ orgId, timeZone, from, to }: Stretch): SQL {
  return sql`
    select ${monthOf(sql`r.created_at`, timeZone)} as month, r.giver_id as person_id,
      (count(*) filter (where r.add_on_to is null))::bigint as given_count,
      sum(r.total_amount)::bigint as given_points, 0::bigint as received_count, 0::bigint as received_points
    from recognitions r
    where r.org_id = ${orgId}::uuid and r.giver_id is not null and ${within(sql`r.created_at`, from, to)}
    group by 1, 2
    union all
    select ${monthOf(sql`rr.created_at`, timeZone)}, rr.person_id, 0, 0, count(*), sum(rr.amount)
    from recognition_recipients rr
    where rr.org_id = ${orgId}::uuid and ${within(sql`rr.created_at`, from, to)}
    group by 1, 2`;
}

/** How many recognitions given by people of each department carried each value, per month. */
export function rawValueFacts({ orgId, timeZone, from, to }: Stretch): SQL {
  return sql`
    select ${monthOf(sql`r.created_at`, timeZone)} as month, coalesce(g.department, '') as department,
      rv.value_id, count(*)::bigint as recognitions
    from recognitions r
    join recognition_values rv on rv.org_id = r.org_id and rv.recognition_id = r.id
    join people g on g.org_id = r.org_id and g.id = r.giver_id
    where r.org_id = ${orgId}::uuid and ${within(sql`r.created_at`, from, to)}
    group by 1, 2, 3`;
}

/** Who recognised whom by department, per month: one per recipient; the company's own awards apart. */
export function rawFlowFacts({ orgId, timeZone, from, to }: Stretch): SQL {
  return sql`
    select ${monthOf(sql`rr.created_at`, timeZone)} as month, r.giver_id is null as from_company,
      coalesce(g.department, '') as giver_department, coalesce(p.department, '') as recipient_department,
      count(*)::bigint as recognitions, sum(rr.amount)::bigint as points
    from recognition_recipients rr
    join recognitions r on r.org_id = rr.org_id and r.id = rr.recognition_id
    left join people g on g.org_id = r.org_id and g.id = r.giver_id
    join people p on p.org_id = rr.org_id and p.id = rr.person_id
    where rr.org_id = ${orgId}::uuid and ${within(sql`rr.created_at`, from, to)}
    group by 1, 2, 3, 4`;
}

/**
 * Where a read finds its facts: the rollups' months of the range, which hold every recognition before
 * `through`, and the recognitions from `through` (or the range's start) to its end, read one by one.
 */
export interface FactSource {
  orgId: string;
  timeZone: string;
  /** First and last month of the range, `YYYY-MM`. */
  fromMonth: string;
  toMonth: string;
  /** What is left to read from the recognitions themselves. */
  tail: Stretch;
  /** Whether the rollups hold anything of the range. */
  rolledUp: boolean;
}

/** The org's watermark, unless its totals were summed in another time zone (they are redone). */
export async function factSource(
  db: Executor,
  range: { orgId: string; timeZone: string; from: string; to: string; start: Date; end: Date },
): Promise<FactSource> {
  const [mark] = await db.execute<{ through: string }>(sql`
    select to_json(through) #>> '{}' as through from analytics_watermarks
    where org_id = ${range.orgId}::uuid and time_zone = ${range.timeZone}`);
  const through = mark ? new Date(mark.through) : null;
  const tailFrom = through && through > range.start ? through : range.start;
  return {
    orgId: range.orgId,
    timeZone: range.timeZone,
    fromMonth: range.from,
    toMonth: range.to,
    tail: {
      orgId: range.orgId,
      timeZone: range.timeZone,
      from: new Date(Math.min(tailFrom.getTime(), range.end.getTime())),
      to: range.end,
    },
    rolledUp: through !== null && through > range.start,
  };
}

const monthsOf = (source: FactSource) =>
  sql`org_id = ${source.orgId}::uuid and month >= ${`${source.fromMonth}-01`}::date
    and month <= ${`${source.toMonth}-01`}::date`;

/** Rollup rows, then the tail; `columns` picks the same columns of both. */
function facts(source: FactSource, table: SQL, columns: SQL, raw: SQL): SQL {
  if (!source.rolledUp) return raw;
  return sql`select ${columns} from ${table} where ${monthsOf(source)} union all ${raw}`;
}

export const personFacts = (source: FactSource) =>
  facts(
    source,
    sql`analytics_person_months`,
    sql`month, person_id, given_count::bigint, given_points, received_count::bigint, received_points`,
    rawPersonFacts(source.tail),
  );

export const valueFacts = (source: FactSource) =>
  facts(
    source,
    sql`analytics_value_months`,
    sql`month, department, value_id, recognitions::bigint`,
    rawValueFacts(source.tail),
  );

export const flowFacts = (source: FactSource) =>
  facts(
    source,
    sql`analytics_flow_months`,
    sql`month, from_company, giver_department, recipient_department, recognitions::bigint, points`,
    rawFlowFacts(source.tail),
  );
