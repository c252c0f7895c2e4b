import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "../../db/client";
import { loadOrgContext } from "../org/org-context";
import { reportingLine } from "../people/reporting-lines";
import type { Actor } from "../shared/actor";
import { type Clock, systemClock } from "../shared/clock";
import { DomainError } from "../shared/errors";
import type { PointValue } from "../shared/money";
import { type PeriodRange, periodContaining } from "../shared/periods";
import { authorize } from "../shared/permissions";
import { arrayLiteral } from "../shared/sql-array";
import { parseInput } from "../shared/validation";

const teamInput = z.object({ scope: z.enum(["direct", "all"]).default("all") });

export type ListTeamInput = z.input<typeof teamInput>;

/** Someone who has received nothing for this long is flagged for their manager's attention. */
export const RECOGNITION_GAP_DAYS = 30;

export interface TeamMember {
  id: string;
  name: string;
  email: string;
  department: string | null;
  managerId: string | null;
  managerName: string | null;
  /** Reports to the viewer without a manager in between. */
  isDirect: boolean;
  active: boolean;
  /** This month's allowance, figured exactly as `getBalances` figures it. */
  allowance: {
    total: number;
    given: number;
    remaining: number;
    override: number | null;
    /** Boosts this month, part of `total`. */
    boosted: number;
  };
  receivedThisMonth: number;
  givenThisMonth: number;
  lastRecognizedAt: string | null;
  notRecognizedRecently: boolean;
}

export interface Team {
  period: PeriodRange;
  pointValue: PointValue;
  members: TeamMember[];
}

type Row = {
  id: string;
  name: string;
  email: string;
  department: string | null;
  manager_id: string | null;
  manager_name: string | null;
  is_direct: boolean;
  active: boolean;
  override: number | null;
  allowance_balance: string | null;
  entitlement: string | null;
  allowance_given: string;
  boosted: string;
  received_this_month: string;
  given_this_month: string;
  last_recognized_at: string | null;
};

/**
 * The manager dashboard: each active report with this month's allowance, what they received and gave,
 * and whether anyone has thanked them lately. Admins see their own reports here like any manager.
 */
export async function listTeam(
  db: Executor,
  actor: Actor,
  input: ListTeamInput = {},
  clock: Clock = systemClock,
): Promise<Team> {
  if (actor.kind !== "person") throw new DomainError("forbidden", "Only a person has a team.");
  authorize(actor, "read_team");
  const { scope } = parseInput(teamInput, input);
  const { orgId, personId: managerId } = actor;
  const now = clock();
  const org = await loadOrgContext(db, orgId);
  const period = periodContaining("month", now, org.timeZone);
  const monthStart = period.start.toISOString();
  const monthEnd = period.end.toISOString();
  // The walk is a statement of its own: planned together, PostgreSQL guesses a recursive CTE at ten
  // times its first step, and that guess times the look-ups per person below crossed the JIT threshold,
  // which then spent far longer compiling than the query takes to run.
  const line = await reportingLine(db, orgId, managerId, scope);
  if (line.length === 0) return { period, pointValue: org.pointValue, members: [] };
  // The allowance columns repeat getBalances' reading of the ledger, for every person in one statement.
  const rows = await db.execute<Row>(sql`
    with ctx as (select plaudit_period(${org.timeZone}, ${now.toISOString()}::timestamptz) as period)
    select p.id, p.name, p.email, p.department, p.manager_id, m.name as manager_name,
           p.manager_id = ${managerId}::uuid as is_direct, p.active, ov.monthly_amount as override,
           a.balance as allowance_balance,
           case when a.id is null then plaudit_allowance_entitlement(p.org_id, p.id, ctx.period) end as entitlement,
           coalesce((select -sum(e.amount) from ledger_entries e
                     join ledger_transactions t on t.id = e.transaction_id and t.kind = 'give'
                     where e.account_id = a.id), 0) as allowance_given,
           coalesce((select sum(b.amount) from allowance_boosts b
                     where b.org_id = p.org_id and b.person_id = p.id and b.period = ctx.period), 0) as boosted,
           coalesce((select sum(rr.amount) from recognition_recipients rr
                     where rr.org_id = p.org_id and rr.person_id = p.id
                       and rr.created_at >= ${monthStart}::timestamptz
                       and rr.created_at < ${monthEnd}::timestamptz), 0) as received_this_month,
           coalesce((select sum(r.total_amount) from recognitions r
                     where r.org_id = p.org_id and r.giver_id = p.id
                       and r.created_at >= ${monthStart}::timestamptz
                       and r.created_at < ${monthEnd}::timestamptz), 0) as given_this_month,
           (select to_json(rr.created_at) #>> '{}' from recognition_recipients rr
            where rr.org_id = p.org_id and rr.person_id = p.id
              and rr.created_at <= ${now.toISOString()}::timestamptz
            -- "nulls last" matches the index's order, so this reads one index entry instead of sorting.
            order by rr.created_at desc nulls last limit 1) as last_recognized_at
    from people p
    cross join ctx
    left join people m on m.org_id = p.org_id and m.id = p.manager_id
    left join allowance_overrides ov on ov.org_id = p.org_id and ov.person_id = p.id
    left join ledger_accounts a on a.org_id = p.org_id and a.person_id = p.id
      and a.kind = 'allowance' and a.period = ctx.period
    where p.org_id = ${orgId}::uuid and p.id = any(${arrayLiteral(line)}::uuid[])
      and p.active and not p.is_bot and p.id <> ${managerId}::uuid
    order by lower(p.name), p.name, p.id`);
  const recentSince = now.getTime() - RECOGNITION_GAP_DAYS * 24 * 60 * 60 * 1000;
  return {
    period,
    pointValue: org.pointValue,
    members: rows.map((row): TeamMember => {
      const given = Number(row.allowance_given);
      const remaining = Number(row.allowance_balance ?? row.entitlement);
      const lastRecognizedAt = row.last_recognized_at ? new Date(row.last_recognized_at) : null;
      return {
        id: row.id,
        name: row.name,
        email: row.email,
        department: row.department,
        managerId: row.manager_id,
        managerName: row.manager_name,
        isDirect: row.is_direct,
        active: row.active,
        allowance: {
          total: remaining + given,
          given,
          remaining,
          override: row.override,
          boosted: Number(row.boosted),
        },
        receivedThisMonth: Number(row.received_this_month),
        givenThisMonth: Number(row.given_this_month),
        lastRecognizedAt: lastRecognizedAt?.toISOString() ?? null,
        notRecognizedRecently: lastRecognizedAt === null || lastRecognizedAt.getTime() < recentSince,
      };
    }),
  };
}
