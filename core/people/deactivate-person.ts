import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "../../db/client";
import { ledgerTransactions, organizations, people } from "../../db/schema";
import { syncCurrentAllowance } from "../allowances/allowance-sync";
import { lockEarnedSlots, systemAccountId } from "../ledger/accounts";
import { post, recordResult } from "../ledger/postings";
import { requestHash } from "../ledger/request-hash";
import { recordAudit } from "../org/audit";
import type { Actor } from "../shared/actor";
import { type Clock, systemClock } from "../shared/clock";
import { DomainError } from "../shared/errors";
import { actorOrgId, authorize } from "../shared/permissions";
import { parseInput, uuid } from "../shared/validation";
import { type LockedPerson, lockPersonAndAdmins } from "./person-lock";

const deactivateInput = z.object({
  personId: uuid("Choose a person."),
});

export type DeactivatePersonInput = z.input<typeof deactivateInput>;

export interface DeactivatePersonResult {
  personId: string;
  /** Null only for someone who was created inactive (by an import) and never deactivated here. */
  deactivatedAt: Date | null;
  /** Earned points moved to the org's forfeited account; 0 under the 'keep' policy. */
  forfeited: number;
  forfeitTransactionId: number | null;
  /** True when the person was already inactive and nothing was written. */
  replayed: boolean;
}

function forfeitKey(personId: string, deactivatedAt: Date): string {
  return `forfeit:${personId}:${deactivatedAt.toISOString()}`;
}

/**
 * Deactivates a person (an admin or the system): they keep their history but can no longer give or
 * receive. Under the org's 'forfeit' leaver policy their whole earned balance moves to the org's
 * forfeited account in the same transaction; under 'keep' it stays. Deactivating someone already
 * inactive changes nothing and returns what their deactivation did.
 */
export async function deactivatePerson(
  db: Executor,
  actor: Actor,
  input: DeactivatePersonInput,
  clock: Clock = systemClock,
): Promise<DeactivatePersonResult> {
  authorize(actor, "manage_people");
  const orgId = actorOrgId(actor);
  const { personId } = parseInput(deactivateInput, input);
  const actorPersonId = actor.kind === "person" ? actor.personId : null;
  if (actorPersonId === personId) {
    throw new DomainError("invalid", "You can't deactivate yourself.", { field: "personId" });
  }

  return db.transaction(async (tx) => {
    const { person, activeAdminIds } = await lockPersonAndAdmins(tx, orgId, personId);
    if (!person.active) return earlierDeactivation(tx, orgId, person);
    if (person.roles.includes("admin") && activeAdminIds.every((id) => id === personId)) {
      throw new DomainError(
        "conflict",
        `${person.name} is the last active admin; make someone else admin first.`,
        {
          field: "personId",
        },
      );
    }

    const [org] = await tx
      .select({
        leaverPolicy: organizations.leaverPolicy,
        perReport: organizations.managerAllowancePerReport,
      })
      .from(organizations)
      .where(eq(organizations.id, orgId));
    if (!org) throw new DomainError("not_found", "No such organization.");

    const deactivatedAt = clock();
    await tx
      .update(people)
      .set({ active: false, deactivatedAt })
      .where(and(eq(people.orgId, orgId), eq(people.id, personId)));

    let forfeited = 0;
    let forfeitTransactionId: number | null = null;
    if (org.leaverPolicy === "forfeit") {
      const slots = await lockEarnedSlots(tx, orgId, personId);
      forfeited = slots.reduce((sum, slot) => sum + slot.balance, 0);
      if (forfeited > 0) {
        const idempotencyKey = forfeitKey(personId, deactivatedAt);
        forfeitTransactionId = await post(tx, {
          orgId,
          kind: "forfeit",
          at: deactivatedAt,
          idempotencyKey,
          requestHash: requestHash({ personId, amount: forfeited }),
          actorPersonId,
          // The accounts name whose balance it was; a name here would outlive an erasure of it.
          memo: "Earned balance forfeited on deactivation",
          entries: [
            ...slots
              .filter((slot) => slot.balance > 0)
              .map((slot) => ({ accountId: slot.accountId, amount: -slot.balance })),
            { accountId: await systemAccountId(tx, orgId, "forfeited"), amount: forfeited },
          ],
        });
        await recordResult(tx, forfeitTransactionId, { personId, forfeited });
        await recordAudit(tx, actor, {
          orgId,
          action: "points.forfeit",
          targetType: "person",
          targetId: personId,
          before: { earned: forfeited },
          after: { earned: 0, forfeited, transactionId: forfeitTransactionId },
        });
      }
    }

    await recordAudit(tx, actor, {
      orgId,
      action: "person.deactivate",
      targetType: "person",
      targetId: personId,
      before: { active: true, deactivatedAt: null },
      after: {
        active: false,
        deactivatedAt: deactivatedAt.toISOString(),
        leaverPolicy: org.leaverPolicy,
        forfeited,
      },
    });

    // One fewer active report: the manager's per-report allowance for this month shrinks, never below
    // what they have already given.
    if (person.managerId !== null && org.perReport > 0) {
      await syncCurrentAllowance(tx, orgId, person.managerId, actorPersonId, deactivatedAt);
    }
    return { personId, deactivatedAt, forfeited, forfeitTransactionId, replayed: false };
  });
}

/** What the deactivation of an already inactive person did, read back from its forfeit transaction. */
async function earlierDeactivation(
  tx: Executor,
  orgId: string,
  person: LockedPerson,
): Promise<DeactivatePersonResult> {
  const { deactivatedAt } = person;
  const [forfeit] = deactivatedAt
    ? await tx
        .select({ id: ledgerTransactions.id, result: ledgerTransactions.result })
        .from(ledgerTransactions)
        .where(
          and(
            eq(ledgerTransactions.orgId, orgId),
            eq(ledgerTransactions.idempotencyKey, forfeitKey(person.id, deactivatedAt)),
          ),
        )
    : [];
  const recorded = forfeit?.result as { forfeited?: number } | null | undefined;
  return {
    personId: person.id,
    deactivatedAt,
    forfeited: recorded?.forfeited ?? 0,
    forfeitTransactionId: forfeit ? Number(forfeit.id) : null,
    replayed: true,
  };
}
