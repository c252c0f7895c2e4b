import { sql } from "drizzle-orm";
import type { Database, Executor } from "../../db/client";
import { rawFlowFacts, rawPersonFacts, rawValueFacts, type Stretch, stretchSql } from "./analytics-facts";

/**
 * A recognition is summed into the rollups once nothing can still be written before it: gives date
 * their rows at the moment they are made (the database's clock, whatever a test's clock says), and
 * this margin covers transactions still committing. A back-dated row lands before the watermark
 * anyway, and its trigger starts the org's totals again (migration 0022).
 */
const SETTLED_AFTER = "15 minutes";
/** A watermark this close to the settled time waits for the next pass: the tail read stays short. */
const STEP_AT_LEAST_MS = 5 * 60_000;
/** Months summed per org in one pass, each in a transaction of its own. */
const MONTHS_PER_PASS = 12;

/** The lock the clearing triggers take too: the watermark moves only with every row before it seen. */
const lockOrg = (tx: Executor, orgId: string) =>
  tx.execute(sql`select pg_advisory_xact_lock(hashtextextended('plaudit_analytics ' || ${orgId}, 0))`);

type Step = {
  timeZone: string;
  /** Where the stretch starts: the watermark, or the org's first recognition. */
  from: string | null;
  /** The end of `from`'s month, or the settled time if sooner. */
  to: string | null;
  settled: string;
};

/** Where the next stretch lies; a watermark of another time zone is dropped with its totals. */
async function nextStep(tx: Executor, orgId: string, now: Date): Promise<Step> {
  const [step] = await tx.execute<Step & { stale: boolean }>(sql`
    with org as (
      select o.time_zone, least(${now.toISOString()}::timestamptz, now()) - ${SETTLED_AFTER}::interval as settled
      from organizations o where o.id = ${orgId}::uuid
    ), mark as (
      select w.through, w.time_zone <> org.time_zone as stale from analytics_watermarks w, org
      where w.org_id = ${orgId}::uuid
    ), start as (
      select coalesce(
        (select through from mark where not stale),
        (select min(r.created_at) from recognitions r where r.org_id = ${orgId}::uuid)) as at
    )
    select org.time_zone as "timeZone", to_json(start.at) #>> '{}' as "from",
      to_json(least(org.settled,
        (date_trunc('month', start.at at time zone org.time_zone) + interval '1 month')
          at time zone org.time_zone)) #>> '{}' as "to",
      to_json(org.settled) #>> '{}' as settled,
      coalesce((select stale from mark), false) as stale
    from org, start`);
  if (!step) throw new Error(`No organization ${orgId}`);
  if (step.stale) await tx.execute(sql`select plaudit_clear_analytics(${orgId}::uuid)`);
  return step;
}

/** Adds one stretch of recognitions to the rollups. */
async function sumStretch(tx: Executor, stretch: Stretch): Promise<void> {
  const org = sql`${stretch.orgId}::uuid`;
  const rows = stretchSql(stretch);
  await tx.execute(sql`
    insert into analytics_person_months as a (org_id, month, person_id, given_count, given_points,
      received_count, received_points, company_count, company_points)
    select ${org}, month, person_id, sum(given_count), sum(given_points), sum(received_count),
      sum(received_points), sum(company_count), sum(company_points)
    from (${rawPersonFacts(rows)}) f group by month, person_id
    on conflict (org_id, month, person_id) do update set
      given_count = a.given_count + excluded.given_count, given_points = a.given_points + excluded.given_points,
      received_count = a.received_count + excluded.received_count,
      received_points = a.received_points + excluded.received_points,
      company_count = a.company_count + excluded.company_count,
      company_points = a.company_points + excluded.company_points`);
  await tx.execute(sql`
    insert into analytics_value_months as a (org_id, month, department, value_id, recognitions)
    select ${org}, month, department, value_id, recognitions from (${rawValueFacts(rows)}) f
    on conflict (org_id, month, department, value_id) do update set
      recognitions = a.recognitions + excluded.recognitions`);
  await tx.execute(sql`
    insert into analytics_flow_months as a
      (org_id, month, from_company, giver_department, recipient_department, recognitions, points)
    select ${org}, month, from_company, giver_department, recipient_department, recognitions, points
    from (${rawFlowFacts(rows)}) f
    on conflict (org_id, month, from_company, giver_department, recipient_department) do update set
      recognitions = a.recognitions + excluded.recognitions, points = a.points + excluded.points`);
}

/**
 * Moves one org's watermark on by up to MONTHS_PER_PASS months, a month per transaction, each under
 * the org's lock: a second worker waits and then finds the stretch done, so nothing is summed twice.
 * Returns how many stretches it summed.
 */
export async function advanceAnalyticsRollups(db: Database, orgId: string, now: Date): Promise<number> {
  let summed = 0;
  for (let pass = 0; pass < MONTHS_PER_PASS; pass++) {
    const done = await db.transaction(async (tx) => {
      await lockOrg(tx, orgId);
      const step = await nextStep(tx, orgId, now);
      const through = step.to ?? step.settled;
      if (step.from !== null && step.to !== null) {
        if (new Date(step.settled).getTime() - new Date(step.from).getTime() < STEP_AT_LEAST_MS) return true;
        if (new Date(step.to) <= new Date(step.from)) return true;
        await sumStretch(tx, {
          orgId,
          timeZone: step.timeZone,
          from: new Date(step.from),
          to: new Date(step.to),
        });
      }
      await tx.execute(sql`
        insert into analytics_watermarks (org_id, time_zone, through)
        values (${orgId}::uuid, ${step.timeZone}, ${through}::timestamptz)
        on conflict (org_id) do update set time_zone = excluded.time_zone, through = excluded.through`);
      summed += 1;
      return through === step.settled;
    });
    if (done) break;
  }
  return summed;
}
