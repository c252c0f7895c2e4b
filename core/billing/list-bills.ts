import { sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import type { Actor } from "../shared/actor";
import { actorOrgId, authorize } from "../shared/permissions";

export interface BillSummary {
  id: string;
  period: string;
  status: "open" | "closed";
  number: string | null;
  currency: string;
  periodEnd: Date;
  closedAt: Date | null;
  lines: number;
  billedMinor: number;
  points: number;
}

/** Every bill of the org, newest month first, with its line count and what it bills (live for drafts). */
export async function listBills(db: Executor, actor: Actor): Promise<BillSummary[]> {
  authorize(actor, "read_bills");
  const orgId = actorOrgId(actor);
  const rows = await db.execute<{
    id: string;
    period: string;
    status: "open" | "closed";
    number: string | null;
    currency: string;
    period_end: Date;
    closed_at: Date | null;
    lines: string;
    billed: string;
    points: string;
  }>(sql`
    select b.id, b.period, b.status, b.number, b.currency, b.period_end, b.closed_at,
      coalesce((b.totals ->> 'lines')::bigint, l.lines, 0) as lines,
      coalesce((b.totals ->> 'billedMinor')::bigint, l.billed, 0) as billed,
      coalesce((b.totals ->> 'points')::bigint, l.points, 0) as points
    from bills b
    left join lateral (
      select count(*) as lines, sum(billed_minor) as billed, sum(points) as points
      from bill_lines where bill_id = b.id and b.status = 'open'
    ) l on true
    where b.org_id = ${orgId}::uuid
    order by b.period desc`);
  return rows.map((row) => ({
    id: row.id,
    period: row.period,
    status: row.status,
    number: row.number,
    currency: row.currency,
    periodEnd: new Date(row.period_end),
    closedAt: row.closed_at ? new Date(row.closed_at) : null,
    lines: Number(row.lines),
    billedMinor: Number(row.billed),
    points: Number(row.points),
  }));
}
