import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { people } from "../../db/schema";
import { DomainError } from "../shared/errors";

export interface PersonSummary {
  id: string;
  name: string;
  active: boolean;
  isBot: boolean;
}

/**
 * Loads people of one org by id. An id from another org is indistinguishable from one that does not
 * exist, so nothing about other orgs leaks through the error.
 */
export async function loadPeople(
  db: Executor,
  orgId: string,
  ids: readonly string[],
): Promise<PersonSummary[]> {
  const unique = [...new Set(ids)];
  const rows = await db
    .select({ id: people.id, name: people.name, active: people.active, isBot: people.isBot })
    .from(people)
    .where(and(eq(people.orgId, orgId), inArray(people.id, unique)));
  if (rows.length !== unique.length) {
    throw new DomainError("not_found", "That person isn't in your organization.", {
      missing: unique.filter((id) => !rows.some((row) => row.id === id)),
    });
  }
  return rows;
}
