import { and, eq } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { organizations, people } from "../../db/schema";
import type { Actor, Role } from "../shared/actor";
import type { PointValue } from "../shared/money";

export interface Viewer {
  actor: Actor & { kind: "person" };
  person: { id: string; name: string; email: string; roles: Role[] };
  org: { id: string; name: string; timeZone: string; pointValue: PointValue; valuesMode: string };
}

/**
 * Who a signed-in session acts as, read fresh on every request so that a role change or a deactivation
 * takes effect at once. Null when the person no longer exists or has been deactivated.
 */
export async function loadViewer(db: Executor, personId: string): Promise<Viewer | null> {
  const [row] = await db
    .select({
      id: people.id,
      name: people.name,
      email: people.email,
      roles: people.roles,
      orgId: organizations.id,
      orgName: organizations.name,
      timeZone: organizations.timeZone,
      points: organizations.pointValuePoints,
      minor: organizations.pointValueMinor,
      currency: organizations.currency,
      valuesMode: organizations.valuesMode,
    })
    .from(people)
    .innerJoin(organizations, eq(organizations.id, people.orgId))
    .where(and(eq(people.id, personId), eq(people.active, true), eq(people.isBot, false)));
  if (!row) return null;
  return {
    actor: { kind: "person", orgId: row.orgId, personId: row.id, roles: row.roles },
    person: { id: row.id, name: row.name, email: row.email, roles: row.roles },
    org: {
      id: row.orgId,
      name: row.orgName,
      timeZone: row.timeZone,
      pointValue: { points: row.points, minor: row.minor, currency: row.currency },
      valuesMode: row.valuesMode,
    },
  };
}
