import { sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { type AnalyticsScope, inScope } from "./analytics-scoping";

export interface Unrecognised {
  personId: string;
  name: string;
  department: string | null;
  /** When they last received a recognition (a company award included); null if never. */
  lastRecognizedAt: string | null;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Active people counted whom no one has recognised in the last `days` days as of `now`, whatever the
 * range of months: the longest waiting (never, then the oldest) first. Each person's latest is one
 * entry of the index by recipient.
 */
export async function unrecognisedPeople(
  db: Executor,
  scope: AnalyticsScope,
  days: number,
  now: Date,
): Promise<Unrecognised[]> {
  const since = new Date(now.getTime() - days * DAY_MS);
  const rows = await db.execute<{
    id: string;
    name: string;
    department: string | null;
    last_at: string | null;
  }>(sql`
    select p.id, p.name, p.department, to_json(l.at) #>> '{}' as last_at
    from people p
    left join lateral (
      select rr.created_at as at from recognition_recipients rr
      where rr.org_id = p.org_id and rr.person_id = p.id and rr.created_at <= ${now.toISOString()}::timestamptz
      -- "nulls last" matches the index's order, so this reads one index entry instead of sorting.
      order by rr.created_at desc nulls last limit 1
    ) l on true
    where p.org_id = ${scope.orgId}::uuid and p.active and not p.is_bot and ${inScope(scope, sql`p.id`)}
      and (l.at is null or l.at < ${since.toISOString()}::timestamptz)
    order by l.at nulls first, lower(p.name), p.id`);
  return rows.map((row) => ({
    personId: row.id,
    name: row.name,
    department: row.department,
    lastRecognizedAt: row.last_at ? new Date(row.last_at).toISOString() : null,
  }));
}
