import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "../../db/client";
import {
  type LevelStanding,
  type LevelStandingColumns,
  levelStandingColumns,
  levelStandingOf,
} from "../levels/level-standing";
import { loadOrgContext } from "../org/org-context";
import type { Actor } from "../shared/actor";
import { type Clock, systemClock } from "../shared/clock";
import { DomainError } from "../shared/errors";
import type { PointValue } from "../shared/money";
import { type PeriodRange, periodContaining } from "../shared/periods";
import { actorOrgId, authorize } from "../shared/permissions";
import { parseInput, uuid } from "../shared/validation";

const profileInput = z.object({ personId: uuid("Choose a person.") });

export type GetPersonProfileInput = z.input<typeof profileInput>;

export interface RecognitionTotals {
  /** Points. */
  allTime: number;
  thisMonth: number;
  /** Recognitions, however many people each one thanked. */
  count: number;
}

export interface PersonProfile {
  person: {
    id: string;
    name: string;
    department: string | null;
    active: boolean;
    managerName: string | null;
    isSelf: boolean;
  };
  /** The calendar month "thisMonth" covers, in the org's time zone. */
  period: PeriodRange;
  pointValue: PointValue;
  /** Including company grants. */
  received: RecognitionTotals;
  given: RecognitionTotals;
  /** Company values on the recognitions they received, most used first, at most five. */
  topValues: { name: string; count: number }[];
  /** Their level and the next one; null when the org has no levels. */
  level: LevelStanding | null;
}

const TOP_VALUES = 5;

type Row = LevelStandingColumns & {
  id: string;
  name: string;
  department: string | null;
  active: boolean;
  manager_name: string | null;
  received_all_time: string;
  received_this_month: string;
  received_count: string;
  given_all_time: string;
  given_this_month: string;
  given_count: string;
  top_values: { name: string; count: number }[];
};

/**
 * A colleague's public profile: who they are and what they have received and given. Recognition is
 * public within an org, so any member may read any colleague's, leavers' included.
 */
export async function getPersonProfile(
  db: Executor,
  actor: Actor,
  input: GetPersonProfileInput,
  clock: Clock = systemClock,
): Promise<PersonProfile> {
  authorize(actor, "read_history");
  const orgId = actorOrgId(actor);
  const { personId } = parseInput(profileInput, input);
  const org = await loadOrgContext(db, orgId);
  const period = periodContaining("month", clock(), org.timeZone);
  const monthStart = period.start.toISOString();
  const monthEnd = period.end.toISOString();
  const isSelf = actor.kind === "person" && actor.personId === personId;
  // What they received out of the feed (a private celebration) counts on their own profile only.
  const privateKept = isSelf
    ? sql``
    : sql`and exists (select 1 from recognitions kept
        where kept.org_id = rr.org_id and kept.id = rr.recognition_id and kept.in_feed)`;
  // Every figure reads only this person's range of an index (received, given); nothing scans the org.
  const rows = await db.execute<Row>(sql`
    select p.id, p.name, p.department, p.active, m.name as manager_name,
           received.all_time as received_all_time, received.this_month as received_this_month,
           received.count as received_count,
           given.all_time as given_all_time, given.this_month as given_this_month, given.count as given_count,
           top_values.list as top_values, level_standing.*
    from people p
    left join people m on m.org_id = p.org_id and m.id = p.manager_id
    cross join lateral (
      select coalesce(sum(rr.amount), 0) as all_time, count(*) as count,
             coalesce(sum(rr.amount) filter (where rr.created_at >= ${monthStart}::timestamptz
                                               and rr.created_at < ${monthEnd}::timestamptz), 0) as this_month
      from recognition_recipients rr where rr.org_id = p.org_id and rr.person_id = p.id ${privateKept}
    ) received
    cross join lateral (
      select coalesce(sum(r.total_amount), 0) as all_time, count(*) as count,
             coalesce(sum(r.total_amount) filter (where r.created_at >= ${monthStart}::timestamptz
                                                    and r.created_at < ${monthEnd}::timestamptz), 0) as this_month
      from recognitions r where r.org_id = p.org_id and r.giver_id = p.id
    ) given
    cross join lateral (
      select coalesce(json_agg(json_build_object('name', ranked.name, 'count', ranked.count)
                               order by ranked.count desc, ranked.name), '[]'::json) as list
      from (
        select v.name, count(*)::int as count
        from recognition_recipients rr
        join recognition_values rv on rv.recognition_id = rr.recognition_id
        join company_values v on v.org_id = rv.org_id and v.id = rv.value_id
        where rr.org_id = p.org_id and rr.person_id = p.id and rv.org_id = p.org_id
        group by v.name
        order by count desc, v.name
        limit ${TOP_VALUES}
      ) ranked
    ) top_values
    ${levelStandingColumns(clock())}
    where p.org_id = ${orgId}::uuid and p.id = ${personId}::uuid`);
  const row = rows[0];
  if (!row) throw new DomainError("not_found", "That person isn't in your organization.");
  return {
    person: {
      id: row.id,
      name: row.name,
      department: row.department,
      active: row.active,
      managerName: row.manager_name,
      isSelf,
    },
    period,
    pointValue: org.pointValue,
    received: {
      allTime: Number(row.received_all_time),
      thisMonth: Number(row.received_this_month),
      count: Number(row.received_count),
    },
    given: {
      allTime: Number(row.given_all_time),
      thisMonth: Number(row.given_this_month),
      count: Number(row.given_count),
    },
    topValues: row.top_values,
    level: levelStandingOf(row),
  };
}
