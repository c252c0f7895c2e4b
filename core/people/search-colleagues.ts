import { and, eq, ilike, ne, or, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "../../db/client";
import { people } from "../../db/schema";
import type { Actor } from "../shared/actor";
import { actorOrgId, authorize } from "../shared/permissions";
import { parseInput, text } from "../shared/validation";

const searchInput = z.object({
  query: text().trim().max(100, "Search for at most 100 characters.").optional(),
  limit: z.number().int().min(1).max(50).default(8),
});

export type SearchColleaguesInput = z.input<typeof searchInput>;

export interface ColleagueMatch {
  id: string;
  name: string;
  email: string;
  department: string | null;
}

/** Escapes LIKE's wildcards so that "50%" or "a_b" match themselves. */
function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

export interface ColleagueSearch {
  people: ColleagueMatch[];
  /** Whether the actor's own name or email contains the query: why a search for oneself finds no one. */
  matchesYou: boolean;
}

/**
 * People the actor could thank: active, not bots, not the actor themself, whose name or email contains
 * the query. Names that start with the query come first, then the rest alphabetically.
 */
export async function searchColleagues(
  db: Executor,
  actor: Actor,
  input: SearchColleaguesInput = {},
): Promise<ColleagueSearch> {
  authorize(actor, "search_people");
  const orgId = actorOrgId(actor);
  const request = parseInput(searchInput, input);
  const literal = likeLiteral(request.query ?? "");
  const contains = `%${literal}%`;
  const matches = literal ? or(ilike(people.name, contains), ilike(people.email, contains)) : undefined;
  const rows = await db
    .select({ id: people.id, name: people.name, email: people.email, department: people.department })
    .from(people)
    .where(
      and(
        eq(people.orgId, orgId),
        eq(people.active, true),
        eq(people.isBot, false),
        actor.kind === "person" ? ne(people.id, actor.personId) : undefined,
        matches,
      ),
    )
    // The database collation sorts by byte, which would put "ana" after "Zed".
    .orderBy(
      sql`${people.name} ilike ${`${literal}%`} desc`,
      sql`lower(${people.name})`,
      people.name,
      people.id,
    )
    .limit(request.limit);
  return { people: rows, matchesYou: rows.length === 0 && (await actorMatches(db, actor, matches)) };
}

/** Whether the actor is a person the condition holds for; asked only when a search found no one else. */
async function actorMatches(db: Executor, actor: Actor, condition: SQL | undefined): Promise<boolean> {
  if (actor.kind !== "person" || !condition) return false;
  const [you] = await db
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.orgId, actor.orgId), eq(people.id, actor.personId), condition));
  return you !== undefined;
}
