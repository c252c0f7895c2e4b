import { and, eq, isNotNull, ne, sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { people } from "../../db/schema";
import type { Actor } from "../shared/actor";
import { actorOrgId, authorize } from "../shared/permissions";

/**
 * The departments people of the org belong to, for narrowing the feed. Leavers' departments stay listed:
 * their recognitions are still in the feed.
 */
export async function listDepartments(db: Executor, actor: Actor): Promise<{ departments: string[] }> {
  authorize(actor, "read_feed");
  const orgId = actorOrgId(actor);
  const rows = await db
    .selectDistinct({ department: people.department, sortKey: sql<string>`lower(${people.department})` })
    .from(people)
    .where(
      and(
        eq(people.orgId, orgId),
        eq(people.isBot, false),
        isNotNull(people.department),
        ne(sql`trim(${people.department})`, ""),
      ),
    )
    // The database collation sorts by byte, which would put "marketing" after "Sales".
    .orderBy(sql`lower(${people.department})`, people.department);
  return { departments: rows.flatMap((row) => (row.department ? [row.department] : [])) };
}
