import { and, asc, eq, ilike, or, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "../../db/client";
import { people } from "../../db/schema";
import type { Actor } from "../shared/actor";
import { DomainError } from "../shared/errors";
import { actorOrgId, authorize } from "../shared/permissions";
import { parseInput, text, uuid } from "../shared/validation";
import { PERSON_DETAIL_COLUMNS, type PersonDetails } from "./person-details";

export const MAX_PEOPLE_PAGE = 200;

const listPeopleInput = z.object({
  cursor: text().max(1000).optional(),
  limit: z
    .number("Give the page size as a number.")
    .int("Give the page size as a whole number.")
    .min(1, "Ask for at least 1 person per page.")
    .max(MAX_PEOPLE_PAGE, `Ask for at most ${MAX_PEOPLE_PAGE} people per page.`)
    .default(50),
  /** Part of a name or an email, case-insensitive. */
  q: text().trim().max(200, "Keep the search under 200 characters.").optional(),
  email: text().trim().toLowerCase().max(320).optional(),
  externalEmployeeId: text().trim().max(200).optional(),
  /** Both active and inactive people when omitted. */
  active: z.boolean("Write true or false.").optional(),
});

export type ListPeopleInput = z.input<typeof listPeopleInput>;

export interface PeoplePage {
  items: PersonDetails[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

// Keyset cursor: the (name, id) of the last person shown, so a page never rescans the ones before it.
function encodeCursor(person: PersonDetails): string {
  return Buffer.from(JSON.stringify([person.name, person.id])).toString("base64url");
}

function decodeCursor(cursor: string): { name: string; id: string } {
  const invalid = new DomainError("invalid", "That page link is no longer valid.", { field: "cursor" });
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, "base64url").toString());
  } catch {
    throw invalid;
  }
  const parsed = z.tuple([text(), uuid()]).safeParse(decoded);
  if (!parsed.success) throw invalid;
  const [name, id] = parsed.data;
  return { name, id };
}

/** `%` and `_` in a search are literal characters, not wildcards. */
function containing(text: string): string {
  return `%${text.replace(/[\\%_]/g, "\\$&")}%`;
}

/**
 * The people of the actor's org by name, for admins and integrations: every detail an edit form or a
 * sync needs, inactive people included unless `active` says otherwise.
 */
export async function listPeople(
  db: Executor,
  actor: Actor,
  input: ListPeopleInput = {},
): Promise<PeoplePage> {
  authorize(actor, "read_people");
  const orgId = actorOrgId(actor);
  const request = parseInput(listPeopleInput, input);
  const conditions: (SQL | undefined)[] = [eq(people.orgId, orgId)];
  if (request.q) {
    conditions.push(
      or(ilike(people.name, containing(request.q)), ilike(people.email, containing(request.q))),
    );
  }
  if (request.email) conditions.push(eq(people.email, request.email));
  if (request.externalEmployeeId) conditions.push(eq(people.externalEmployeeId, request.externalEmployeeId));
  if (request.active !== undefined) conditions.push(eq(people.active, request.active));
  if (request.cursor) {
    const after = decodeCursor(request.cursor);
    conditions.push(sql`(${people.name}, ${people.id}) > (${after.name}, ${after.id}::uuid)`);
  }
  const rows = await db
    .select(PERSON_DETAIL_COLUMNS)
    .from(people)
    .where(and(...conditions))
    .orderBy(asc(people.name), asc(people.id))
    .limit(request.limit + 1);
  const items = rows.slice(0, request.limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > request.limit && last ? encodeCursor(last) : null };
}
