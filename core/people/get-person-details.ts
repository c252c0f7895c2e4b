import { and, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import type { Executor } from "../../db/client";
import { organizations, people } from "../../db/schema";
import { earnedBalances } from "../ledger/accounts";
import type { Actor } from "../shared/actor";
import { DomainError } from "../shared/errors";
import type { PointValue } from "../shared/money";
import { actorOrgId, authorize } from "../shared/permissions";
import { parseInput, uuid } from "../shared/validation";
import { PERSON_DETAIL_COLUMNS, type PersonDetails } from "./person-details";

const detailsInput = z.object({ personId: uuid("Choose a person.") });

export type GetPersonDetailsInput = z.input<typeof detailsInput>;

export interface PersonDetailsView {
  person: PersonDetails & { deactivatedAt: Date | null; erasedAt: Date | null };
  manager: { id: string; name: string; email: string; active: boolean } | null;
  /** What deactivating them does to their earned balance: kept, or forfeited to the org. */
  leaver: { policy: "keep" | "forfeit"; earned: number };
  pointValue: PointValue;
}

const manager = alias(people, "manager");

/**
 * One person of the org as an admin manages them: every detail the edit form shows, their manager's
 * name, and what the org's leaver policy would do to their earned balance if they were deactivated now.
 */
export async function getPersonDetails(
  db: Executor,
  actor: Actor,
  input: GetPersonDetailsInput,
): Promise<PersonDetailsView> {
  authorize(actor, "read_people");
  const orgId = actorOrgId(actor);
  const { personId } = parseInput(detailsInput, input);
  const [row] = await db
    .select({
      person: { ...PERSON_DETAIL_COLUMNS, deactivatedAt: people.deactivatedAt, erasedAt: people.erasedAt },
      managerName: manager.name,
      managerEmail: manager.email,
      managerActive: manager.active,
      leaverPolicy: organizations.leaverPolicy,
      points: organizations.pointValuePoints,
      minor: organizations.pointValueMinor,
      currency: organizations.currency,
    })
    .from(people)
    .innerJoin(organizations, eq(organizations.id, people.orgId))
    .leftJoin(manager, and(eq(manager.orgId, people.orgId), eq(manager.id, people.managerId)))
    .where(and(eq(people.orgId, orgId), eq(people.id, personId)));
  if (!row) throw new DomainError("not_found", "That person isn't in your organization.");
  const earned = await earnedBalances(db, orgId, [personId]);
  const { person } = row;
  return {
    person,
    manager:
      person.managerId !== null && row.managerName !== null && row.managerEmail !== null
        ? {
            id: person.managerId,
            name: row.managerName,
            email: row.managerEmail,
            active: row.managerActive ?? false,
          }
        : null,
    leaver: { policy: row.leaverPolicy, earned: earned[personId] ?? 0 },
    pointValue: { points: row.points, minor: row.minor, currency: row.currency },
  };
}
