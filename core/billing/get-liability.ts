import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "../../db/client";
import { loadOrgContext } from "../org/org-context";
import type { Actor } from "../shared/actor";
import { type Clock, systemClock } from "../shared/clock";
import { DomainError } from "../shared/errors";
import type { PointValue } from "../shared/money";
import { actorOrgId, authorize } from "../shared/permissions";
import { parseInput } from "../shared/validation";
import { earnedOf, heldOf, movementsBetween } from "./ledger-days";

const liabilityInput = z.object({
  /** An instant, ISO 8601 with its offset; now when left out. */
  asOf: z.iso
    .datetime({ offset: true, message: "Give a date and time such as 2026-11-30T23:59:59-05:00." })
    .optional(),
});

export type GetLiabilityInput = z.input<typeof liabilityInput>;

export interface DepartmentLiability {
  department: string | null;
  people: number;
  earned: number;
  held: number;
  /** Earned plus held, as for the whole org. */
  outstanding: number;
}

export interface Liability {
  asOf: Date;
  pointValue: PointValue;
  /** Points people have earned and not redeemed, and points held for redemptions not yet settled. */
  earned: number;
  held: number;
  /** What the company owes in points: earned plus held. */
  outstanding: number;
  /** By the department each person is in now. */
  byDepartment: DepartmentLiability[];
}

/**
 * Earned points not yet redeemed are a debt of the company: how many there were at an instant (every
 * posting made at or before it), and in open holds, in total and by department.
 */
export async function getLiability(
  db: Executor,
  actor: Actor,
  input: GetLiabilityInput = {},
  clock: Clock = systemClock,
): Promise<Liability> {
  authorize(actor, "read_liability");
  const orgId = actorOrgId(actor);
  const request = parseInput(liabilityInput, input);
  const now = clock();
  const asOf = request.asOf ? new Date(request.asOf) : now;
  if (asOf > now) throw new DomainError("invalid", "Choose a time that has passed.", { field: "asOf" });
  const through = new Date(asOf.getTime() + 1);
  const [org, movements, byDepartment] = await Promise.all([
    loadOrgContext(db, orgId),
    movementsBetween(db, orgId, null, through, now),
    departmentLiability(db, orgId, through),
  ]);
  const earned = earnedOf(movements);
  const held = heldOf(movements);
  return { asOf, pointValue: org.pointValue, earned, held, outstanding: earned + held, byDepartment };
}

/**
 * Each person's earned balance at `through` (their cached balance, less what moved after it) and their
 * redemptions held then, added up by their department. Cheap for recent instants, which are the usual.
 */
async function departmentLiability(
  db: Executor,
  orgId: string,
  through: Date,
): Promise<DepartmentLiability[]> {
  const rows = await db.execute<{
    department: string | null;
    people: string;
    earned: string;
    held: string;
  }>(sql`
    with since as (
      select a.person_id, sum(e.amount) as moved
      from ledger_transactions t
      join ledger_entries e on e.transaction_id = t.id
      join ledger_accounts a on a.id = e.account_id and a.kind = 'earned'
      where t.org_id = ${orgId}::uuid and t.created_at >= ${through.toISOString()}::timestamptz
      group by a.person_id
    ),
    earned as (
      select a.person_id, sum(a.balance) - coalesce(max(s.moved), 0) as earned
      from ledger_accounts a left join since s on s.person_id = a.person_id
      where a.org_id = ${orgId}::uuid and a.kind = 'earned'
      group by a.person_id
    ),
    held as (
      select r.person_id, sum(r.points) as held
      from redemptions r
      join ledger_transactions h on h.id = r.hold_transaction_id
      left join ledger_transactions c on c.id = r.close_transaction_id
      where r.org_id = ${orgId}::uuid and h.created_at < ${through.toISOString()}::timestamptz
        and (c.id is null or c.created_at >= ${through.toISOString()}::timestamptz)
      group by r.person_id
    )
    select p.department, count(*) as people, coalesce(sum(e.earned), 0) as earned, coalesce(sum(h.held), 0) as held
    from people p
    left join earned e on e.person_id = p.id
    left join held h on h.person_id = p.id
    where p.org_id = ${orgId}::uuid and (coalesce(e.earned, 0) <> 0 or coalesce(h.held, 0) <> 0)
    group by p.department
    order by sum(coalesce(e.earned, 0) + coalesce(h.held, 0)) desc, p.department nulls last`);
  return rows.map((row) => ({
    department: row.department,
    people: Number(row.people),
    earned: Number(row.earned),
    held: Number(row.held),
    outstanding: Number(row.earned) + Number(row.held),
  }));
}
