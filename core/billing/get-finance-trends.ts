import { sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { loadOrgContext } from "../org/org-context";
import type { Actor } from "../shared/actor";
import { type Clock, systemClock } from "../shared/clock";
import type { PointValue } from "../shared/money";
import { actorOrgId, authorize } from "../shared/permissions";
import { periodBounds, periodOfInstant } from "./bill-period";
import { earnedOf, heldOf, movementsBetween } from "./ledger-hours";

export interface FinanceTrends {
  pointValue: PointValue;
  currency: string;
  /** The liability at the end of each of the last twelve months (the current one: now), oldest first. */
  monthEnds: { month: string; at: Date; outstanding: number }[];
  /** What each month's bill charges by reward kind (credits and fees included), oldest first. */
  spend: { month: string; giftCardMinor: number; charityMinor: number; customMinor: number }[];
}

const MONTHS = 12;

/** The figures behind the finance charts: twelve month-end liabilities, and monthly spend by reward kind. */
export async function getFinanceTrends(
  db: Executor,
  actor: Actor,
  clock: Clock = systemClock,
): Promise<FinanceTrends> {
  authorize(actor, "read_liability");
  const orgId = actorOrgId(actor);
  const now = clock();
  const org = await loadOrgContext(db, orgId);
  const months: string[] = [];
  let cursor = periodOfInstant(now, org.timeZone);
  for (let n = 0; n < MONTHS; n++) {
    months.unshift(cursor.period);
    cursor = periodOfInstant(new Date(cursor.start.getTime() - 1), org.timeZone);
  }
  const monthEnds = [];
  for (const month of months) {
    const end = periodBounds(month, org.timeZone).end;
    const at = new Date(Math.min(end.getTime(), now.getTime()));
    const movements = await movementsBetween(db, orgId, null, at, now);
    monthEnds.push({ month, at, outstanding: earnedOf(movements) + heldOf(movements) });
  }
  const rows = await db.execute<{ period: string; kind: string; billed: string }>(sql`
    select b.period, l.reward_kind as kind, sum(l.billed_minor) as billed
    from bills b join bill_lines l on l.bill_id = b.id
    where b.org_id = ${orgId}::uuid and b.period >= ${months[0] ?? ""}
    group by 1, 2`);
  const spend = months.map((month) => {
    const of = (kind: string) =>
      Number(rows.find((row) => row.period === month && row.kind === kind)?.billed ?? 0);
    return { month, giftCardMinor: of("gift_card"), charityMinor: of("charity"), customMinor: of("custom") };
  });
  return { pointValue: org.pointValue, currency: org.pointValue.currency, monthEnds, spend };
}
