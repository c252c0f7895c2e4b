import { sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { type FactSource, personFacts } from "./analytics-facts";
import type { MonthRange } from "./analytics-filters";
import { type AnalyticsScope, inScope } from "./analytics-scope";

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

const scopedFacts = (scope: AnalyticsScope, source: FactSource) =>
  sql`select * from (${personFacts(source)}) f where ${inScope(scope, sql`f.person_id`)}`;

/** Participation and the recognitions and points of each month of the range, empty months included. */
export async function monthlyFigures(
  db: Executor,
  scope: AnalyticsScope,
  source: FactSource,
  range: MonthRange,
): Promise<MonthFigures[]> {
  const rows = await db.execute<Record<keyof MonthFigures, string>>(sql`
    with per_person as (
      select month, person_id, sum(given_count) as gc, sum(given_points) as gp, sum(received_count) as rc,
        sum(received_points) as rp
      from (${scopedFacts(scope, source)}) f group by month, person_id
    ), by_month as (
      select month, count(*) filter (where gp > 0) as givers, count(*) filter (where rc > 0) as receivers,
        sum(gc) as gc, sum(gp) as gp, sum(rc) as rc, sum(rp) as rp
      from per_person group by month
    ), months as (
      select m::date as month
      from generate_series(${`${range.from}-01`}::date, ${`${range.to}-01`}::date, interval '1 month') m
    ), headcount as (
      select m.month, count(*) as people from months m
      join people p on p.org_id = ${scope.orgId}::uuid and not p.is_bot
        and (p.active or p.deactivated_at >= m.month::timestamp at time zone ${source.timeZone})
        and ${inScope(scope, sql`p.id`)}
      group by m.month
    )
    select to_char(m.month, 'YYYY-MM') as month, coalesce(h.people, 0) as people,
      coalesce(b.givers, 0) as givers, coalesce(b.receivers, 0) as receivers,
      coalesce(b.gc, 0) as "recognitionsGiven", coalesce(b.gp, 0) as "pointsGiven",
      coalesce(b.rc, 0) as "recognitionsReceived", coalesce(b.rp, 0) as "pointsReceived"
    from months m left join by_month b on b.month = m.month left join headcount h on h.month = m.month
    order by m.month`);
  return rows.map((row) => ({
    month: row.month,
    people: Number(row.people),
    givers: Number(row.givers),
    receivers: Number(row.receivers),
    recognitionsGiven: Number(row.recognitionsGiven),
    pointsGiven: Number(row.pointsGiven),
    recognitionsReceived: Number(row.recognitionsReceived),
    pointsReceived: Number(row.pointsReceived),
  }));
}

/** The people who gave and who received the most points over the range, most first. */
export async function topPeople(
  db: Executor,
  scope: AnalyticsScope,
  source: FactSource,
): Promise<{ givers: PersonFigures[]; receivers: PersonFigures[] }> {
  const rows = await db.execute<{
    side: "giver" | "receiver";
    person_id: string;
    name: string;
    department: string | null;
    active: boolean;
    recognitions: string;
    points: string;
  }>(sql`
    with per_person as (
      select person_id, sum(given_count) as gc, sum(given_points) as gp, sum(received_count) as rc,
        sum(received_points) as rp
      from (${scopedFacts(scope, source)}) f group by person_id
    ), ranked as (
      select t.*, p.name, p.department, p.active,
        row_number() over (partition by t.side order by t.points desc, t.recognitions desc, lower(p.name), p.id) as place
      from (
        select 'giver' as side, person_id, gc as recognitions, gp as points from per_person where gp > 0
        union all
        select 'receiver', person_id, rc, rp from per_person where rc > 0
      ) t
      join people p on p.org_id = ${scope.orgId}::uuid and p.id = t.person_id
    )
    select side, person_id, name, department, active, recognitions, points from ranked
    where place <= ${TOP_PEOPLE} order by side, place`);
  const figures = (side: "giver" | "receiver") =>
    rows
      .filter((row) => row.side === side)
      .map((row) => ({
        personId: row.person_id,
        name: row.name,
        department: row.department,
        active: row.active,
        recognitions: Number(row.recognitions),
        points: Number(row.points),
      }));
  return { givers: figures("giver"), receivers: figures("receiver") };
}
