import { sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { type FactSource, rawPersonFacts, rolledUpPersonMonths, stretchSql } from "./analytics-facts";
import type { MonthRange } from "./analytics-filters";
import { type AnalyticsScope, inScope } from "./analytics-scoping";

export interface MonthFigures {
  /** `YYYY-MM`. */
  month: string;
  /** People counted in the month: everyone active now, and those who left during it or since. */
  people: number;
  /** Of them, how many gave (or added to a recognition) and how many received. */
  givers: number;
  receivers: number;
  recognitionsGiven: number;
  pointsGiven: number;
  /** One per recipient: a recognition of three people is three received. */
  recognitionsReceived: number;
  pointsReceived: number;
}

export interface PersonFigures {
  personId: string;
  name: string;
  department: string | null;
  active: boolean;
  recognitions: number;
  points: number;
}

/** How many people the top lists name. */
export const TOP_PEOPLE = 10;

/**
 * Each counted person's figures per month: the rollup's row (unique per person and month) plus the
 * tail's, joined rather than summed together, so the year's rows of the rollup are read once and never
 * regrouped. Columns: month, person_id, gc/gp given, rc/rp received, cc/cp of it from the company.
 */
export const perMonth = (scope: AnalyticsScope, source: FactSource) => sql`
  with tail as (
    select month, person_id, sum(given_count)::bigint as gc, sum(given_points)::bigint as gp,
      sum(received_count)::bigint as rc, sum(received_points)::bigint as rp,
      sum(company_count)::bigint as cc, sum(company_points)::bigint as cp
    from (${rawPersonFacts(stretchSql(source.tail))}) t where ${inScope(scope, sql`t.person_id`)}
    group by month, person_id
  )
  select coalesce(a.month, t.month) as month, coalesce(a.person_id, t.person_id) as person_id,
    coalesce(a.gc, 0) + coalesce(t.gc, 0) as gc, coalesce(a.gp, 0) + coalesce(t.gp, 0) as gp,
    coalesce(a.rc, 0) + coalesce(t.rc, 0) as rc, coalesce(a.rp, 0) + coalesce(t.rp, 0) as rp,
    coalesce(a.cc, 0) + coalesce(t.cc, 0) as cc, coalesce(a.cp, 0) + coalesce(t.cp, 0) as cp
  from (select * from (${rolledUpPersonMonths(source)}) r where ${inScope(scope, sql`r.person_id`)}) a
  full join tail t on t.month = a.month and t.person_id = a.person_id`;

type MonthRow = Record<keyof MonthFigures, number | string>;
type TopRow = { person_id: string; name: string; department: string | null; active: boolean } & Record<
  "recognitions" | "points",
  number | string
>;

const toPerson = (row: TopRow): PersonFigures => ({
  personId: row.person_id,
  name: row.name,
  department: row.department,
  active: row.active,
  recognitions: Number(row.recognitions),
  points: Number(row.points),
});

/**
 * Participation and the recognitions and points of each month of the range (empty months included),
 * and the people who gave and who received the most points over it, most first. One statement: each
 * person's month is summed once (the rollup's rows and the tail's) and read both ways.
 */
export async function monthsAndTops(
  db: Executor,
  scope: AnalyticsScope,
  source: FactSource,
  range: MonthRange,
): Promise<{ months: MonthFigures[]; givers: PersonFigures[]; receivers: PersonFigures[] }> {
  const [row] = await db.execute<{
    months: MonthRow[] | null;
    givers: TopRow[] | null;
    receivers: TopRow[] | null;
  }>(sql`
    with per_month as materialized (${perMonth(scope, source)}), by_month as (
      select month, count(*) filter (where gp > 0) as givers, count(*) filter (where rc > 0) as receivers,
        sum(gc) as gc, sum(gp) as gp, sum(rc) as rc, sum(rp) as rp
      from per_month group by month
    ), months as (
      select m::date as month
      from generate_series(${`${range.from}-01`}::date, ${`${range.to}-01`}::date, interval '1 month') m
    ), counted as materialized (
      select p.active, p.deactivated_at from people p
      where p.org_id = ${scope.orgId}::uuid and not p.is_bot and ${inScope(scope, sql`p.id`)}
    ), leavers as materialized (
      select deactivated_at from counted where not active
    ), headcount as (
      -- Everyone active now is in every month; a leaver in the months up to the one they left in.
      select m.month, (select count(*) from counted where active)
        + (select count(*) from leavers l where l.deactivated_at >= m.month::timestamp at time zone ${source.timeZone})
        as people
      from months m
    ), per_person as (
      select person_id, sum(gc)::bigint as gc, sum(gp)::bigint as gp, sum(rc)::bigint as rc, sum(rp)::bigint as rp
      from per_month group by person_id
    ), top as (
      -- Ranked by figures alone first, ties at the edge kept, so only a few people are looked up by name.
      select side, person_id, recognitions, points, rank() over (partition by side order by points desc, recognitions desc) as place
      from (
        select 'giver' as side, person_id, gc as recognitions, gp as points from per_person where gp > 0
        union all
        select 'receiver', person_id, rc, rp from per_person where rc > 0
      ) t
    ), ranked as (
      select top.*, p.name, p.department, p.active,
        row_number() over (partition by side order by points desc, recognitions desc, lower(p.name), p.id) as place_by_name
      from top join people p on p.org_id = ${scope.orgId}::uuid and p.id = top.person_id
      where top.place <= ${TOP_PEOPLE}
    )
    select
      (select json_agg(json_build_object('month', to_char(m.month, 'YYYY-MM'), 'people', coalesce(h.people, 0),
          'givers', coalesce(b.givers, 0), 'receivers', coalesce(b.receivers, 0),
          'recognitionsGiven', coalesce(b.gc, 0), 'pointsGiven', coalesce(b.gp, 0),
          'recognitionsReceived', coalesce(b.rc, 0), 'pointsReceived', coalesce(b.rp, 0)) order by m.month)
        from months m left join by_month b on b.month = m.month left join headcount h on h.month = m.month)
        as months,
      (select json_agg(r order by r.place_by_name) from ranked r
        where r.side = 'giver' and r.place_by_name <= ${TOP_PEOPLE}) as givers,
      (select json_agg(r order by r.place_by_name) from ranked r
        where r.side = 'receiver' and r.place_by_name <= ${TOP_PEOPLE}) as receivers`);
  return {
    months: (row?.months ?? []).map((m) => ({
      month: String(m.month),
      people: Number(m.people),
      givers: Number(m.givers),
      receivers: Number(m.receivers),
      recognitionsGiven: Number(m.recognitionsGiven),
      pointsGiven: Number(m.pointsGiven),
      recognitionsReceived: Number(m.recognitionsReceived),
      pointsReceived: Number(m.pointsReceived),
    })),
    givers: (row?.givers ?? []).map(toPerson),
    receivers: (row?.receivers ?? []).map(toPerson),
  };
}
