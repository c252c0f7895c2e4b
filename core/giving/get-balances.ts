import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "../../db/client";
import { reportsAmong } from "../people/reporting-lines";
import type { Actor } from "../shared/actor";
import { type Clock, systemClock } from "../shared/clock";
import { DomainError } from "../shared/errors";
import { type PointValue, pointsToMinor } from "../shared/money";
import { authorize } from "../shared/permissions";
import { parseInput, uuid } from "../shared/validation";

const balancesInput = z.object({ personId: uuid().optional() });

export interface Balances {
  personId: string;
  /** The allowance month, `YYYY-MM` in the org's time zone. */
  period: string;
  pointValue: PointValue;
  allowance: {
    /** Left to give this month. */
    remaining: number;
    remainingMinor: number;
    /** This month's allowance including boosts, as it stands now (after any change mid-month). */
    total: number;
    given: number;
  };
  earned: { balance: number; balanceMinor: number };
}

type BalanceRow = {
  period: string;
  currency: string;
  points: number;
  minor: number;
  allowance_balance: string | null;
  entitlement: string;
  given: string;
  earned: string | null;
};

/**
 * What a person has left to give this month and what they have earned. Before their first give of a
 * month the allowance account does not exist yet; its opening amount is computed the same way the give
 * would open it.
 */
export async function getBalances(
  db: Executor,
  actor: Actor,
  input: z.input<typeof balancesInput> = {},
  clock: Clock = systemClock,
): Promise<Balances> {
  if (actor.kind === "operator") throw new DomainError("forbidden", "Act within an org.");
  const request = parseInput(balancesInput, input);
  const personId = request.personId ?? (actor.kind === "person" ? actor.personId : undefined);
  if (!personId) throw new DomainError("invalid", "Say whose balances to read.", { field: "personId" });

  const rows = await db.execute<BalanceRow>(sql`
    with ctx as (
      select o.id as org_id, o.currency, o.point_value_points as points, o.point_value_minor as minor,
             plaudit_period(o.time_zone, ${clock().toISOString()}::timestamptz) as period
      from organizations o join people p on p.org_id = o.id
      where o.id = ${actor.orgId}::uuid and p.id = ${personId}::uuid
    )
    select ctx.period, ctx.currency, ctx.points, ctx.minor,
           a.balance as allowance_balance,
           plaudit_allowance_entitlement(ctx.org_id, ${personId}::uuid, ctx.period) as entitlement,
           coalesce((select -sum(e.amount) from ledger_entries e
                     join ledger_transactions t on t.id = e.transaction_id and t.kind = 'give'
                     where e.account_id = a.id), 0) as given,
           (select sum(balance) from ledger_accounts earned
            where earned.org_id = ctx.org_id and earned.person_id = ${personId}::uuid
              and earned.kind = 'earned' and earned.period is null) as earned
    from ctx
    left join ledger_accounts a on a.org_id = ctx.org_id and a.person_id = ${personId}::uuid
      and a.kind = 'allowance' and a.period = ctx.period`);
  const row = rows[0];
  if (!row) throw new DomainError("not_found", "That person isn't in your organization.");

  const isSelf = actor.kind === "person" && actor.personId === personId;
  const managerOfTarget =
    actor.kind === "person" &&
    !isSelf &&
    (await reportsAmong(db, actor.orgId, actor.personId, [personId])).size > 0;
  authorize(actor, "read_balances", { self: isSelf, managerOfTarget });

  const pointValue = { points: row.points, minor: row.minor, currency: row.currency };
  const given = Number(row.given);
  const remaining = row.allowance_balance === null ? Number(row.entitlement) : Number(row.allowance_balance);
  const earned = Number(row.earned ?? 0);
  return {
    personId,
    period: row.period,
    pointValue,
    allowance: {
      remaining,
      remainingMinor: pointsToMinor(remaining, pointValue),
      total: remaining + given,
      given,
    },
    earned: { balance: earned, balanceMinor: pointsToMinor(earned, pointValue) },
  };
}
