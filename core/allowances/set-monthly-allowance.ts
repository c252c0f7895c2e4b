import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "../../db/client";
import { allowanceOverrides } from "../../db/schema";
import { recordAudit } from "../org/audit";
import type { Actor } from "../shared/actor";
import { type Clock, systemClock } from "../shared/clock";
import { DomainError } from "../shared/errors";
import { parseInput, uuid } from "../shared/validation";
import { checkAllowanceCeiling } from "./allowance-ceiling";
import { syncCurrentAllowance } from "./allowance-sync";
import { authorizeForPeople } from "./target-authorization";

const setAllowanceInput = z.object({
  personIds: z.array(uuid()).min(1, "Choose at least one person.").max(1000),
  /** Points per month; 0 removes the allowance; null returns to the org default. */
  monthlyAmount: z
    .number("Enter a number of points.")
    .int("Points are whole numbers.")
    .min(0, "An allowance can't be negative.")
    .max(1_000_000, "That allowance is too large.")
    .nullable(),
  /** An admin's confirmation of an amount over the org's ceiling for managers. */
  confirmOverCeiling: z.boolean().default(false),
});

export type SetMonthlyAllowanceInput = z.input<typeof setAllowanceInput>;

export interface SetMonthlyAllowanceResult {
  people: { personId: string; monthlyAmount: number | null; remainingThisMonth: number }[];
}

/**
 * Sets the monthly allowance of one or more people: a manager for people in their reporting line, an
 * admin for anyone, up to the org's ceiling for managers (which an admin may pass by confirming).
 * Applies to the current month at once; what someone already gave stays given.
 */
export async function setMonthlyAllowance(
  db: Executor,
  actor: Actor,
  input: SetMonthlyAllowanceInput,
  clock: Clock = systemClock,
): Promise<SetMonthlyAllowanceResult> {
  if (actor.kind === "operator") throw new DomainError("forbidden", "Act within an org.");
  const request = parseInput(setAllowanceInput, input);
  const personIds = [...new Set(request.personIds)];
  const actorPersonId = actor.kind === "person" ? actor.personId : null;
  return db.transaction(async (tx) => {
    await authorizeForPeople(tx, actor, "set_allowance", personIds);
    if (request.monthlyAmount !== null) {
      await checkAllowanceCeiling(tx, actor, {
        points: request.monthlyAmount,
        what: "monthly allowance",
        field: "monthlyAmount",
        confirmed: request.confirmOverCeiling,
      });
    }
    const before = await tx
      .select({ personId: allowanceOverrides.personId, monthlyAmount: allowanceOverrides.monthlyAmount })
      .from(allowanceOverrides)
      .where(and(eq(allowanceOverrides.orgId, actor.orgId), inArray(allowanceOverrides.personId, personIds)));
    if (request.monthlyAmount === null) {
      await tx
        .delete(allowanceOverrides)
        .where(
          and(eq(allowanceOverrides.orgId, actor.orgId), inArray(allowanceOverrides.personId, personIds)),
        );
    } else {
      const monthlyAmount = request.monthlyAmount;
      await tx
        .insert(allowanceOverrides)
        .values(
          personIds.map((personId) => ({
            orgId: actor.orgId,
            personId,
            monthlyAmount,
            setBy: actorPersonId,
          })),
        )
        .onConflictDoUpdate({
          target: [allowanceOverrides.orgId, allowanceOverrides.personId],
          set: { monthlyAmount, setBy: actorPersonId, updatedAt: clock() },
        });
    }
    const results: SetMonthlyAllowanceResult["people"] = [];
    for (const personId of personIds.sort()) {
      await recordAudit(tx, actor, {
        orgId: actor.orgId,
        action: "allowance.set",
        targetType: "person",
        targetId: personId,
        before: { monthlyAmount: before.find((row) => row.personId === personId)?.monthlyAmount ?? null },
        after: { monthlyAmount: request.monthlyAmount },
      });
      const remainingThisMonth = await syncCurrentAllowance(
        tx,
        actor.orgId,
        personId,
        actorPersonId,
        clock(),
      );
      results.push({ personId, monthlyAmount: request.monthlyAmount, remainingThisMonth });
    }
    return { people: results };
  });
}
