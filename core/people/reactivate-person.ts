import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "../../db/client";
import { organizations, people } from "../../db/schema";
import { syncCurrentAllowance } from "../allowances/allowance-sync";
import { recordAudit } from "../org/audit";
import type { Actor } from "../shared/actor";
import { type Clock, systemClock } from "../shared/clock";
import { DomainError } from "../shared/errors";
import { actorOrgId, authorize } from "../shared/permissions";
import { parseInput, uuid } from "../shared/validation";
import { lockPersonAndAdmins, refuseErased } from "./person-lock";
import { holdsPrivilegedRole, requirePrivilegedAccess } from "./privileged-roles";

const reactivateInput = z.object({
  personId: uuid("Choose a person."),
});

export type ReactivatePersonInput = z.input<typeof reactivateInput>;

export interface ReactivatePersonResult {
  personId: string;
  /** False when the person was already active and nothing was written. */
  changed: boolean;
}

/**
 * Reactivates a deactivated person (an admin or the system): they can give and receive again, and get
 * this month's allowance. Points forfeited when they left are not restored: the forfeit was a real
 * ledger transaction, and giving them back would take a deliberate correction (an adjustment) by an
 * admin, not a side effect of reactivation.
 */
export async function reactivatePerson(
  db: Executor,
  actor: Actor,
  input: ReactivatePersonInput,
  clock: Clock = systemClock,
): Promise<ReactivatePersonResult> {
  authorize(actor, "manage_people");
  const orgId = actorOrgId(actor);
  const { personId } = parseInput(reactivateInput, input);
  const actorPersonId = actor.kind === "person" ? actor.personId : null;

  return db.transaction(async (tx) => {
    const { person } = await lockPersonAndAdmins(tx, orgId, personId);
    if (person.active) return { personId, changed: false };
    refuseErased(person, "reactivated");
    if (holdsPrivilegedRole(person.roles)) requirePrivilegedAccess(actor, "reactivation", person.name);
    const [org] = await tx
      .select({ perReport: organizations.managerAllowancePerReport })
      .from(organizations)
      .where(eq(organizations.id, orgId));
    if (!org) throw new DomainError("not_found", "No such organization.");

    await tx
      .update(people)
      .set({ active: true, deactivatedAt: null })
      .where(and(eq(people.orgId, orgId), eq(people.id, personId)));
    await recordAudit(tx, actor, {
      orgId,
      action: "person.reactivate",
      targetType: "person",
      targetId: personId,
      before: { active: false, deactivatedAt: person.deactivatedAt?.toISOString() ?? null },
      after: { active: true, deactivatedAt: null },
    });
    // One more active report: the manager's per-report allowance for this month grows.
    if (person.managerId !== null && org.perReport > 0) {
      await syncCurrentAllowance(tx, orgId, person.managerId, actorPersonId, clock());
    }
    return { personId, changed: true };
  });
}
