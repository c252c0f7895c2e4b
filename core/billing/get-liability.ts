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
import { departmentTotalsBefore, earnedOf, heldOf, movementsBetween } from "./ledger-hours";

const liabilityInput = z.object({
  /** An instant, ISO 8601 with its offset; now when left out. */
  asOf: z.iso
    .datetime({ offset: true, message: "Give a date and time such as 2026-11-30T23:59:59-05:00." })
    .optional(),
});

export type GetLiabilityInput = z.input<typeof liabilityInput>;

export interface DepartmentLiability {
  department: string | null;
  /** The people in the department now. */
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
  const [org, movements] = await Promise.all([
    loadOrgContext(db, orgId),
    // Summarises the settled hours first, which the breakdown by department then reads.
    movementsBetween(db, orgId, null, through, now),
  ]);
  const byDepartment = await departmentLiability(db, orgId, through, now);
  const earned = earnedOf(movements);
  const held = heldOf(movements);
  return { asOf, pointValue: org.pointValue, earned, held, outstanding: earned + held, byDepartment };
}

/**
 * Earned and held points at `through` by the department each person is in now, with the department's
 * head count, largest first; departments that owe nothing are left out.
 */
async function departmentLiability(
  db: Executor,
  orgId: string,
  through: Date,
  now: Date,
): Promise<DepartmentLiability[]> {
  const [totals, headcounts] = await Promise.all([
    departmentTotalsBefore(db, orgId, through, now),
    db.execute<{ department: string; people: string }>(sql`
      select coalesce(department, '') as department, count(*) as people from people
      where org_id = ${orgId}::uuid group by 1`),
  ]);
  const people = new Map(headcounts.map((row) => [row.department, Number(row.people)]));
  return totals
    .filter((row) => row.earned !== 0 || row.held !== 0)
    .map((row) => ({
      department: row.department === "" ? null : row.department,
      people: people.get(row.department) ?? 0,
      earned: row.earned,
      held: row.held,
      outstanding: row.earned + row.held,
    }))
    .sort(
      (a, b) =>
        b.outstanding - a.outstanding ||
        (a.department === null ? 1 : b.department === null ? -1 : a.department.localeCompare(b.department)),
    );
}
