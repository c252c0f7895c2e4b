import { type SQL, sql } from "drizzle-orm";
import type { Executor } from "../../db/client";

/**
 * The facts analytics are made of, in the shapes of the monthly rollups, read either from the rollups
 * or straight from the recognitions. The same SQL sums a stretch of recognitions into the rollups
 * (analytics-rollups.ts) and reads the stretch after the watermark, so the two can never disagree.
 */

/** The month of the org (`date`, its first day) that a time column falls in. */
const monthOf = (column: SQL, timeZone: SQL) =>
  sql`date_trunc('month', ${column} at time zone ${timeZone})::date`;

export interface Stretch {
  orgId: string;
  timeZone: string;
  from: Date;
  to: Date;
}

/**
 * A stretch as SQL: bound values for one org, or columns for many at once (the checks of
 * `npm run db:check` sum each org's history up to its watermark).
 */
export interface StretchSql {
  orgId: SQL;
  timeZone: SQL;
  from: SQL;
  to: SQL;
}

export const stretchSql = ({ orgId, timeZone, from, to }: Stretch): StretchSql => ({
  orgId: sql`${orgId}::uuid`,
  timeZone: sql`${timeZone}::text`,
  from: sql`${from.toISOString()}::timestamptz`,
  to: sql`${to.toISOString()}::timestamptz`,
});

/** [from, to) of a time column. */
const within = (column: SQL, { from, to }: StretchSql) => sql`${column} >= ${from} and ${column} < ${to}`;

/**
 * What each person gave and received, per month (a person may come twice in a month: once as giver,
 * once as recipient), and the part of what they received that the company gave. Add-ons count in the
 * points given, not as recognitions of their own.
 */
export function rawPersonFacts(stretch: StretchSql): SQL {
  const { orgId, timeZone } = stretch;
  return sql`
    select ${monthOf(sql`r.created_at`, timeZone)} as month, r.giver_id as person_id,
      (count(*) filter (where r.add_on_to is null))::bigint as given_count,
      sum(r.total_amount)::bigint as given_points, 0::bigint as received_count, 0::bigint as received_points,
      0::bigint as company_count, 0::bigint as company_points
    from recognitions r
    where r.org_id = ${orgId} and r.giver_id is not null and ${within(sql`r.created_at`, stretch)}
    group by 1, 2
    union all
    select ${monthOf(sql`rr.created_at`, timeZone)}, rr.person_id, 0, 0, count(*), sum(rr.amount),
      count(*) filter (where r.giver_id is null), coalesce(sum(rr.amount) filter (where r.giver_id is null), 0)
    from recognition_recipients rr
    join recognitions r on r.org_id = rr.org_id and r.id = rr.recognition_id
    where rr.org_id = ${orgId} and ${within(sql`rr.created_at`, stretch)}
    group by 1, 2`;
}

/** How many recognitions given by people of each department carried each value, per month. */
export function rawValueFacts(stretch: StretchSql): SQL {
  const { orgId, timeZone } = stretch;
  return sql`
    select ${monthOf(sql`r.created_at`, timeZone)} as month, coalesce(g.department, '') as department,
      rv.value_id, count(*)::bigint as recognitions
    from recognitions r
    join recognition_values rv on rv.org_id = r.org_id and rv.recognition_id = r.id
    join people g on g.org_id = r.org_id and g.id = r.giver_id
    where r.org_id = ${orgId} and ${within(sql`r.created_at`, stretch)}
    group by 1, 2, 3`;
}

/** Who recognised whom by department, per month: one per recipient; the company's own awards apart. */
export function rawFlowFacts(stretch: StretchSql): SQL {
  const { orgId, timeZone } = stretch;
  return sql`
    select ${monthOf(sql`rr.created_at`, timeZone)} as month, r.giver_id is null as from_company,
      coalesce(g.department, '') as giver_department, coalesce(p.department, '') as recipient_department,
      count(*)::bigint as recognitions, sum(rr.amount)::bigint as points
    from recognition_recipients rr
    join recognitions r on r.org_id = rr.org_id and r.id = rr.recognition_id
    left join people g on g.org_id = r.org_id and g.id = r.giver_id
    join people p on p.org_id = rr.org_id and p.id = rr.person_id
    where rr.org_id = ${orgId} and ${within(sql`rr.created_at`, stretch)}
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

/**
 * The rollup's rows of each person's months in the range, one per person and month (none when the
 * rollups hold nothing of the range): the tail's few rows are added to them by person and month.
 */
export const rolledUpPersonMonths = (source: FactSource) =>
  source.rolledUp
    ? sql`select month, person_id, given_count::bigint as gc, given_points as gp, received_count::bigint as rc,
        received_points as rp, company_count::bigint as cc, company_points as cp
      from analytics_person_months where ${monthsOf(source)}`
    : sql`select null::date as month, null::uuid as person_id, 0::bigint as gc, 0::bigint as gp, 0::bigint as rc,
        0::bigint as rp, 0::bigint as cc, 0::bigint as cp where false`;

export const valueFacts = (source: FactSource) =>
  facts(
    source,
    sql`analytics_value_months`,
    sql`month, department, value_id, recognitions::bigint`,
    rawValueFacts(stretchSql(source.tail)),
  );

export const flowFacts = (source: FactSource) =>
  facts(
    source,
    sql`analytics_flow_months`,
    sql`month, from_company, giver_department, recipient_department, recognitions::bigint, points`,
    rawFlowFacts(stretchSql(source.tail)),
  );
