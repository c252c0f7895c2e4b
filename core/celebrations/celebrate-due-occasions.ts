import { type SQL, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import type { Actor } from "../shared/actor";
import { type Clock, systemClock } from "../shared/clock";
import { failureMessage } from "../shared/errors";
import { localDate } from "../shared/periods";
import { authorize } from "../shared/permissions";
import { celebrateOccasion, type DueOccasion } from "./celebration-grant";
import { type CelebrationDay, celebrationDays } from "./occasion-calendar";

export interface CelebrationPass {
  celebrated: number;
  errors: { personId: string; message: string }[];
}

type OrgRow = { id: string; time_zone: string };

/**
 * Background work: on each active, non-bot person's birthday and work anniversary (one year or more), in
 * the org's time zone, a company grant of the org's points, a feed item (kept to the person when they
 * keep celebrations private), a direct message and a post in the celebration channel. Each pass looks
 * at today and the six days before, so a pass after downtime celebrates, belatedly, what a week missed,
 * and nothing older. A celebration row per person, occasion and year (unique) makes each happen once
 * however many passes and workers race; the grant's ledger key says the same.
 */
export async function celebrateDueOccasions(
  db: Database,
  actor: Actor,
  clock: Clock = systemClock,
): Promise<CelebrationPass> {
  authorize(actor, "run_background_work");
  const now = clock();
  const orgs = await db.execute<OrgRow>(sql`
    select id, time_zone from organizations
    where (birthday_points is not null or anniversary_points is not null)
      ${actor.kind === "operator" ? sql`` : sql`and id = ${actor.orgId}::uuid`}`);
  if (orgs.length === 0) return { celebrated: 0, errors: [] };

  const days = orgs.flatMap((org) =>
    celebrationDays(localDate(now, org.time_zone)).map((day) => ({ orgId: org.id, ...day })),
  );
  const due = await dueOccasions(db, days);
  const pass: CelebrationPass = { celebrated: 0, errors: [] };
  for (const occasion of due) {
    try {
      if (await celebrateOccasion(db, occasion, now)) pass.celebrated += 1;
    } catch (error) {
      pass.errors.push({ personId: occasion.personId, message: failureMessage(error) });
    }
  }
  return pass;
}

/**
 * The occasions that fall on the given days and have not been celebrated, in one statement. People are
 * matched by the month and day of their dates against the week's few, and the celebrated are passed over
 * by the once-a-year key's index, so a pass with nothing to do reads little more than the people table.
 */
async function dueOccasions(
  db: Database,
  days: (CelebrationDay & { orgId: string })[],
): Promise<DueOccasion[]> {
  const column = <Key extends keyof (typeof days)[number]>(key: Key) =>
    `{${days.map((day) => day[key]).join(",")}}`;
  // Month and day as one number (June 15th is 615): date_part reads it at half the cost of to_char.
  const monthDays = `{${days.map((day) => Number(day.monthDay.replace("-", ""))).join(",")}}`;
  const monthDayOf = (date: SQL) => sql`(date_part('month', ${date}) * 100 + date_part('day', ${date}))`;
  const rows = await db.execute<{
    org_id: string;
    person_id: string;
    occasion: DueOccasion["occasion"];
    year: number;
    celebrated_on: string;
    years: number | null;
  }>(sql`
    with w as (
      select * from unnest(${column("orgId")}::uuid[], ${monthDays}::float8[],
                           ${column("year")}::int[], ${column("celebratedOn")}::date[])
        as w(org_id, month_day, year, celebrated_on)
    ),
    o as (
      select o.id, o.birthday_points, o.anniversary_points,
             array_agg(w.month_day) as month_days
      from organizations o join w on w.org_id = o.id
      group by o.id
    ),
    candidates as (
      select p.org_id, p.id, p.birthday, p.hire_date, o.birthday_points, o.anniversary_points
      from o join people p on p.org_id = o.id and p.active and not p.is_bot
      where ${monthDayOf(sql`p.birthday`)} = any(o.month_days)
         or ${monthDayOf(sql`p.hire_date`)} = any(o.month_days)
    ),
    due as (
      select c.org_id, c.id as person_id, 'birthday'::celebration_occasion as occasion, w.year,
             w.celebrated_on, null::int as years
      from candidates c join w on w.org_id = c.org_id and w.month_day = ${monthDayOf(sql`c.birthday`)}
      where c.birthday_points is not null
      union all
      select c.org_id, c.id, 'work_anniversary', w.year, w.celebrated_on,
             w.year - extract(year from c.hire_date)::int
      from candidates c join w on w.org_id = c.org_id and w.month_day = ${monthDayOf(sql`c.hire_date`)}
      where c.anniversary_points is not null and w.year - extract(year from c.hire_date)::int >= 1
    )
    select d.org_id, d.person_id, d.occasion, d.year, to_char(d.celebrated_on, 'YYYY-MM-DD') as celebrated_on,
           d.years
    from due d
    where not exists (select 1 from celebrations x
                      where x.org_id = d.org_id and x.person_id = d.person_id and x.occasion = d.occasion
                        and x.year = d.year)
    order by d.org_id, d.celebrated_on, d.person_id, d.occasion`);
  return rows.map((row) => ({
    orgId: row.org_id,
    personId: row.person_id,
    occasion: row.occasion,
    year: Number(row.year),
    celebratedOn: row.celebrated_on,
    years: row.years === null ? null : Number(row.years),
  }));
}
