import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "../../db/client";
import { currentLevels, type LevelBadge } from "../levels/current-levels";
import { loadOrgContext } from "../org/org-context";
import type { Actor } from "../shared/actor";
import { type Clock, systemClock } from "../shared/clock";
import { type PointValue, pointsToMinor } from "../shared/money";
import { type PeriodRange, periodContaining } from "../shared/periods";
import { actorOrgId, authorize } from "../shared/permissions";
import { parseInput, text } from "../shared/validation";
import { normaliseValueName } from "../values/value-names";

const leaderboardInput = z.object({
  period: z.enum(["month", "quarter", "year"]).default("month"),
  value: text().max(60).optional(),
  limit: z.number().int().min(1).max(100).default(10),
});

export interface LeaderboardEntry {
  /** Competition ranking: equal points share a rank and the next rank is skipped (1, 1, 3). */
  rank: number;
  personId: string;
  name: string;
  department: string | null;
  points: number;
  pointsMinor: number;
  recognitions: number;
  level: LevelBadge | null;
}

export interface Leaderboard {
  period: PeriodRange;
  value: string | null;
  entries: LeaderboardEntry[];
  pointValue: PointValue;
}

type Row = {
  person_id: string;
  name: string;
  department: string | null;
  points: string;
  recognitions: string;
  rank: string;
};

/** Who received the most points in the current month, quarter or year (org time zone), overall or for one value. */
export async function getLeaderboard(
  db: Executor,
  actor: Actor,
  input: z.input<typeof leaderboardInput> = {},
  clock: Clock = systemClock,
): Promise<Leaderboard> {
  authorize(actor, "read_leaderboard");
  const request = parseInput(leaderboardInput, input);
  const orgId = actorOrgId(actor);
  const org = await loadOrgContext(db, orgId);
  const period = periodContaining(request.period, clock(), org.timeZone);
  const value = request.value ? normaliseValueName(request.value) : null;
  const valueFilter = value
    ? sql`and exists (select 1 from recognition_values rv join company_values v on v.id = rv.value_id
        where rv.recognition_id = rr.recognition_id and v.org_id = ${orgId}::uuid and v.name = ${value})`
    : sql``;
  const rows = await db.execute<Row>(sql`
    select p.id as person_id, p.name, p.department, sum(rr.amount) as points, count(*) as recognitions,
           rank() over (order by sum(rr.amount) desc) as rank
    from recognition_recipients rr
    join people p on p.org_id = rr.org_id and p.id = rr.person_id
    where rr.org_id = ${orgId}::uuid and p.active
      and rr.created_at >= ${period.start.toISOString()}::timestamptz
      and rr.created_at < ${period.end.toISOString()}::timestamptz
      -- A recognition kept out of the feed (a private celebration) isn't for others to rank.
      and exists (select 1 from recognitions r where r.org_id = rr.org_id and r.id = rr.recognition_id and r.in_feed)
      ${valueFilter}
    group by p.id
    order by points desc, p.name
    limit ${request.limit}`);
  const levels = await currentLevels(
    db,
    orgId,
    rows.map((row) => row.person_id),
    clock(),
  );
  return {
    period,
    value,
    pointValue: org.pointValue,
    entries: rows.map((row) => ({
      rank: Number(row.rank),
      personId: row.person_id,
      name: row.name,
      department: row.department,
      points: Number(row.points),
      pointsMinor: pointsToMinor(Number(row.points), org.pointValue),
      recognitions: Number(row.recognitions),
      level: levels.get(row.person_id) ?? null,
    })),
  };
}
