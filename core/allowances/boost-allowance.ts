import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../../db/client";
import { allowanceBoosts, organizations } from "../../db/schema";
import { recordAudit } from "../org/audit";
import type { Actor } from "../shared/actor";
import { type Clock, systemClock } from "../shared/clock";
import { DomainError } from "../shared/errors";
import { monthKey } from "../shared/periods";
import { parseInput, text, uuid } from "../shared/validation";
import { checkAllowanceCeiling } from "./allowance-ceiling";
import { syncCurrentAllowance } from "./allowance-sync";
import { authorizeForPeople } from "./target-authorization";

const boostInput = z.object({
  personId: uuid(),
  amount: z
    .number("Enter a number of points.")
    .int("Points are whole numbers.")
    .positive("Boost by at least 1 point.")
    .max(1_000_000, "That boost is too large."),
  reason: text().trim().max(500).optional(),
  idempotencyKey: text().min(1).max(200),
  /** An admin's confirmation of a boost over the org's ceiling for managers. */
  confirmOverCeiling: z.boolean().default(false),
});

export type BoostAllowanceInput = z.input<typeof boostInput>;

export interface BoostAllowanceResult {
  boostId: string;
  period: string;
  remainingThisMonth: number;
  replayed: boolean;
}

/**
 * Adds one-time points to someone's allowance for the current month only, up to the org's ceiling for
 * managers (which an admin may pass by confirming).
 */
export async function boostAllowance(
  db: Database,
  actor: Actor,
  input: BoostAllowanceInput,
  clock: Clock = systemClock,
): Promise<BoostAllowanceResult> {
  if (actor.kind === "operator") throw new DomainError("forbidden", "Act within an org.");
  const request = parseInput(boostInput, input);
  const actorPersonId = actor.kind === "person" ? actor.personId : null;
  const now = clock();
  return db.transaction(async (tx) => {
    await authorizeForPeople(tx, actor, "boost_allowance", [request.personId]);
    await checkAllowanceCeiling(tx, actor, {
      points: request.amount,
      what: "boost",
      field: "amount",
      confirmed: request.confirmOverCeiling,
    });
    const [org] = await tx
      .select({ timeZone: organizations.timeZone })
      .from(organizations)
      .where(eq(organizations.id, actor.orgId));
    const period = monthKey(now, org?.timeZone ?? "UTC");
    const [inserted] = await tx
      .insert(allowanceBoosts)
      .values({
        orgId: actor.orgId,
        personId: request.personId,
        period,
        amount: request.amount,
        reason: request.reason,
        idempotencyKey: request.idempotencyKey,
        createdBy: actorPersonId,
      })
      .onConflictDoNothing({ target: [allowanceBoosts.orgId, allowanceBoosts.idempotencyKey] })
      .returning({ id: allowanceBoosts.id });
    let boost = inserted ? { id: inserted.id, period, replayed: false } : null;
    if (!boost) {
      // The key was used before (or by a concurrent twin that has now committed).
      const [earlier] = await tx
        .select()
        .from(allowanceBoosts)
        .where(
          and(
            eq(allowanceBoosts.orgId, actor.orgId),
            eq(allowanceBoosts.idempotencyKey, request.idempotencyKey),
          ),
        );
      if (!earlier || earlier.personId !== request.personId || earlier.amount !== request.amount) {
        throw new DomainError("idempotency_conflict", "This key was already used for a different boost.");
      }
      boost = { id: earlier.id, period: earlier.period, replayed: true };
    } else {
      await recordAudit(tx, actor, {
        orgId: actor.orgId,
        action: "allowance.boost",
        targetType: "person",
        targetId: request.personId,
        after: { amount: request.amount, period, reason: request.reason ?? null },
      });
    }
    const remainingThisMonth = await syncCurrentAllowance(
      tx,
      actor.orgId,
      request.personId,
      actorPersonId,
      now,
    );
    return { boostId: boost.id, period: boost.period, remainingThisMonth, replayed: boost.replayed };
  });
}
