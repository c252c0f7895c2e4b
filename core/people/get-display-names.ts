import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "../../db/client";
import { companyValues, people } from "../../db/schema";
import type { Actor } from "../shared/actor";
import { actorOrgId, authorize } from "../shared/permissions";
import { parseInput, uuid } from "../shared/validation";

const ids = z
  .array(uuid("Name records by their id."))
  .max(1000, "Ask for at most 1,000 names at once.")
  .default([]);

const displayNamesInput = z.object({ people: ids, values: ids });

export type GetDisplayNamesInput = z.input<typeof displayNamesInput>;

export interface DisplayNames {
  /** Person id to name; ids of no person in the org are left out. */
  people: Record<string, string>;
  /** Company value id to its hashtag name; ids of no value in the org are left out. */
  values: Record<string, string>;
}

/**
 * Names for ids that a page shows: who created a key, whom an audit entry is about. Names of colleagues
 * (leavers included) and of values are public within an org, as the feed and profiles show them; an id
 * of another org is left out exactly like one that does not exist.
 */
export async function getDisplayNames(
  db: Executor,
  actor: Actor,
  input: GetDisplayNamesInput,
): Promise<DisplayNames> {
  authorize(actor, "read_feed");
  const orgId = actorOrgId(actor);
  const request = parseInput(displayNamesInput, input);
  const personIds = [...new Set(request.people)];
  const valueIds = [...new Set(request.values)];
  const [personRows, valueRows] = await Promise.all([
    personIds.length === 0
      ? []
      : db
          .select({ id: people.id, name: people.name })
          .from(people)
          .where(and(eq(people.orgId, orgId), inArray(people.id, personIds))),
    valueIds.length === 0
      ? []
      : db
          .select({ id: companyValues.id, name: companyValues.name })
          .from(companyValues)
          .where(and(eq(companyValues.orgId, orgId), inArray(companyValues.id, valueIds))),
  ]);
  return {
    people: Object.fromEntries(personRows.map((row) => [row.id, row.name])),
    values: Object.fromEntries(valueRows.map((row) => [row.id, row.name])),
  };
}
